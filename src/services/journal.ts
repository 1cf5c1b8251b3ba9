// Durable within a moment of each edit (issue #14): every local edit of the
// open map goes into the edit journal (persistence/journal.ts) as it is made,
// synchronously, so a crash inside autosave's delay loses nothing. The
// journal entries of a map are removed when the save holding them lands.
// Leftovers of a page that did not close properly are put back on the next
// start (saved at once) or, if storage refuses that, when the map is opened.
import { FORMAT_VERSION, applyChange, diffMaps, mergeChanges, type MapChange, type StakeMap } from '../domain';
import {
  appendJournal,
  appendJournalDb,
  entryText,
  journalKey,
  journalStorage,
  liveSessions,
  readJournal,
  readJournalDb,
  removeJournal,
  removeJournalDb,
  revOf,
  type JournalEntry,
  type MapRepository,
  type ReadStoredMap,
} from '../persistence';
import type { StakemapStore } from '../store';

export const JOURNAL_SNAPSHOT_REASON = 'Before edits recovered after Stakemap closed unexpectedly';
/** Past this many entries of one map not yet saved, they are merged into one (storage failing for a while). */
const COMPACT_AT = 64;

interface Pending {
  key: string;
  counter: number;
  /** Null for an entry taken over from a page that closed: it is removed, never merged. */
  change: MapChange | null;
}

export interface JournalOptions {
  store: StakemapStore;
  session: string;
  /** The revision the open map was read at. */
  baseOf: (mapId: string) => number | undefined;
  /** False while edits must not be journaled (maps kept in memory only). */
  enabled: () => boolean;
  /** localStorage refused an entry: the caller saves at once instead and says so. */
  onUnavailable: (err: unknown) => void;
  /** The journal's IndexedDB database (persistence/journal.ts); null: localStorage only. */
  db?: () => IDBDatabase | null;
  storage?: () => Storage | null;
  now?: () => number;
}

export interface JournalWriter {
  /** Where the journal of `mapId` stands now: pass it to landed() once a save begun now has landed. */
  mark(mapId: string): number;
  landed(mapId: string, mark: number): void;
  /** Forgets every entry of `mapId` (its edits are kept elsewhere: History, a stored version). */
  drop(mapId: string): void;
  /** Entries of a page that closed, put on `map` by this page: they are removed with its next save. */
  adopt(mapId: string, entries: readonly JournalEntry[]): void;
  pendingCount(mapId: string): number;
  stop(): void;
}

export function createJournalWriter(options: JournalOptions): JournalWriter {
  const { store, session, baseOf, enabled, onUnavailable, now = Date.now } = options;
  const storage = options.storage ?? journalStorage;
  const db = options.db ?? (() => null);
  const remove = (keys: string[]) => {
    removeJournalDb(db(), keys);
    removeJournal(storage(), keys);
  };
  const pending = new Map<string, Pending[]>();
  let counter = 0;
  // The map as last journaled (with others' changes put in): each new entry is measured from it.
  let base: { mapId: string | null; map: StakeMap | null } = { mapId: store.getState().mapId, map: store.getState().map };
  let compactQueued = false;

  function listOf(mapId: string): Pending[] {
    let list = pending.get(mapId);
    if (!list) pending.set(mapId, (list = []));
    return list;
  }

  /** IndexedDB first; localStorage when it refuses; said when neither takes it. */
  function write(mapId: string, change: MapChange, at: number, started = timingStart()): boolean {
    const key = journalKey(mapId, session, ++counter);
    const text = entryText(change, at, baseOf(mapId));
    const toLocal = (why: unknown): boolean => {
      try {
        const store = storage();
        if (!store) throw why instanceof Error || why instanceof DOMException ? why : new Error('localStorage is not available in this browser');
        appendJournal(store, key, text);
        return true;
      } catch (err) {
        onUnavailable(err);
        return false;
      }
    };
    const database = db();
    if (database) appendJournalDb(database, key, text, toLocal, () => timingEnd(LANDED_MEASURE, started));
    else if (!toLocal(null)) return false;
    listOf(mapId).push({ key, counter, change });
    return true;
  }

  const unsubscribe = store.subscribe((state, prev) => {
    const { mapId, map } = state;
    if (mapId !== base.mapId || !base.map || !map) {
      base = { mapId, map };
      return;
    }
    const gestureEnded = prev.gestureBase !== null && state.gestureBase === null;
    if (map === prev.map && !gestureEnded) return;
    if (state.lastOrigin !== 'local') {
      // Another tab's or peer's change, or a load: not this page's edit, but later entries are measured from it.
      const theirs = prev.map && base.map !== prev.map ? diffMaps(prev.map, map) : null;
      base = { mapId, map: theirs ? applyChange(base.map, theirs) : map };
      return;
    }
    if (state.gestureBase) return; // a drag under way: it is journaled when it ends
    const started = timingStart();
    const change = diffMaps(base.map, map);
    base = { mapId, map };
    if (!change || !mapId || !enabled()) return;
    const written = write(mapId, change, now(), started);
    timingEnd(COST_MEASURE, started);
    if (written && listOf(mapId).length > COMPACT_AT && !compactQueued) {
      compactQueued = true;
      setTimeout(() => {
        compactQueued = false;
        compact(mapId);
      }, 0);
    }
  });

  /** Many entries not saved yet: one merged entry takes their place. */
  function compact(mapId: string): void {
    const list = pending.get(mapId) ?? [];
    const changes = list.flatMap((p) => (p.change ? [p] : []));
    if (changes.length < 2) return;
    const merged = changes.slice(1).reduce((acc, p) => mergeChanges(acc, p.change!), changes[0]!.change!);
    const old = new Set(changes.map((p) => p.key));
    if (!write(mapId, merged, now())) return;
    remove([...old]);
    pending.set(
      mapId,
      listOf(mapId).filter((p) => !old.has(p.key)),
    );
  }

  return {
    mark: () => counter,
    landed(mapId, mark) {
      const list = pending.get(mapId);
      if (!list) return;
      remove(list.filter((p) => p.counter <= mark).map((p) => p.key));
      const rest = list.filter((p) => p.counter > mark);
      if (rest.length) pending.set(mapId, rest);
      else pending.delete(mapId);
    },
    drop(mapId) {
      remove((pending.get(mapId) ?? []).map((p) => p.key));
      pending.delete(mapId);
    },
    adopt(mapId, entries) {
      const list = listOf(mapId);
      for (const entry of entries) list.push({ key: entry.key, counter: ++counter, change: null });
    },
    pendingCount: (mapId) => pending.get(mapId)?.length ?? 0,
    stop: unsubscribe,
  };
}

