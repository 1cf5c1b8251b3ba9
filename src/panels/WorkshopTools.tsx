import { useState } from 'react';
import { Columns3, Keyboard, Presentation } from 'lucide-react';
import { useStakemap } from '../store';
import { cancelLanesLayout, runLanesLayout } from '../workshop/layoutAction';
import { enterPresentation } from '../workshop/presenting';

/** Lay out, present, and the shortcut sheet: the facilitator's buttons. */
export function WorkshopTools() {
  const [layingOut, setLayingOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const layout = async () => {
    setLayingOut(true);
    setError(null);
    try {
      await runLanesLayout();
    } catch (err) {
      if (!(err instanceof Error && err.name === 'LayoutCancelled')) setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLayingOut(false);
    }
  };
  return (
    <div className="button-group" role="group" aria-label="Workshop">
      {layingOut ? (
        <button type="button" className="button" onClick={() => void cancelLanesLayout()}>
          Laying out… Cancel
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void layout()} title="Arrange the map left to right as a value chain (L)">
          <Columns3 size={18} aria-hidden="true" /> Lay out
        </button>
      )}
      <button type="button" className="button" onClick={() => void enterPresentation()} title="Present the findings one by one">
        <Presentation size={18} aria-hidden="true" /> Present
      </button>
      <button type="button" className="button icon" onClick={() => useStakemap.getState().setOverlay('shortcuts')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        <Keyboard size={18} aria-hidden="true" />
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
