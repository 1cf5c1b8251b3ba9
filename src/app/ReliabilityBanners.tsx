// Every storage problem, said where the team will see it within a second:
// what happened, what to do, and the buttons to do it. Edits stay in memory
// whatever happens; a download is always offered.
import { useEffect } from 'react';
import { Download, RefreshCw } from 'lucide-react';
import { Notice } from '../ui/Notice';
import { useStakemap } from '../store';
import type { StakeMap } from '../domain';
import { useHealth } from '../services/health';
import { flushSaves, loadLatest, repository, unsavedMaps } from '../services/session';
import { downloadMap } from '../services/download';
import { applyUpdate, reloadApp } from '../services/pwa';
import { useRecoveryNotices } from './RecoveryNotices';

const SAVE_ERROR_TITLES = {
  quota: 'Storage is full: your latest changes are not saved',
  unavailable: 'This browser is not letting Stakemap save',
  version: 'Stakemap was updated in another tab',
  conflict: 'This map was changed in another tab',
  unknown: 'Your latest changes are not saved yet',
} as const;

/** The maps a download should keep: the one on screen, else every unsaved one. */
function mapsToKeep(): StakeMap[] {
  const open = useStakemap.getState().map;
  return open ? [open] : unsavedMaps().map((u) => u.map);
}

async function downloadAllStored(): Promise<void> {
  for (const summary of await repository().list()) {
    if (summary.problems) continue; // damaged: the recovery view downloads it as it is
    const record = await repository().get(summary.id);
    if (record) downloadMap(record.map);
  }
}

function DownloadButton({ label = 'Download the map' }: { label?: string }) {
  return (
    <button type="button" className="button small" onClick={() => mapsToKeep().forEach(downloadMap)}>
      <Download size={14} aria-hidden="true" /> {label}
    </button>
  );
}

function ReloadButton({ label = 'Reload' }: { label?: string }) {
  return (
    <button type="button" className="button small" onClick={() => void reloadApp()}>
      <RefreshCw size={14} aria-hidden="true" /> {label}
    </button>
  );
}

export function ReliabilityBanners() {
  const health = useHealth();
  const mapId = useStakemap((s) => s.mapId);
  const saveState = useStakemap((s) => s.saveStatus.state);
  const hasMap = mapId !== null || unsavedMaps().length > 0;
  const recoveryNotices = useRecoveryNotices(mapId);

  useEffect(() => {
    if (health.remoteUpdateAt === null) return;
    const t = setTimeout(() => useHealth.setState({ remoteUpdateAt: null }), 5_000);
    return () => clearTimeout(t);
  }, [health.remoteUpdateAt]);

  const notices = [];
  if (health.outdated) {
    notices.push(
      <Notice key="outdated" tone="error" testId="outdated-banner" title="A newer version of Stakemap is in use" actions={<>{hasMap ? <DownloadButton /> : null}<ReloadButton label="Reload now" /></>}>
        Another tab updated Stakemap, so this older one has stopped saving to keep the newer version's maps safe. Reload
        to carry on: changes not saved yet come along.
      </Notice>,
    );
  } else if (health.conflict) {
    const { mapId: conflictId, snapshotId } = health.conflict;
    notices.push(
      <Notice
        key="conflict"
        tone="warning"
        testId="conflict-banner"
        title="This map was changed in another tab"
        actions={
          mapId === conflictId ? (
            <>
              <button type="button" className="button small primary" onClick={() => void loadLatest(conflictId)}>
                <RefreshCw size={14} aria-hidden="true" /> Load the latest version
              </button>
              <DownloadButton label="Download this tab's version" />
            </>
          ) : (
            <>
              {/* Opening it shows the stored version and ends the conflict. */}
              <a className="button small primary" href={`#/map/${encodeURIComponent(conflictId)}`}>
                Open the latest version
              </a>
              <button
                type="button"
                className="button small"
                onClick={() => unsavedMaps().filter((u) => u.mapId === conflictId).forEach((u) => downloadMap(u.map))}
              >
                <Download size={14} aria-hidden="true" /> Download this tab's version
              </button>
            </>
          )
        }
      >
        So that neither tab overwrites the other, this tab has stopped saving it.{' '}
        {snapshotId !== null ? "This tab's version is kept in the map's History." : "Download this tab's version to keep it."}
      </Notice>,
    );
  } else if (health.saveError) {
    const error = health.saveError;
    notices.push(
      <Notice
        key="save-error"
        tone="error"
        testId="save-error-banner"
        title={SAVE_ERROR_TITLES[error.kind]}
        actions={
          <>
            {hasMap ? <DownloadButton /> : null}
            <button type="button" className="button small" onClick={() => void flushSaves()}>
              Try again
            </button>
          </>
        }
      >
        {error.message}
      </Notice>,
    );
  }
  if (health.storage === 'memory' && !health.outdated) {
    notices.push(
      <Notice
        key="memory"
        tone="warning"
        testId="memory-banner"
        title="Maps are not being stored in this browser"
        actions={mapId ? <DownloadButton /> : <button type="button" className="button small" onClick={() => void downloadAllStored()}><Download size={14} aria-hidden="true" /> Download all maps</button>}
      >
        It does not let Stakemap keep data (a private window, or site data blocked). You can keep working, but maps stay in this
        tab only: download them before you close it.
      </Notice>,
    );
  }
  if (health.updateReady && saveState === 'saved' && !health.outdated) {
    notices.push(
      <Notice key="update" tone="info" testId="update-banner" title="A new version of Stakemap is ready" actions={<button type="button" className="button small primary" onClick={() => void applyUpdate()}><RefreshCw size={14} aria-hidden="true" /> Reload to update</button>} />,
    );
  }
  if (health.remoteUpdateAt !== null && mapId) {
    notices.push(
      <Notice key="remote" tone="info" testId="remote-banner" title="Loaded the changes made in another tab">
        Undo brings back the version before them.
      </Notice>,
    );
  }
  notices.push(...recoveryNotices);
  if (notices.length === 0) return null;
  return <div className="notice-stack">{notices}</div>;
}