/** `entries` put on `map` in order; `applied` counts those that changed something. */
export function replayJournal(map: StakeMap, entries: readonly JournalEntry[]): { map: StakeMap; applied: number } {
  let next = map;
  let applied = 0;
  for (const entry of entries) {
    const after = applyChange(next, entry.change);
    if (after !== next && diffMaps(next, after)) {
      applied += 1;
      next = after;
    }
  }
  return { map: next, applied };
}

export interface JournalRecovery {
  /** Per map, how many edits were put back (saved, or to show when it opens). */
  recovered: Map<string, number>;
  /** Per map, entries storage would not take yet: put on the map when it opens. */
  leftover: Map<string, JournalEntry[]>;
  /** Per map, edits that could not be put back (unreadable, or the result failed the check). */
  lost: Map<string, number>;
}

/**
 * On start: the journals of pages that closed without saving are put on top
 * of their stored maps and saved. The result goes through the same check as
 * every stored map. A map another tab changed since gets a snapshot first,
 * so the replay never hides anything.
 */
export async function recoverJournal(
  repo: MapRepository,
  read: ReadStoredMap,
  ownSession: string,
  { storage = journalStorage(), db = null }: { storage?: Storage | null; db?: IDBDatabase | null } = {},
): Promise<JournalRecovery> {
  const result: JournalRecovery = { recovered: new Map(), leftover: new Map(), lost: new Map() };
  const live = await liveSessions();
  const fromDb = await readJournalDb(db);
  const { entries, unreadable } = readJournal(storage, (_mapId, session) => session !== ownSession && !live.has(session), fromDb);
  const removeJournalKeys = (keys: string[]) => {
    removeJournalDb(db, keys);
    removeJournal(storage, keys);
  };
  removeJournalKeys(unreadable);
  const byMap = new Map<string, JournalEntry[]>();
  for (const entry of entries) {
    const list = byMap.get(entry.mapId) ?? [];
    list.push(entry);
    byMap.set(entry.mapId, list);
  }
  for (const [mapId, list] of byMap) {
    try {
      const record = await repo.get(mapId);
      if (!record) {
        removeJournalKeys(list.map((e) => e.key)); // the map was deleted since
        continue;
      }
      const { map, applied } = replayJournal(record.map, list);
      if (applied === 0) {
        removeJournalKeys(list.map((e) => e.key)); // already saved before the page went
        continue;
      }
      const checked = read(map, FORMAT_VERSION);
      if (!checked.ok) {
        result.lost.set(mapId, applied);
        removeJournalKeys(list.map((e) => e.key));
        continue;
      }
      result.recovered.set(mapId, applied);
      try {
        const rev = revOf(record);
        if (list.some((e) => e.baseRev !== null && e.baseRev !== rev)) await repo.snapshot(mapId, JOURNAL_SNAPSHOT_REASON);
        await repo.save(mapId, checked.map, { expectedRev: rev });
        removeJournalKeys(list.map((e) => e.key));
      } catch {
        result.leftover.set(mapId, list); // storage full, say: put on the map when it opens
      }
    } catch {
      result.leftover.set(mapId, list); // a damaged stored map: the entries wait
    }
  }
  return result;
}

// User Timing, the latest of each only (the crash benchmark, test/bench/crash.ts,
// collects them as they come): what an edit's journal entry costs the page,
// and how long after the edit it is on disk. A few microseconds; never throws.
const COST_MEASURE = 'stakemap:journal';
const LANDED_MEASURE = 'stakemap:journal-landed';

function timingStart(): number {
  return globalThis.performance?.now() ?? 0;
}

function timingEnd(name: string, start: number): void {
  try {
    globalThis.performance.clearMeasures(name);
    globalThis.performance.measure(name, { start, end: globalThis.performance.now() });
  } catch {
    // No User Timing here: nothing to record.
  }
}
