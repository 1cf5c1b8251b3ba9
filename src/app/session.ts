// The one storage session of the page: repository, autosave wired to the
// store as a subscriber, and the save status it reports.
import { createMapRepository, getStakemapDb, startAutosave, type Autosave, type MapRepository, type SaveStatus } from '../persistence';
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
    onStatus: (status) => store.getState().setSaveStatus(toUiStatus(status)),
  });
  return autosave;
}

export function flushSaves(): Promise<void> {
  return autosave ? autosave.flush() : Promise.resolve();
}
