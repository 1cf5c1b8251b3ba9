// Snapshots: frozen copies of a map the team can go back to. Taken
// - before the first edit after a map is opened, then at most every few
//   minutes while the team edits (the map as it was just before the edit);
// - before every risky operation: call takeSnapshot('Before …') first
//   (relabel from a finding, import over a map, lanes layout, restore).
import type { StakeMap } from '../domain';
import { useStakemap, type StakemapStore } from '../store';
import type { MapRepository } from '../persistence';

/** How often, at most, editing alone freezes a copy. */
export const SNAPSHOT_INTERVAL_MS = 3 * 60_000;

/** Decides when editing earns a snapshot; pure, so it is tested on its own. */
export interface SnapshotCadence {
  /** An edit of `mapId` at `at`: whether a snapshot is due, and why. */
  onEdit(mapId: string, at: number): 'first' | 'interval' | null;
  /** A snapshot of `mapId` was taken at `at`, for any reason. */
  taken(mapId: string, at: number): void;
}

export function createSnapshotCadence(intervalMs: number = SNAPSHOT_INTERVAL_MS): SnapshotCadence {
  const last = new Map<string, number>();
  return {
    onEdit(mapId, at) {
      const previous = last.get(mapId);
      if (previous === undefined) return 'first';
      return at - previous >= intervalMs ? 'interval' : null;
    },
    taken(mapId, at) {
      last.set(mapId, at);
    },
  };
}

export interface SnapshotterOptions {
  store: StakemapStore;
  repo: () => MapRepository;
  cadence?: SnapshotCadence;
  now?: () => number;
}

export interface Snapshotter {
  /** Freezes the open map as it is now. Resolves to the snapshot id, or null if it could not. */
  take(reason: string): Promise<number | null>;
  stop(): void;
}

/** Watches the store: the first edit after opening a map, then one every interval, freezes the map as it was. */
export function startSnapshots({ store, repo, cadence = createSnapshotCadence(), now = Date.now }: SnapshotterOptions): Snapshotter {
  // Snapshots are written one after another, in the order they were taken,
  // so History lists them as they happened.
  let queue: Promise<unknown> = Promise.resolve();

  function write(mapId: string, map: StakeMap, reason: string, wait?: () => Promise<void>): Promise<number | null> {
    cadence.taken(mapId, now());
    const written = queue.then(async () => {
      await wait?.();
      try {
        return await repo().snapshot(mapId, reason, map);
      } catch (err) {
        // Losing a snapshot must never stop an edit; the save indicator reports storage trouble.
        console.warn('Stakemap could not take a snapshot', err);
        return null;
      }
    });
    queue = written;
    return written;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    // An edit: same map, new content. Opening another map and a drag's preview frames are not.
    if (state.mapId === null || state.mapId !== previous.mapId || state.gestureBase) return;
    // The map as it was before this edit: at the end of a drag, before the drag began.
    const before = previous.gestureBase ?? previous.map;
    if (!before || state.map === before) return;
    const due = cadence.onEdit(state.mapId, now());
    // After the edit is painted: the map is copied, and the edit must show first.
    if (due) void write(state.mapId, before, due === 'first' ? 'Before editing' : 'While editing', afterPaint);
  });

  return {
    take(reason) {
      const { mapId, map } = store.getState();
      if (!mapId || !map) return Promise.resolve(null);
      return write(mapId, map, reason);
    },
    stop: unsubscribe,
  };
}

/** Resolves once the frame being made now is painted (a task after the next animation frame), or after 100 ms in a hidden tab. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 100); // a hidden tab runs no animation frames
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

let app: Snapshotter | null = null;

/** The app's snapshotter; started by the storage session. */
export function startAppSnapshots(repo: () => MapRepository): void {
  app ??= startSnapshots({ store: useStakemap, repo });
}

/**
 * Freezes the open map before a risky operation. Call it before making the
 * change (it reads the map synchronously; the write finishes in the background).
 */
export function takeSnapshot(reason: string): Promise<number | null> {
  return app ? app.take(reason) : Promise.resolve(null);
}
