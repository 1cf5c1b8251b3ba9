// The map's snapshots, newest first, each restorable. Restoring is one undo
// step, and the map on screen is frozen first, so nothing is ever a dead end.
import { useEffect, useState } from 'react';
import { Camera, Download, History, RotateCcw } from 'lucide-react';
import { restoreSnapshot } from '../commands';
import type { SnapshotSummary } from '../persistence';
import { classifyStorageError } from '../persistence';
import { useStakemap } from '../store';
import { repository, takeSnapshot } from '../services/session';
import { downloadMap } from '../services/download';
import { Modal } from '../ui/Modal';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The map's snapshots; a storage failure leaves the list empty and says why. */
async function readSnapshots(mapId: string): Promise<{ snapshots: SnapshotSummary[]; error?: string }> {
  try {
    return { snapshots: await repository().listSnapshots(mapId) };
  } catch (err) {
    return { snapshots: [], error: classifyStorageError(err).message };
  }
}

export function HistoryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button icon" onClick={() => setOpen(true)} aria-label="History" title="History: snapshots of this map">
        <History size={18} aria-hidden="true" />
      </button>
      {open ? <HistoryPanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function HistoryPanel({ onClose }: { onClose: () => void }) {
  const mapId = useStakemap((s) => s.mapId);
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The list is read when the panel opens and again after a snapshot is taken by hand.
  const [listing, setListing] = useState(0);
  useEffect(() => {
    if (!mapId) return;
    let current = true;
    void readSnapshots(mapId).then(({ snapshots, error }) => {
      if (!current) return;
      if (error) setError(error);
      setSnapshots(snapshots);
    });
    return () => {
      current = false;
    };
  }, [mapId, listing]);

  const restore = async (id: number) => {
    try {
      if (await restoreSnapshot(id)) onClose();
      else setError('This snapshot could not be restored.');
    } catch (err) {
      setError(classifyStorageError(err).message);
    }
  };

  const saveCopy = async (id: number) => {
    const snapshot = await repository().getSnapshot(id).catch(() => undefined);
    if (snapshot) downloadMap(snapshot.map);
  };

  return (
    <Modal title="History" onClose={onClose} wide>
      <p className="history-intro">
        Snapshots of this map: one before the first change each time it is opened, then every few minutes of editing, and
        before big changes. Restoring one is a single step: Undo brings back the map as it is now.
      </p>
      <button type="button" className="button small" onClick={() => void takeSnapshot('Taken by hand').then(() => setListing((n) => n + 1))}>
        <Camera size={14} aria-hidden="true" /> Take a snapshot now
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {snapshots === null ? (
        <p aria-busy="true">Loading snapshots…</p>
      ) : snapshots.length === 0 ? (
        <p className="history-empty">No snapshots yet.</p>
      ) : (
        <ol className="history-list" aria-label="Snapshots, newest first">
          {snapshots.map((s) => (
            <li key={s.id} className="history-item" data-testid="snapshot">
              <div className="history-what">
                <time dateTime={new Date(s.createdAt).toISOString()}>{new Date(s.createdAt).toLocaleString()}</time>
                <span className="history-reason">{s.reason}</span>
                <span className="history-size">{formatSize(s.size)}</span>
              </div>
              <div className="history-actions">
                <button type="button" className="button small" onClick={() => void restore(s.id)} aria-label={`Restore the snapshot of ${new Date(s.createdAt).toLocaleString()}`}>
                  <RotateCcw size={14} aria-hidden="true" /> Restore
                </button>
                <button type="button" className="button small icon" onClick={() => void saveCopy(s.id)} aria-label={`Download the snapshot of ${new Date(s.createdAt).toLocaleString()}`}>
                  <Download size={14} aria-hidden="true" />
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  );
}
