// The one storage session of the page: where maps are stored (IndexedDB, or
// memory when the browser refuses it), autosave wired to the store as a
// subscriber, the save status it reports, the other tabs, and the last-resort
// rescue of unsaved edits when the page goes away.
import { placeMissing, type StakeMap } from '../domain';
import {
  MapConflictError,
  chooseStorage,
  clearRescue,
  createMapRepository,
  getStakemapDb,
  recoverRescues,
  requestPersistentStorage,
  revOf,
  startAutosave,
  writeRescue,
  type Autosave,
  type MapRecord,
  type MapRepository,
  type MemoryRepository,
  type SaveStatus,
  type StakemapDb,
} from '../persistence';
import { useStakemap } from '../store';
import { useHealth } from './health';
import { startAppSnapshots, takeSnapshot } from './history';
import { createTabSync, openChannel, type TabSync } from './tabs';

let repo: MapRepository | null = null;
let memory: MemoryRepository | null = null;
let autosave: Autosave | null = null;
let tabs: TabSync | null = null;
let started: Promise<void> | null = null;
const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

export const CONFLICT_SNAPSHOT_REASON = 'Changes from another tab, not saved over the newer version';

export function repository(): MapRepository {
  repo ??= guard(createMapRepository(getStakemapDb()));
  return repo;
}

/** Picks the storage once: IndexedDB if it opens, otherwise memory with a warning. */
export function startStorage(): Promise<void> {
  started ??= (async () => {
    const choice = await chooseStorage(getStakemapDb);
    if (choice.mode === 'memory') {
      repo = memory = choice.repo;
      useHealth.setState({ storage: 'memory', storageProblem: choice.problem });
      return;
    }
    repo = guard(choice.repo);
    useHealth.setState({ storage: 'indexeddb' });
    watchVersionChange(choice.db);
    tabs = createTabSync({
      tabId: TAB_ID,
      channel: openChannel(),
      view: () => {
        const { mapId, gestureBase } = useStakemap.getState();
        const health = useHealth.getState();
        const unsaved = mapId !== null && (gestureBase !== null || (autosave?.hasUnsaved(mapId) ?? false));
        return { openMapId: mapId, unsaved, readOnly: health.outdated || health.conflict?.mapId === mapId };
      },
      load: (mapId) => repository().get(mapId),
      adopt: adoptStored,
      flush: flushSaves,
    });
    document.addEventListener('visibilitychange', () => {
      const { mapId } = useStakemap.getState();
      if (document.visibilityState === 'visible' && mapId) void tabs?.check(mapId);
    });
    void navigator.storage?.persisted?.().then((persisted) => useHealth.setState({ persisted }), () => undefined);
  })();
  return started;
}

/** A newer app version upgraded the database: stop writing at once, ask for a reload. */
function watchVersionChange(db: StakemapDb): void {
  db.on('versionchange', () => {
    useHealth.setState({ outdated: true });
    db.close({ disableAutoOpen: true });
    return false; // we closed it ourselves
  });
}

/** Every call fails once the app is outdated, so an old tab can never write over a newer schema. */
function guard(inner: MapRepository): MapRepository {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(inner) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]) => {
      if (useHealth.getState().outdated) return Promise.reject(outdatedError());
      return fn(...args);
    };
  }
  return wrapped as unknown as MapRepository;
}

function outdatedError(): Error {
  const err = new Error('A newer version of Stakemap upgraded the database in another tab');
  err.name = 'VersionChangeError';
  return err;
}

async function saveMap(mapId: string, map: StakeMap): Promise<void> {
  if (useHealth.getState().conflict?.mapId === mapId) throw new MapConflictError(mapId, tabs?.baseOf(mapId) ?? 0, -1);
  try {
    const rev = await repository().save(mapId, map, { expectedRev: tabs?.baseOf(mapId) });
    tabs?.saved(mapId, rev);
  } catch (err) {
    if (err instanceof MapConflictError) void enterConflict(mapId, map);
    throw err;
  }
}

/** Another tab saved this map first: stop saving it here, keep this tab's version as a snapshot. */
async function enterConflict(mapId: string, map: StakeMap): Promise<void> {
  if (useHealth.getState().conflict?.mapId === mapId) return;
  useHealth.setState({ conflict: { mapId, snapshotId: null } });
  const snapshotId = await repository()
    .snapshot(mapId, CONFLICT_SNAPSHOT_REASON, map)
    .catch(() => null);
  if (useHealth.getState().conflict?.mapId === mapId) useHealth.setState({ conflict: { mapId, snapshotId } });
}

