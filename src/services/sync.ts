// The open map and storage, kept in step for one tab: autosave writes each
// new map over the revision it was read at; other tabs' saves come in
// (tabs.ts). When another tab saved first, the save is refused by storage and
// this tab merges, record by record: its own changes since its last save go
// on top of the stored version, and the other tab's changes come into view
// (never as an undo step here). Only if merging keeps failing does the tab
// stop saving, keeping its version as a snapshot. A factory, so tests can run
// two "tabs" side by side.
import type { StoreApi } from 'zustand';
import { applyChange, diffMaps, placeMissing, type StakeMap } from '../domain';
import {
  MapConflictError,
  clearRescue,
  revOf,
  startAutosave,
  type Autosave,
  type AutosaveOptions,
  type MapRecord,
  type MapRepository,
  type SaveStatus,
} from '../persistence';
import type { StakemapStore } from '../store';
import type { HealthState } from './health';
import { createTabSync, type ChannelLike, type TabSync } from './tabs';
import { createJournalWriter, replayJournal, type JournalOptions, type JournalWriter } from './journal';
import type { JournalEntry } from '../persistence';

export const CONFLICT_SNAPSHOT_REASON = 'Changes from another tab, not saved over the newer version';
/** Saves refused this many times in a row (another tab keeps saving first) end in a conflict. */
const MERGE_ATTEMPTS = 5;

export interface MapSyncOptions {
  store: StakemapStore;
  health: Pick<StoreApi<HealthState>, 'getState' | 'setState'>;
  repo: () => MapRepository;
  tabId: string;
  /** Autosave timing and page events, for tests. */
  autosave?: Pick<AutosaveOptions, 'delayMs' | 'retries' | 'retryDelayMs' | 'target'>;
  /** Journals every local edit as it is made (services/journal.ts); absent, edits wait for autosave. */
  journal?: Omit<JournalOptions, 'store' | 'baseOf'>;
  /** Edits recovered from a page that closed, put on their map when it opens here (count shown by the caller). */
  onRecovered?: (mapId: string, count: number) => void;
}

export interface MapSync {
  autosave: Autosave;
  journal: JournalWriter | null;
  /** Journal entries of closed pages that storage would not take on start: put on their map when it opens. */
  setLeftover(leftover: ReadonlyMap<string, JournalEntry[]>): void;
  /** Starts listening to other tabs (IndexedDB only: memory is this tab's own). */
  connectTabs(channel: ChannelLike | null): void;
  /** The revision the open map was read at, if known. */
  baseOf(mapId: string): number | undefined;
  /** The map route read `record` and put it in the store. */
  mapOpened(record: MapRecord): void;
  /** Leaves a conflict: shows the stored version (this tab's is in History) and saves again. */
  loadLatest(mapId: string): Promise<void>;
  /** Looks for a newer stored version of the open map. */
  check(mapId: string): Promise<void>;
  stop(): Promise<void>;
}

