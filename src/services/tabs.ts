// Two tabs on one map. Why this design, rather than one writer tab per map
// (Web Locks) with the others read-only:
// - The guarantee is in storage, not in messages: every save says which
//   revision it was edited from and IndexedDB refuses it, in the same
//   transaction, if another tab saved since (MapRepository.save, expectedRev).
//   No timing, no lost message and no missing API can make one tab silently
//   overwrite the other.
// - Messages only keep tabs in step: a tab that saved says so on a
//   BroadcastChannel, and a tab showing that map with nothing unsaved loads
//   the new version at once (one undo step). So the same map open twice just
//   works, turn by turn, which a single-writer lock would forbid.
// - When both tabs did change it, the later save is refused: that tab stops
//   saving the map, keeps its version as a snapshot in the map's history and
//   says so (session.ts), so neither tab's work is lost.
import type { MapRecord } from '../persistence';
import { revOf } from '../persistence';

export const CHANNEL_NAME = 'stakemap';

export interface SavedMessage {
  type: 'saved';
  mapId: string;
  rev: number;
  /** The tab that saved; tabs ignore their own messages. */
  from: string;
}

export interface TabView {
  openMapId: string | null;
  /** The revision the open map was read at, if known. */
  baseRev: number | undefined;
  /** Edits of the open map not yet written (or a gesture under way). */
  unsaved: boolean;
  /** This tab has stopped saving the open map. */
  readOnly: boolean;
}

/**
 * What a tab does when another tab saved a map: nothing, load the saved
 * version, or write its own edits now so that the clash shows at once.
 */
export type RemoteAction = 'ignore' | 'reload' | 'flush';

export function remoteAction(view: TabView, message: SavedMessage, self: string): RemoteAction {
  if (message.from === self || message.mapId !== view.openMapId || view.readOnly) return 'ignore';
  if (view.baseRev !== undefined && message.rev <= view.baseRev) return 'ignore';
  return view.unsaved ? 'flush' : 'reload';
}

export function isSavedMessage(data: unknown): data is SavedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.type === 'saved' && typeof m.mapId === 'string' && typeof m.rev === 'number' && typeof m.from === 'string';
}

/** The part of BroadcastChannel used here, so tests can pass their own. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface TabSyncOptions {
  tabId: string;
  channel: ChannelLike | null;
  /** What this tab shows now. `baseRev` is filled in by the sync itself. */
  view(): Omit<TabView, 'baseRev'>;
  load(mapId: string): Promise<MapRecord | undefined>;
  /** Puts a stored version in place of the open map; false if it could not (the map changed meanwhile). */
  adopt(record: MapRecord): boolean;
  /** Writes unsaved edits now: a save over another tab's is refused and reported. */
  flush(): Promise<void>;
}

export interface TabSync {
  baseOf(mapId: string): number | undefined;
  /** The open map was read from storage at `rev`. */
  opened(mapId: string, rev: number): void;
  /** This tab saved `mapId` at `rev`: remember it and tell the others. */
  saved(mapId: string, rev: number): void;
  /** Looks for a newer stored version of the open map (on start, on focus, on a message). */
  check(mapId: string): Promise<void>;
  stop(): void;
}

export function createTabSync(options: TabSyncOptions): TabSync {
  const { tabId, channel } = options;
  const bases = new Map<string, number>();
  const checking = new Map<string, Promise<void>>();

  function viewOf(): TabView {
    const v = options.view();
    return { ...v, baseRev: v.openMapId === null ? undefined : bases.get(v.openMapId) };
  }

  async function reload(mapId: string): Promise<void> {
    const record = await options.load(mapId);
    if (!record) return;
    const rev = revOf(record);
    // Decide again: edits may have been made while the record was read.
    const now = viewOf();
    const action = remoteAction(now, { type: 'saved', mapId, rev, from: '' }, tabId);
    if (action === 'flush') await options.flush();
    else if (action === 'reload' && options.adopt(record)) bases.set(mapId, rev);
  }

  function check(mapId: string): Promise<void> {
    // One check per map at a time: a burst of messages loads the map once.
    let running = checking.get(mapId);
    if (!running) {
      running = reload(mapId)
        .catch(() => undefined) // a failed read changes nothing; the next save will tell
        .finally(() => checking.delete(mapId));
      checking.set(mapId, running);
    }
    return running;
  }

  const onMessage = (event: MessageEvent): void => {
    if (!isSavedMessage(event.data)) return;
    const action = remoteAction(viewOf(), event.data, tabId);
    if (action === 'reload') void check(event.data.mapId);
    else if (action === 'flush') void options.flush();
  };
  channel?.addEventListener('message', onMessage);

  return {
    baseOf: (mapId) => bases.get(mapId),
    opened(mapId, rev) {
      bases.set(mapId, rev);
    },
    saved(mapId, rev) {
      bases.set(mapId, rev);
      const message: SavedMessage = { type: 'saved', mapId, rev, from: tabId };
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel: other tabs find out on their next save or focus.
      }
    },
    check,
    stop() {
      channel?.removeEventListener('message', onMessage);
      channel?.close();
    },
  };
}

export function openChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
}
