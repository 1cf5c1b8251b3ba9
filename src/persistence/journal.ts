// The edit journal: every local edit, as the small record-level change it
// made (domain/changes.ts), is appended the moment it is made, and removed
// once the save that holds it has landed. A crash inside the save delay loses
// nothing: the next start (or the next opening of the map) puts the journal's
// changes back on top of the stored map.
//
// Where: a small IndexedDB database of its own (a write is begun at once and
// commits within milliseconds; it survives the browser being killed, which
// localStorage does not: Chromium writes localStorage to disk seconds later).
// When IndexedDB refuses (full, say), localStorage takes the entry: it still
// survives the tab closing or crashing while the browser lives on.
//
// Key: stakemap.journal/<map id, URI-encoded>/<session>/<counter>. The session
// is one page's lifetime; a live page holds a Web Lock of that name, so
// another page never replays a journal that is still being written.
import type { MapChange, RecordDelta } from '../domain/changes';
import type { Relation, StakeMap, Stakeholder } from '../domain/model';
import { FORMAT_VERSION } from '../domain/model';

export const JOURNAL_PREFIX = 'stakemap.journal/';
export const JOURNAL_LOCK_PREFIX = 'stakemap.session.';

/** One change as written: only the "after" side and place, which is all a replay needs. */
interface WireChange {
  h: [key: string, after?: unknown][];
  s: [id: string, index: number, after?: Stakeholder][];
  r: [id: string, index: number, after?: Relation][];
}

export interface JournalEntry {
  key: string;
  mapId: string;
  session: string;
  counter: number;
  /** When the edit was made (ms since epoch). */
  at: number;
  /** The stored revision the editing tab was at. */
  baseRev: number | null;
  formatVersion: number;
  change: MapChange;
}

export function journalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function deltasOut<T>(deltas: ReadonlyMap<string, RecordDelta<T>>): [string, number, T?][] {
  const out: [string, number, T?][] = [];
  for (const [id, [, after, , index]] of deltas) out.push(after === undefined ? [id, index] : [id, index, after]);
  return out;
}

export function encodeChange(change: MapChange): string {
  const wire: WireChange = {
    h: [...change.head].map(([key, [, after]]) => (after === undefined ? [key] : [key, after])),
    s: deltasOut(change.stakeholders),
    r: deltasOut(change.relations),
  };
  return JSON.stringify(wire);
}

function deltasIn<T>(raw: unknown): Map<string, RecordDelta<T>> | null {
  if (!Array.isArray(raw)) return null;
  const out = new Map<string, RecordDelta<T>>();
  for (const item of raw as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'number' || !Number.isInteger(item[1])) return null;
    const after = item[2] as T | undefined;
    if (after !== undefined && (typeof after !== 'object' || after === null)) return null;
    out.set(item[0], [undefined, after, -1, item[1]]);
  }
  return out;
}

/** A change read back, or null when it is not one (the whole map is checked after replay too). */
export function decodeChange(raw: unknown): MapChange | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const wire = raw as Record<string, unknown>;
  const stakeholders = deltasIn<Stakeholder>(wire.s);
  const relations = deltasIn<Relation>(wire.r);
  if (!stakeholders || !relations || !Array.isArray(wire.h)) return null;
  const head = new Map<keyof StakeMap, readonly [unknown, unknown]>();
  for (const item of wire.h as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || item[0] === 'stakeholders' || item[0] === 'relations') return null;
    head.set(item[0] as keyof StakeMap, [undefined, item[1]]);
  }
  return { head: head as MapChange['head'], stakeholders, relations };
}

export function journalKey(mapId: string, session: string, counter: number): string {
  return `${JOURNAL_PREFIX}${encodeURIComponent(mapId)}/${session}/${counter}`;
}

/** Appends one entry to localStorage. Synchronous; throws when localStorage refuses (full, blocked). */
export function appendJournal(store: Storage, key: string, text: string): void {
  store.setItem(key, text);
}

/** The text of one entry, the same in IndexedDB and localStorage. */
export function entryText(change: MapChange, at: number, baseRev: number | undefined): string {
  return `{"at":${at},"base":${baseRev ?? 'null'},"v":${FORMAT_VERSION},"c":${encodeChange(change)}}`;
}

export const JOURNAL_DB = 'stakemap-journal';
const ENTRIES = 'entries';

/** The journal's database; null where IndexedDB is missing or refuses. */
export function openJournalDb(name = JOURNAL_DB, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (!factory) return resolve(null);
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES, { keyPath: 'key' });
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => db.close();
        resolve(db);
      };
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/**
 * Begins writing one entry to IndexedDB now (it commits within milliseconds);
 * `onFailed` is called if it does not land.
 */
