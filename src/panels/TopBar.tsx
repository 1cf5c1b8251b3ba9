import { ChevronLeft, Redo2, Undo2 } from 'lucide-react';
import { useStakemap } from '../store';
import { redo, renameMap, run, tooltip, undo } from '../commands';
import { navigate } from '../services/router';
import { flushSaves } from '../services/session';
import { SaveIndicator } from './SaveIndicator';
import { TextField } from '../ui/fields';
import { WorkshopTools } from './WorkshopTools';
import { HistoryButton } from './HistoryPanel';
import { ExportControls } from './ExportControls';
import { LiveBar } from './LiveBar';
import { ShareLiveButton } from './ShareLive';

export function TopBar() {
  const title = useStakemap((s) => s.map?.title ?? '');
  const canUndo = useStakemap((s) => s.undoStack.length > 0);
  const canRedo = useStakemap((s) => s.redoStack.length > 0);
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
        onCommit={(value) => run(renameMap, value)}
      />
      <SaveIndicator />
      <LiveBar />
      <div className="topbar-spacer" />
      <ShareLiveButton />
      <WorkshopTools />
      <ExportControls />
      <div className="button-group" role="group" aria-label="History">
        <button type="button" className="button icon" onClick={() => run(undo)} disabled={!canUndo} aria-label="Undo" title={tooltip(undo)}>
          <Undo2 size={18} aria-hidden="true" />
        </button>
        <button type="button" className="button icon" onClick={() => run(redo)} disabled={!canRedo} aria-label="Redo" title={tooltip(redo)}>
          <Redo2 size={18} aria-hidden="true" />
        </button>
        <HistoryButton />
      </div>
    </header>
  );
}
