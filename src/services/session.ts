// The one storage session of the page: where maps are stored (IndexedDB, or
// memory when the browser refuses it), the map sync (autosave + other tabs,
// sync.ts), snapshots, and the last-resort rescue of unsaved edits when the
// page goes away.
import { placeMissing, type StakeMap } from '../domain';
import {
  chooseStorage,
  createMapRepository,
  getStakemapDb,
  holdSessionLock,
  loadStoredMapCheck,
  openJournalDb,
  recoverRescues,
  requestPersistentStorage,
  watchVersionChange,
  lazyWorkerTransport,
  withOffThreadSaves,
  writeRescue,
  type SaveTransport,
  type Autosave,
  type MapRecord,
  type MapRepository,
  type MemoryRepository,
} from '../persistence';
import { useStakemap } from '../store';
import { isReadOnly, useHealth } from './health';
import { startAppSnapshots, takeSnapshot } from './history';
import { openChannel } from './tabs';
import { createMapSync, type MapSync } from './sync';
import { recoverJournal } from './journal';

let repo: MapRepository | null = null;
let memory: MemoryRepository | null = null;
let sync: MapSync | null = null;
let started: Promise<void> | null = null;
const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

let saveWorker: SaveTransport | null = null;
/** The edit journal's own database (services/journal.ts), opened with storage. */
let journalDb: IDBDatabase | null = null;

/** IndexedDB saves go to a worker, so writing a big map does not hold up the page (issue #7). */
function offThread(inner: MapRepository): MapRepository {
  saveWorker ??= lazyWorkerTransport();
  return withOffThreadSaves(inner, saveWorker);
}

export function repository(): MapRepository {
  repo ??= guard(offThread(createMapRepository(getStakemapDb())));
  return repo;
}

/** Picks the storage once: IndexedDB if it opens, otherwise memory with a warning. */
export function startStorage(): Promise<void> {
  started ??= (async () => {
    const choice = await chooseStorage(getStakemapDb);
    if (choice.mode === 'memory') {
      repo = memory = choice.repo;
      // The database is newer than this code (a stale copy of the app): a reload brings the new one.
      const outdated = choice.problem.kind === 'version';
      useHealth.setState({ storage: 'memory', storageProblem: choice.problem, outdated });
      return;
    }
    repo = guard(offThread(choice.repo));
    journalDb = await openJournalDb();
    useHealth.setState({ storage: 'indexeddb', outdated: choice.newerSchema });
    // A newer app version upgraded the database: stop writing at once, ask for a reload.
    watchVersionChange(choice.db, () => useHealth.setState({ outdated: true }));
    mapSync().connectTabs(openChannel());
    document.addEventListener('visibilitychange', () => {
      const { mapId } = useStakemap.getState();
      if (document.visibilityState === 'visible' && mapId) void sync?.check(mapId);
    });
    void navigator.storage?.persisted?.().then((persisted) => useHealth.setState({ persisted }), () => undefined);
  })();
  return started;
}

/** Every call fails once the app is outdated, so an old tab can never write over a newer schema. */
function guard(inner: MapRepository): MapRepository {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(inner) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]) => (useHealth.getState().outdated ? Promise.reject(outdatedError()) : fn(...args));
  }
  return wrapped as unknown as MapRepository;
}

function outdatedError(): Error {
  const err = new Error('A newer version of Stakemap upgraded the database in another tab');
  err.name = 'VersionChangeError';
  return err;
}

function mapSync(): MapSync {
  sync ??= createMapSync({
    store: useStakemap,
    health: useHealth,
    repo: repository,
    tabId: TAB_ID,
    journal: { session: TAB_ID, enabled: () => useHealth.getState().storage === 'indexeddb', onUnavailable: journalUnavailable, db: () => journalDb },
    onRecovered: noteRecovered,
  });
  return sync;
}

/** localStorage refused an entry: this edit (and each after it) is saved at once instead. */
function journalUnavailable(err: unknown): void {
  const full = err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
  const problem = full ? 'full' : 'unavailable';
  if (useHealth.getState().journalProblem !== problem) useHealth.setState({ journalProblem: problem });
  void sync?.autosave.flush();
}

