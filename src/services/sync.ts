// The open map and storage, kept in step for one tab: autosave writes each
// new map over the revision it was read at; other tabs' saves come in
// (tabs.ts); a refused save puts the tab in conflict, keeping its version as
// a snapshot. A factory, so tests can run two "tabs" side by side.
import type { StoreApi } from 'zustand';
import { placeMissing, type StakeMap } from '../domain';
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

export const CONFLICT_SNAPSHOT_REASON = 'Changes from another tab, not saved over the newer version';

export interface MapSyncOptions {
  store: StakemapStore;
  health: Pick<StoreApi<HealthState>, 'getState' | 'setState'>;
  repo: () => MapRepository;
  tabId: string;
  /** Autosave timing and page events, for tests. */
  autosave?: Pick<AutosaveOptions, 'delayMs' | 'retries' | 'retryDelayMs' | 'target'>;
}

export interface MapSync {
  autosave: Autosave;
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

export function createMapSync({ store, health, repo, tabId, autosave: timing = {} }: MapSyncOptions): MapSync {
  let tabs: TabSync | null = null;

  async function saveMap(mapId: string, map: StakeMap): Promise<void> {
    if (health.getState().conflict?.mapId === mapId) throw new MapConflictError(mapId, tabs?.baseOf(mapId) ?? 0, -1);
    try {
      const rev = await repo().save(mapId, map, { expectedRev: tabs?.baseOf(mapId) });
      tabs?.saved(mapId, rev);
    } catch (err) {
      if (err instanceof MapConflictError) void enterConflict(mapId, map);
      throw err;
    }
  }

  /** Another tab saved this map first: stop saving it here, keep this tab's version as a snapshot. */
  async function enterConflict(mapId: string, map: StakeMap): Promise<void> {
    if (health.getState().conflict?.mapId === mapId) return;
    health.setState({ conflict: { mapId, snapshotId: null } });
    const snapshotId = await repo()
      .snapshot(mapId, CONFLICT_SNAPSHOT_REASON, map)
      .catch(() => null);
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
    health.setState({ remoteUpdateAt: Date.now() });
    return true;
  }

  return {
    autosave,
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
      const pending = autosave.unsaved(record.id);
      const inConflict = health.getState().conflict?.mapId === record.id;
      if (pending && !inConflict) {
        // Edits not saved yet (storage full, say) come back on top, rather than
        // being replaced by the older stored copy; a load, not an undo step.
        if (tabs && tabs.baseOf(record.id) === undefined) tabs.opened(record.id, revOf(record));
        state.commit(() => pending, { origin: 'load' });
      } else {
        if (state.map) autosave.markSaved(record.id, state.map);
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
      tabs?.opened(mapId, revOf(record));
      store.getState().openDocument(mapId, map);
      health.setState({ conflict: null });
    },
    check: (mapId) => tabs?.check(mapId) ?? Promise.resolve(),
    async stop() {
      tabs?.stop();
      await autosave.stop();
    },
  };
}
