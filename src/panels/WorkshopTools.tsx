import { useState } from 'react';
import { Columns3, Keyboard, Presentation } from 'lucide-react';
import { FacilitateMenu } from './FacilitateMenu';
import { cancelLayout, layOutLanes, present, run, showShortcuts, tooltip } from '../commands';

/** Lay out, present, and the shortcut sheet: the facilitator's buttons. */
export function WorkshopTools() {
  const [layingOut, setLayingOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const layout = async () => {
    setLayingOut(true);
    setError(null);
    try {
      await run(layOutLanes);
    } catch (err) {
      if (!(err instanceof Error && err.name === 'LayoutCancelled')) setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLayingOut(false);
    }
  };
  return (
    <div className="button-group" role="group" aria-label="Workshop">
      {layingOut ? (
        <button type="button" className="button" onClick={() => void cancelLayout()}>
          Laying out… Cancel
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void layout()} title={tooltip(layOutLanes)}>
          <Columns3 size={18} aria-hidden="true" /> Lay out
        </button>
      )}
      <button type="button" className="button" onClick={() => void run(present)} title={tooltip(present)}>
        <Presentation size={18} aria-hidden="true" /> Present
      </button>
      <FacilitateMenu />
      <button type="button" className="button icon" onClick={() => run(showShortcuts)} aria-label="Keyboard shortcuts" title={tooltip(showShortcuts)}>
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