/** Replaces the open map with a stored version (another tab's save) as one undo step. */
function adoptStored(record: MapRecord): boolean {
  const state = useStakemap.getState();
  if (state.mapId !== record.id || !state.map) return false;
  const map = placeMissing(record.map);
  ensureAutosave().markSaved(record.id, map);
  state.apply(() => map);
  if (useStakemap.getState().map !== map) return false;
  useHealth.setState({ remoteUpdateAt: Date.now() });
  return true;
}

/** Leaves the conflict: shows the stored version (this tab's is in History) and saves again. */
export async function loadLatest(mapId: string): Promise<void> {
  const record = await repository().get(mapId);
  if (!record) return;
  const map = placeMissing(record.map);
  ensureAutosave().markSaved(mapId, map);
  tabs?.opened(mapId, revOf(record));
  useStakemap.getState().openDocument(mapId, map);
  useHealth.setState({ conflict: null });
}

function toUiStatus(status: SaveStatus) {
  if (status.state === 'error' || (status.state === 'pending' && status.error)) {
    return { state: status.state, message: status.error?.message, lastSavedAt: status.lastSavedAt } as const;
  }
  // Saved, but only into this tab's memory.
  if (status.state === 'saved' && useHealth.getState().storage === 'memory') return { state: 'memory', lastSavedAt: status.lastSavedAt } as const;
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
    save: saveMap,
    onStatus: (status) => {
      store.getState().setSaveStatus(toUiStatus(status));
      const failing = status.state === 'error' || (status.state === 'pending' && status.error);
      useHealth.setState({ saveError: failing ? (status.error ?? null) : null });
      const { mapId } = store.getState();
      if (status.state === 'saved' && mapId) clearRescue(mapId);
    },
  });
  startAppSnapshots(repository);
  const rescue = () => {
    const { mapId, map, saveStatus } = store.getState();
    if (mapId && map && saveStatus.state !== 'saved') writeRescue(mapId, map, Date.now(), tabs?.baseOf(mapId));
  };
  window.addEventListener('pagehide', rescue);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') rescue();
  });
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedWork()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers only ask when this is set
  });
  return autosave;
}

/** True when closing the page now would lose something. */
export function hasUnsavedWork(): boolean {
  if (memory) return memory.count() > 0;
  return (autosave?.hasUnsaved() ?? false) || useHealth.getState().conflict !== null;
}

/**
 * The map route read `record` and put it in the store. Edits of it that
 * could not be saved yet come back on top (one undo step) rather than being
 * replaced by the older stored copy.
 */
export function mapOpened(record: MapRecord): void {
  const saver = ensureAutosave();
  const state = useStakemap.getState();
  const pending = saver.unsaved(record.id);
  const inConflict = useHealth.getState().conflict?.mapId === record.id;
  if (pending && !inConflict) {
    if (tabs?.baseOf(record.id) === undefined) tabs?.opened(record.id, revOf(record));
    state.apply(() => pending);
  } else {
    if (state.map) saver.markSaved(record.id, state.map);
    tabs?.opened(record.id, revOf(record));
    if (inConflict) useHealth.setState({ conflict: null }); // this tab's version is in History
  }
  void tabs?.check(record.id);
  askForPersistence();
}

let askedPersistence = false;
function askForPersistence(): void {
  if (askedPersistence || memory) return;
  askedPersistence = true;
  void requestPersistentStorage().then((persisted) => {
    if (persisted !== null) useHealth.setState({ persisted });
  });
}

/** Before anything opens: maps rescued from a tab closed mid-save go back into storage. */
export function recoverUnsaved(): Promise<string[]> {
  if (memory) return Promise.resolve([]); // keep them for when storage works again
  return recoverRescues(repository()).catch(() => []);
}

export function flushSaves(): Promise<void> {
  return autosave ? autosave.flush() : Promise.resolve();
}

/** The maps not yet written, for a download when saving fails. */
export function unsavedMaps(): { mapId: string; map: StakeMap }[] {
  if (!autosave) return [];
  return autosave.unsavedIds().flatMap((mapId) => {
    const map = autosave?.unsaved(mapId);
    return map ? [{ mapId, map }] : [];
  });
}

export { takeSnapshot };
