// The one storage session of the page: repository, autosave wired to the
// store as a subscriber, and the save status it reports.
import {
  clearRescue,
  createMapRepository,
  getStakemapDb,
  recoverRescues,
  startAutosave,
  writeRescue,
  type Autosave,
  type MapRepository,
  type SaveStatus,
} from '../persistence';
import { useStakemap } from '../store';

let repo: MapRepository | null = null;
let autosave: Autosave | null = null;

export function repository(): MapRepository {
  repo ??= createMapRepository(getStakemapDb());
  return repo;
}

function toUiStatus(status: SaveStatus) {
  if (status.state === 'error' || (status.state === 'pending' && status.error)) {
    return { state: status.state, message: status.error?.message, lastSavedAt: status.lastSavedAt } as const;
  }
  return { state: status.state, lastSavedAt: status.lastSavedAt } as const;
}

/** Starts autosave once; every new map the store holds is written shortly after. */
export function ensureAutosave(): Autosave {
  if (autosave) return autosave;
  const store = useStakemap;
  autosave = startAutosave({
    subscribe: store.subscribe,
    getDoc: () => {
      const { mapId, map } = store.getState();
      return { mapId, map };
    },
    save: (mapId, map) => repository().save(mapId, map),
    onStatus: (status) => {
      store.getState().setSaveStatus(toUiStatus(status));
      const { mapId } = store.getState();
      if (status.state === 'saved' && mapId) clearRescue(mapId);
    },
  });
  const rescue = () => {
    const { mapId, map, saveStatus } = store.getState();
    if (mapId && map && saveStatus.state !== 'saved') writeRescue(mapId, map);
  };
  window.addEventListener('pagehide', rescue);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') rescue();
  });
  return autosave;
}

/** Before anything opens: maps rescued from a tab closed mid-save go back into storage. */
export function recoverUnsaved(): Promise<string[]> {
  return recoverRescues(repository()).catch(() => []);
}

export function flushSaves(): Promise<void> {
  return autosave ? autosave.flush() : Promise.resolve();
}