export function appendJournalDb(db: IDBDatabase, key: string, text: string, onFailed: (err: unknown) => void, onLanded?: () => void): void {
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    onFailed(err);
  };
  try {
    const tx = db.transaction(ENTRIES, 'readwrite', { durability: 'relaxed' });
    tx.objectStore(ENTRIES).put({ key, text });
    tx.onabort = () => fail(tx.error ?? new Error('The journal write was aborted'));
    tx.onerror = () => fail(tx.error ?? new Error('The journal write failed'));
    if (onLanded) tx.oncomplete = onLanded;
    tx.commit?.(); // do not wait for the end of the task: the page may be killed before then
  } catch (err) {
    fail(err);
  }
}

export function removeJournalDb(db: IDBDatabase | null, keys: readonly string[]): void {
  if (!db || keys.length === 0) return;
  try {
    const tx = db.transaction(ENTRIES, 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore(ENTRIES);
    for (const key of keys) store.delete(key);
    tx.commit?.();
  } catch {
    // a closed database: the entries are found, already saved, at the next start
  }
}

/** Every entry in the journal's database, as `key → text`. */
export function readJournalDb(db: IDBDatabase | null): Promise<Map<string, unknown>> {
  return new Promise((resolve) => {
    const out = new Map<string, unknown>();
    if (!db) return resolve(out);
    try {
      const request = db.transaction(ENTRIES, 'readonly').objectStore(ENTRIES).getAll();
      request.onsuccess = () => {
        for (const row of request.result as unknown[]) {
          const r = row as { key?: unknown; text?: unknown } | null;
          if (r && typeof r.key === 'string') out.set(r.key, r.text);
        }
        resolve(out);
      };
      request.onerror = () => resolve(out);
    } catch {
      resolve(out);
    }
  });
}

export function removeJournal(store: Storage | null, keys: Iterable<string>): void {
  if (!store) return;
  for (const key of keys) {
    try {
      store.removeItem(key);
    } catch {
      // nothing to remove
    }
  }
}

/** Every journal key in localStorage. */
export function journalKeys(store: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(JOURNAL_PREFIX)) keys.push(key);
  }
  return keys;
}

/**
 * The entries found (in IndexedDB, given as `key → text`, and in
 * localStorage), oldest first; entries that cannot be read are given apart
 * (with their key) so they can be reported and removed, never replayed.
 */
export function readJournal(
  store: Storage | null,
  filter: (mapId: string, session: string) => boolean = () => true,
  fromDb: ReadonlyMap<string, unknown> = new Map(),
): { entries: JournalEntry[]; unreadable: string[] } {
  const texts = new Map<string, unknown>(fromDb);
  if (store) for (const key of journalKeys(store)) if (!texts.has(key)) texts.set(key, store.getItem(key));
  const entries: JournalEntry[] = [];
  const unreadable: string[] = [];
  for (const [key, text] of texts) {
    const parts = key.startsWith(JOURNAL_PREFIX) ? key.slice(JOURNAL_PREFIX.length).split('/') : [];
    let mapId: string;
    try {
      mapId = decodeURIComponent(parts[0] ?? '');
    } catch {
      unreadable.push(key);
      continue;
    }
    const session = parts[1] ?? '';
    const counter = Number(parts[2]);
    if (parts.length !== 3 || !mapId || !Number.isInteger(counter)) {
      unreadable.push(key);
      continue;
    }
    if (!filter(mapId, session)) continue;
    const entry = parseEntry(typeof text === 'string' ? text : null);
    if (!entry) unreadable.push(key);
    else entries.push({ key, mapId, session, counter, ...entry });
  }
  entries.sort((a, b) => a.at - b.at || (a.session === b.session ? a.counter - b.counter : a.session < b.session ? -1 : 1));
  return { entries, unreadable };
}

function parseEntry(text: string | null): Pick<JournalEntry, 'at' | 'baseRev' | 'formatVersion' | 'change'> | null {
  try {
    const raw = JSON.parse(text ?? 'null') as Record<string, unknown> | null;
    if (typeof raw !== 'object' || raw === null) return null;
    const change = decodeChange(raw.c);
    if (!change || typeof raw.at !== 'number' || !Number.isFinite(raw.at)) return null;
    // Written by a newer build: its changes may not fit this format; left for that build.
    if (raw.v !== FORMAT_VERSION) return null;
    const baseRev = typeof raw.base === 'number' && Number.isInteger(raw.base) ? raw.base : null;
    return { at: raw.at, baseRev, formatVersion: FORMAT_VERSION, change };
  } catch {
    return null;
  }
}

/** The sessions of pages still open (they hold their Web Lock); empty where the API is missing. */
export async function liveSessions(): Promise<Set<string>> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof locks.query !== 'function') return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((lock) => (lock.name?.startsWith(JOURNAL_LOCK_PREFIX) ? [lock.name.slice(JOURNAL_LOCK_PREFIX.length)] : [])));
  } catch {
    return new Set();
  }
}

/** Holds this page's session lock until the page goes (the browser releases it then). */
export function holdSessionLock(session: string): void {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof locks.request !== 'function') return;
  void locks.request(JOURNAL_LOCK_PREFIX + session, () => new Promise<void>(() => undefined)).catch(() => undefined);
}