function noteRecovered(mapId: string, count: number): void {
  const { recoveredEdits } = useHealth.getState();
  useHealth.setState({ recoveredEdits: { ...recoveredEdits, [mapId]: count } });
}

/** Starts autosave once; every new map the store holds is written shortly after. */
let pageHandlers = false;

export function ensureAutosave(): Autosave {
  const { autosave } = mapSync();
  if (pageHandlers) return autosave;
  pageHandlers = true;
  watchReadOnly();
  startAppSnapshots(repository);
  const rescue = () => {
    const { mapId, map, saveStatus } = useStakemap.getState();
    if (mapId && map && saveStatus.state !== 'saved') writeRescue(mapId, map, Date.now(), sync?.baseOf(mapId));
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

/**
 * The moment this tab must stop editing the open map (another tab's saves
 * kept winning, or a newer app took over storage): the field being typed in
 * lets go at once, before the editor turns inert, so no later keystroke goes
 * into a field that can no longer save it; what was typed is in the map
 * already, and is kept: in History (sync.ts) or, when storage refuses this
 * tab, as a kept copy on this device (and in the edit journal).
 */
function watchReadOnly(): void {
  useHealth.subscribe((state, prev) => {
    const { mapId, map } = useStakemap.getState();
    if (!mapId || !map || isReadOnly(prev, mapId) || !isReadOnly(state, mapId)) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('.editor-guard')) active.blur();
    useStakemap.getState().endTyping();
    if (state.outdated && (sync?.autosave.hasUnsaved(mapId) ?? false)) writeRescue(mapId, map, Date.now(), sync?.baseOf(mapId));
  });
}

/** True when closing the page now would lose something. */
export function hasUnsavedWork(): boolean {
  if (memory) return memory.count() > 0;
  return (sync?.autosave.hasUnsaved() ?? false) || useHealth.getState().conflict !== null;
}

/** The map route read `record` and put it in the store. */
export function mapOpened(record: MapRecord): void {
  mapSync().mapOpened(record);
  askForPersistence();
}

/** Opens a map read from storage in the editor: a load, never an undo step. */
export function openStoredMap(record: MapRecord): void {
  const state = useStakemap.getState();
  state.clearSelection();
  state.openDocument(record.id, placeMissing(record.map));
  mapOpened(record);
}

export function loadLatest(mapId: string): Promise<void> {
  return mapSync().loadLatest(mapId);
}

let askedPersistence = false;
/** Asked once a map is open, when the team has shown they mean to keep it. */
function askForPersistence(): void {
  if (askedPersistence || memory) return;
  askedPersistence = true;
  void requestPersistentStorage().then((persisted) => {
    if (persisted !== null) useHealth.setState({ persisted });
  });
}

/**
 * Before anything opens: maps rescued from a tab closed mid-save go back into
 * storage, then the edit journal of pages that closed without saving.
 */
export async function recoverUnsaved(): Promise<string[]> {
  if (memory) return []; // keep them for when storage works again
  holdSessionLock(TAB_ID);
  const rescued = await recoverRescues(repository()).catch(() => []);
  try {
    const { recovered, leftover, lost } = await recoverJournal(repository(), await loadStoredMapCheck(), TAB_ID, { db: journalDb });
    mapSync().setLeftover(leftover);
    for (const [mapId, count] of recovered) if (!leftover.has(mapId)) noteRecovered(mapId, count);
    if (lost.size) useHealth.setState({ lostEdits: Object.fromEntries(lost) });
    return [...new Set([...rescued, ...recovered.keys()])];
  } catch {
    return rescued;
  }
}

export function flushSaves(): Promise<void> {
  return sync ? sync.autosave.flush() : Promise.resolve();
}

/** The maps not yet written, for a download when saving fails. */
export function unsavedMaps(): { mapId: string; map: StakeMap }[] {
  const autosave = sync?.autosave;
  if (!autosave) return [];
  return autosave.unsavedIds().flatMap((mapId) => {
    const map = autosave.unsaved(mapId);
    return map ? [{ mapId, map }] : [];
  });
}

export { takeSnapshot };
