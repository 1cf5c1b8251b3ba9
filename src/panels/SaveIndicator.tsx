import { Check, CloudOff, LoaderCircle } from 'lucide-react';
import { useStakemap } from '../store';

/** Says, without being asked, whether the map is safely stored. */
export function SaveIndicator() {
  const status = useStakemap((s) => s.saveStatus);
  const saving = status.state === 'saving' || (status.state === 'pending' && !status.message);
  const failed = status.state === 'error' || (status.state === 'pending' && Boolean(status.message));
  return (
    <div
      className={`save-indicator${failed ? ' is-error' : ''}`}
      role={failed ? 'alert' : 'status'}
      aria-live="polite"
      data-testid="save-status"
      data-state={status.state}
      title={status.message}
    >
      {failed ? <CloudOff size={16} aria-hidden="true" /> : saving ? <LoaderCircle size={16} className="spin" aria-hidden="true" /> : <Check size={16} aria-hidden="true" />}
      {/* The banner over the map says what happened and what to do; the top bar stays short. */}
      <span>{failed ? (status.state === 'pending' ? 'Not saved yet, retrying…' : 'Not saved') : saving ? 'Saving…' : status.state === 'memory' ? 'Kept in this tab only' : 'Saved'}</span>
    </div>
  );
}
