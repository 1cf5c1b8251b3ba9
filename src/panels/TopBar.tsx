import { ChevronLeft, Redo2, Undo2 } from 'lucide-react';
import { setTitle } from '../domain';
import { useStakemap } from '../store';
import { navigate } from '../app/router';
import { flushSaves } from '../app/session';
import { SaveIndicator } from './SaveIndicator';
import { TextField } from './fields';
import { WorkshopTools } from './WorkshopTools';
import { HistoryButton } from './HistoryPanel';
import { ExportControls } from './ExportControls';

export function TopBar() {
  const title = useStakemap((s) => s.map?.title ?? '');
  const canUndo = useStakemap((s) => s.past.length > 0);
  const canRedo = useStakemap((s) => s.future.length > 0);
  const { undo, redo, apply } = useStakemap.getState();
  return (
    <header className="topbar">
      <button
        type="button"
        className="button ghost"
        onClick={() => void flushSaves().finally(() => navigate({ view: 'library' }))}
        aria-label="Stakemap: back to your maps"
      >
        <ChevronLeft size={18} aria-hidden="true" />
        <span className="brand">Stakemap</span>
      </button>
      <TextField
        className="title-field"
        label="Map title"
        hideLabel
        value={title}
        maxLength={200}
        required
        onCommit={(value) => apply((m) => setTitle(m, value), { coalesce: 'title' })}
      />
      <SaveIndicator />
      <div className="topbar-spacer" />
      <WorkshopTools />
      <ExportControls />
      <div className="button-group" role="group" aria-label="History">
        <button type="button" className="button icon" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl/⌘+Z)">
          <Undo2 size={18} aria-hidden="true" />
        </button>
        <button type="button" className="button icon" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Shift+Ctrl/⌘+Z)">
          <Redo2 size={18} aria-hidden="true" />
        </button>
        <HistoryButton />
      </div>
    </header>
  );
}
