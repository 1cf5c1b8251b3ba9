// What came back after the app closed unexpectedly, said as soon as the map
// opens: edits put back from the edit journal, kept copies newer than the map
// (restore or compare), and when the journal itself cannot be written.
import { useEffect, useState, type ReactNode } from 'react';
import { Download, GitCompare, RotateCcw, X } from 'lucide-react';
import { Notice } from '../ui/Notice';
import { useStakemap } from '../store';
import { restoreKeptCopy } from '../commands';
import { markRescuesSeen } from '../persistence';
import { useHealth } from '../services/health';
import { describeDifferences, keptCopiesOf, type KeptCopy } from '../services/keptCopies';
import { downloadMap } from '../services/download';

function forget(field: 'recoveredEdits' | 'lostEdits', mapId: string): void {
  const rest = { ...useHealth.getState()[field] };
  delete rest[mapId];
  useHealth.setState({ [field]: rest });
}

function Dismiss({ onClick, label = 'Dismiss' }: { onClick: () => void; label?: string }) {
  return (
    <button type="button" className="button small" onClick={onClick}>
      <X size={14} aria-hidden="true" /> {label}
    </button>
  );
}

/** The newer kept copies of the map just opened; looked up once per opening. */
function useKeptCopies(mapId: string | null): [KeptCopy[], () => void] {
  const [found, setFound] = useState<{ mapId: string; copies: KeptCopy[] } | null>(null);
  useEffect(() => {
    if (!mapId) return;
    let cancelled = false;
    const shown = useStakemap.getState().map;
    if (!shown) return;
    keptCopiesOf(mapId, shown).then(
      (copies) => !cancelled && setFound({ mapId, copies }),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [mapId]);
  const copies = found && found.mapId === mapId ? found.copies : [];
  return [copies, () => setFound(null)];
}

function KeptCopyNotice({ mapId, copies, done }: { mapId: string; copies: KeptCopy[]; done: () => void }) {
  const [comparing, setComparing] = useState(false);
  const newest = copies[0]!;
  const seen = () => {
    markRescuesSeen(mapId);
    done();
  };
  const when = new Date(newest.at).toLocaleString();
  const more = copies.length > 1 ? ` (and ${copies.length - 1} older one${copies.length > 2 ? 's' : ''}, in the recovery view)` : '';
  return (
    <Notice
      tone="warning"
      testId="kept-copy-banner"
      title="A kept copy of this map is newer than what is shown"
      actions={
        <>
          <button
            type="button"
            className="button small primary"
            onClick={() => {
              if (restoreKeptCopy(newest.map)) seen();
            }}
          >
            <RotateCcw size={14} aria-hidden="true" /> Restore it
          </button>
          <button type="button" className="button small" aria-expanded={comparing} onClick={() => setComparing((c) => !c)}>
            <GitCompare size={14} aria-hidden="true" /> Compare
          </button>
          <button type="button" className="button small" onClick={() => downloadMap(newest.map)}>
            <Download size={14} aria-hidden="true" /> Download it
          </button>
          <Dismiss onClick={seen} label="Keep what is shown" />
        </>
      }
    >
      Stakemap kept it on this device at {when}, when it closed with changes not yet saved{more}. Restore puts it in place of the
      map (Undo takes it back).
      {comparing ? (
        <ul className="kept-copy-diff" data-testid="kept-copy-diff">
          {describeDifferences(useStakemap.getState().map ?? newest.map, newest.map).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

/** The notices for the map `mapId` (or for no map): put in the page's notice stack. */
export function useRecoveryNotices(mapId: string | null): ReactNode[] {
  const recovered = useHealth((s) => (mapId ? s.recoveredEdits[mapId] : undefined));
  const lost = useHealth((s) => (mapId ? s.lostEdits[mapId] : undefined));
  const journalProblem = useHealth((s) => s.journalProblem);
  const [copies, doneCopies] = useKeptCopies(mapId);
  const notices: ReactNode[] = [];
  if (mapId && recovered) {
    notices.push(
      <Notice key="recovered" tone="info" testId="recovered-banner" title={`${recovered} recent edit${recovered === 1 ? '' : 's'} recovered after Stakemap closed unexpectedly`} actions={<Dismiss onClick={() => forget('recoveredEdits', mapId)} />}>
        Each edit was kept on this device as it was made, and is back in the map.
      </Notice>,
    );
  }
  if (mapId && lost) {
    notices.push(
      <Notice key="lost" tone="warning" testId="lost-edits-banner" title={`${lost} recent edit${lost === 1 ? '' : 's'} could not be put back`} actions={<Dismiss onClick={() => forget('lostEdits', mapId)} />}>
        Stakemap closed unexpectedly, and the copy of them kept on this device was damaged. The map is as it was last saved.
      </Notice>,
    );
  }
  if (mapId && copies.length > 0) notices.push(<KeptCopyNotice key="kept" mapId={mapId} copies={copies} done={doneCopies} />);
  if (journalProblem) {
    notices.push(
      <Notice key="journal" tone="warning" testId="journal-banner" title="Each edit is now saved straight away" actions={<Dismiss onClick={() => useHealth.setState({ journalProblem: null })} />}>
        {journalProblem === 'full' ? "This browser's local storage is full" : 'This browser does not let Stakemap use local storage'}, where each edit is
        kept the moment it is made. Edits are saved to the map at once instead: if the browser crashes in that moment, the
        latest one may be lost.
      </Notice>,
    );
  }
  return notices;
}