export function createMapSync({ store, health, repo, tabId, autosave: timing = {}, journal: journalOptions, onRecovered }: MapSyncOptions): MapSync {
  let tabs: TabSync | null = null;
  const leftover = new Map<string, JournalEntry[]>();
  /** Per map, the version this tab last read from or wrote to storage: what its own changes are measured from. */
  const stored = new Map<string, StakeMap>();

  async function saveMap(mapId: string, map: StakeMap): Promise<void> {
    if (health.getState().conflict?.mapId === mapId) throw new MapConflictError(mapId, tabs?.baseOf(mapId) ?? 0, -1);
    let next = map;
    // Every edit journaled up to now is in `map`: removed once it lands.
    const mark = journal?.mark(mapId) ?? 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const rev = await repo().save(mapId, next, { expectedRev: tabs?.baseOf(mapId) });
        stored.set(mapId, next);
        tabs?.saved(mapId, rev);
        journal?.landed(mapId, mark);
        return;
      } catch (err) {
        const merged = err instanceof MapConflictError && attempt < MERGE_ATTEMPTS ? await mergeStored(mapId, next) : null;
        if (merged) {
          next = merged;
          continue;
        }
        if (err instanceof MapConflictError) void enterConflict(mapId, next);
        throw err;
      }
    }
  }

  /**
   * Another tab saved first: reads its version, puts this tab's own changes
   * (since its last save) on top, and shows the other tab's changes here.
   * Returns the map to save instead, or null when it cannot merge.
   */
  async function mergeStored(mapId: string, mine: StakeMap): Promise<StakeMap | null> {
    const base = stored.get(mapId);
    const record = await repo().get(mapId).catch(() => undefined);
    if (!base || !record) return null;
    const theirs = placeMissing(record.map);
    const ownChange = diffMaps(base, mine);
    const merged = ownChange ? applyChange(theirs, ownChange) : theirs;
    const theirChange = diffMaps(base, theirs);
    stored.set(mapId, theirs);
    tabs?.opened(mapId, revOf(record));
    if (theirChange && store.getState().mapId === mapId) {
      // Their change, then everything this tab changed since its last save on
      // top again, as in `merged`: a record both changed keeps this tab's
      // version on screen too (their change alone put their older copy of it
      // on screen, and the next save stored that: this tab's edit was lost).
      store.getState().commit((m) => {
        const own = diffMaps(base, m);
        const withTheirs = applyChange(m, theirChange);
        return own ? applyChange(withTheirs, own) : withTheirs;
      }, { origin: 'tab' });
      health.setState({ remoteUpdateAt: Date.now() });
    }
    return merged;
  }

  /** Another tab saved this map first: stop saving it here, keep this tab's version as a snapshot. */
  async function enterConflict(mapId: string, map: StakeMap): Promise<void> {
    if (health.getState().conflict?.mapId === mapId) return;
    health.setState({ conflict: { mapId, snapshotId: null } });
    // What is on screen now, not only what the refused save held: letters typed while it was refused are kept too.
    const shown = store.getState().mapId === mapId ? store.getState().map : null;
    const snapshotId = await repo()
      .snapshot(mapId, CONFLICT_SNAPSHOT_REASON, shown ?? map)
      .catch(() => null);
    if (snapshotId !== null) journal?.drop(mapId); // this tab's edits are in History now
    if (health.getState().conflict?.mapId === mapId) health.setState({ conflict: { mapId, snapshotId } });
  }

  function toUiStatus(status: SaveStatus) {
    if (status.state === 'error' || (status.state === 'pending' && status.error)) {
      return { state: status.state, message: status.error?.message, lastSavedAt: status.lastSavedAt } as const;
    }
    // Saved, but only into this tab's memory.
    if (status.state === 'saved' && health.getState().storage === 'memory') return { state: 'memory', lastSavedAt: status.lastSavedAt } as const;
    return { state: status.state, lastSavedAt: status.lastSavedAt } as const;
  }

  const autosave = startAutosave({
    ...timing,
    subscribe: store.subscribe,
    getDoc: () => {
      const { mapId, map } = store.getState();
      return { mapId, map };
    },
    save: saveMap,
    onStatus: (status) => {
      store.getState().setSaveStatus(toUiStatus(status));
      health.setState({ saveError: status.state === 'error' ? (status.error ?? null) : null });
      const { mapId } = store.getState();
      if (status.state === 'saved' && mapId) clearRescue(mapId);
    },
  });

  /** Replaces the open map with a stored version (another tab's save): not an undo step here. */
  function adoptStored(record: MapRecord): boolean {
    const state = store.getState();
    if (state.mapId !== record.id || !state.map) return false;
    const map = placeMissing(record.map);
    autosave.markSaved(record.id, map);
    state.commit(() => map, { origin: 'tab' });
    if (store.getState().map !== map) return false;
    stored.set(record.id, map);
    health.setState({ remoteUpdateAt: Date.now() });
    return true;
  }

  const journal = journalOptions ? createJournalWriter({ ...journalOptions, store, baseOf: (mapId) => tabs?.baseOf(mapId) }) : null;

  /** Leftover journal entries of `record`'s map, put on it: the map to show, or null. */
  function withLeftover(record: MapRecord): StakeMap | null {
    const entries = leftover.get(record.id);
    if (!entries) return null;
    leftover.delete(record.id);
    const { map, applied } = replayJournal(placeMissing(record.map), entries);
    journal?.adopt(record.id, entries);
    if (applied === 0) return null;
    onRecovered?.(record.id, applied);
    return map;
  }

  return {
    autosave,
    journal,
    setLeftover(entries) {
      for (const [mapId, list] of entries) leftover.set(mapId, list);
    },
    connectTabs(channel) {
      tabs ??= createTabSync({
        tabId,
        channel,
        view: () => {
          const { mapId, gestureBase } = store.getState();
          const h = health.getState();
          const unsaved = mapId !== null && (gestureBase !== null || autosave.hasUnsaved(mapId));
          return { openMapId: mapId, unsaved, readOnly: h.outdated || h.conflict?.mapId === mapId };
        },
        load: (mapId) => repo().get(mapId),
        adopt: adoptStored,
        flush: () => autosave.flush(),
      });
    },
    baseOf: (mapId) => tabs?.baseOf(mapId),
    mapOpened(record) {
      const state = store.getState();
      const pending = autosave.unsaved(record.id) ?? withLeftover(record) ?? undefined;
      const inConflict = health.getState().conflict?.mapId === record.id;
      if (pending && !inConflict) {
        // Edits not saved yet (storage full, say) come back on top, rather than
        // being replaced by the older stored copy; a load, not an undo step.
        if (tabs && tabs.baseOf(record.id) === undefined) tabs.opened(record.id, revOf(record));
        if (!stored.has(record.id)) stored.set(record.id, placeMissing(record.map));
        state.commit(() => pending, { origin: 'load' });
      } else {
        if (state.map) {
          autosave.markSaved(record.id, state.map);
          stored.set(record.id, state.map);
        }
        tabs?.opened(record.id, revOf(record));
        if (inConflict) health.setState({ conflict: null }); // this tab's version is in History
      }
      void tabs?.check(record.id);
    },
    async loadLatest(mapId) {
      const record = await repo().get(mapId);
      if (!record) return;
      const map = placeMissing(record.map);
      autosave.markSaved(mapId, map);
      stored.set(mapId, map);
      tabs?.opened(mapId, revOf(record));
      store.getState().openDocument(mapId, map);
      journal?.drop(mapId); // this tab's version is in History
      health.setState({ conflict: null });
    },
    check: (mapId) => tabs?.check(mapId) ?? Promise.resolve(),
    async stop() {
      tabs?.stop();
      await autosave.stop();
      journal?.stop();
    },
  };
}
