// The last line of defence against a tab closed inside the save delay:
// IndexedDB writes begun in `pagehide` may be cut off with the page, so the
// unsaved map is also written synchronously to localStorage, and put back
// into IndexedDB on the next start.
//
// A rescued map never overwrites someone else's work: it is saved over the
// stored map only if that is still the revision it was edited from; if
// another tab saved the map since, it becomes a snapshot in the map's history.
//
// localStorage is read back through the same check as every stored map
// (records.ts, domain/stored.ts): a copy that fails it is left where it is,
// for the recovery view, and never put into the repository.
import { FORMAT_VERSION, type StakeMap } from '../domain/model';
import { describe } from '../domain/format-problems';
import { isRev, revOf } from './db';
import { CorruptRecordError } from './errors';
import { loadStoredMapCheck, type Checked, type ReadStoredMap } from './records';
import type { MapRepository } from './repository';

const PREFIX = 'stakemap.rescue.';
export const RESCUE_SNAPSHOT_REASON = 'Unsaved changes from a closed tab';

export interface RescueEntry {
  at: number;
  map: StakeMap;
  /** The revision the map was edited from; absent in entries of older builds. */
  baseRev?: number;
  /** The file-format version of `map`; absent in entries of older builds (version 1). */
  formatVersion?: number;
  /** The user was shown this copy (and restored, compared or dismissed it): it may be dropped for room. */
  seen?: boolean;
}

/** An entry as found in localStorage, unjudged: its JSON, or its text when it is not JSON. */
export interface StoredRescue {
  /** Where it is in localStorage: one key per copy. */
  key: string;
  mapId: string;
  raw: unknown;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Seen copies kept per map beyond the unseen ones; the oldest seen go first. */
export const MAX_SEEN_COPIES = 5;
// Keys written by this page, per map: a save of this page makes only these redundant.
const written = new Map<string, { key: string; json: string }[]>();

function copyKey(mapId: string, at: number, store: Storage): string {
  const base = `${PREFIX}${mapId}~${Math.max(0, Math.floor(at)).toString(36)}`;
  let key = base;
  for (let n = 1; store.getItem(key) !== null; n++) key = `${base}.${n}`;
  return key;
}

/** The map id in a copy's key: `<id>~<time>` since copies accumulate, `<id>` in older builds. */
function mapIdOf(key: string): string {
  return key.slice(PREFIX.length).replace(/~[0-9a-z]+(\.\d+)?$/, '');
}

/**
 * Keeps a copy of `map`, never over another one: copies accumulate, and only
 * copies the user has seen are dropped, oldest first, beyond MAX_SEEN_COPIES
 * (or to make room). Synchronous on purpose: it must finish before the page
 * goes. Returns whether it was kept.
 */
export function writeRescue(mapId: string, map: StakeMap, at: number = Date.now(), baseRev?: number): boolean {
  const store = storage();
  if (!store) return false;
  try {
    const json = JSON.stringify(map);
    const mine = written.get(mapId) ?? [];
    const last = mine[mine.length - 1];
    if (last && last.json === json && store.getItem(last.key) !== null) return true; // the same copy again (pagehide after hidden)
    const entry: RescueEntry = baseRev === undefined ? { at, map, formatVersion: FORMAT_VERSION } : { at, map, baseRev, formatVersion: FORMAT_VERSION };
    const text = JSON.stringify(entry);
    const key = copyKey(mapId, at, store);
    try {
      store.setItem(key, text);
    } catch {
      // Full: make room by dropping seen copies (of any map), then try once more.
      if (!dropSeen(store, null, 0)) return false;
      store.setItem(key, text);
    }
    mine.push({ key, json });
    written.set(mapId, mine);
    dropSeen(store, mapId, MAX_SEEN_COPIES);
    return true;
  } catch {
    return false; // full or unavailable: IndexedDB's own flush is all there is
  }
}

/** Drops seen copies (of `mapId`, or of every map) beyond `keep`, oldest first. Returns whether any went. */
function dropSeen(store: Storage, mapId: string | null, keep: number): boolean {
  const seen = rescueKeys(store)
    .filter((key) => mapId === null || mapIdOf(key) === mapId)
    .map((key) => ({ key, raw: readEntry(store, key) as Partial<RescueEntry> | null }))
    .filter(({ raw }) => typeof raw === 'object' && raw !== null && raw.seen === true)
    .sort((a, b) => (a.raw?.at ?? 0) - (b.raw?.at ?? 0));
  const drop = seen.slice(0, Math.max(0, seen.length - keep));
  for (const { key } of drop) store.removeItem(key);
  return drop.length > 0;
}

/** This page's map was saved: the copies this page kept of it are no longer needed. Others' copies stay. */
export function clearRescue(mapId: string): void {
  const mine = written.get(mapId);
  if (!mine) return;
  written.delete(mapId);
  try {
    for (const { key } of mine) storage()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** True for a copy this page kept (it is the map on screen, not something to offer back). */
export function isOwnRescue(key: string): boolean {
  for (const list of written.values()) if (list.some((w) => w.key === key)) return true;
  return false;
}

/** The user saw (restored, compared or dismissed) the copies of `mapId`: they may now make room for newer ones. */
export function markRescuesSeen(mapId: string): void {
  const store = storage();
  if (!store) return;
  for (const key of rescueKeys(store)) {
    if (mapIdOf(key) !== mapId) continue;
    const raw = readEntry(store, key);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    try {
      store.setItem(key, JSON.stringify({ ...raw, seen: true }));
    } catch {
      // left unseen: kept a little longer
    }
  }
  dropSeen(store, mapId, MAX_SEEN_COPIES);
}

/** Every kept copy as it is, oldest first, for the recovery view, which checks each one (checkRescue). */
export function listRescues(): StoredRescue[] {
  const store = storage();
  if (!store) return [];
  return rescueKeys(store)
    .map((key) => ({ key, mapId: mapIdOf(key), raw: readEntry(store, key) }))
    .sort((a, b) => atOf(a.raw) - atOf(b.raw));
}

function atOf(raw: unknown): number {
  const at = typeof raw === 'object' && raw !== null ? (raw as { at?: unknown }).at : undefined;
  return typeof at === 'number' && Number.isFinite(at) ? at : 0;
}

function readEntry(store: Storage, key: string): unknown {
  const text = store.getItem(key);
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return text; // kept as text: the check refuses it, the recovery view offers it as it is
  }
}

/**
 * An entry read back: its map checked, its time and revision too. A time or
 * revision that is not one is dropped (reported): without them the copy is
 * kept as a snapshot, never saved over the stored map.
 */
export function checkRescue(read: ReadStoredMap, mapId: string, raw: unknown): Checked<RescueEntry> {
  const entry = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!entry) return { ok: false, error: new CorruptRecordError('unsaved copy', mapId, [`The unsaved copy is ${describe(raw)}, not a map.`], raw) };
  const result = read(entry.map, entry.formatVersion);
  if (!result.ok) return { ok: false, error: new CorruptRecordError('unsaved copy', mapId, result.problems, raw) };
  const repaired = [...result.repaired];
  const at = typeof entry.at === 'number' && Number.isFinite(entry.at) ? entry.at : Number.NEGATIVE_INFINITY;
  if (at !== entry.at) repaired.push(`Its time was ${describe(entry.at)}, not a time: it is kept as a snapshot, not saved over the map.`);
  const value: RescueEntry = { at, map: result.map, formatVersion: FORMAT_VERSION };
  if (entry.seen === true) value.seen = true;
  if (isRev(entry.baseRev)) value.baseRev = entry.baseRev;
  else if (entry.baseRev !== undefined) repaired.push(`The revision it was edited from was ${describe(entry.baseRev)}, not a revision: it was dropped.`);
  return { ok: true, value, repaired };
}

/**
 * Moves every rescued map into the repository: saved over the stored map when
 * that is unchanged since, kept as a snapshot when another tab saved it since.
 * Entries of maps no longer stored stay, for the recovery view.
 * Returns the ids of maps whose stored version was replaced.
 */
export async function recoverRescues(repo: MapRepository): Promise<string[]> {
  const store = storage();
  if (!store) return [];
  const read = await loadStoredMapCheck();
  const recovered: string[] = [];
  // Per map, newest copy first: it is the one saved over the map; older ones that differ go to History.
  const byMap = new Map<string, { key: string; at: number }[]>();
  for (const key of rescueKeys(store)) {
    const list = byMap.get(mapIdOf(key)) ?? [];
    list.push({ key, at: atOf(readEntry(store, key)) });
    byMap.set(mapIdOf(key), list);
  }
  for (const [mapId, copies] of byMap) {
    copies.sort((a, b) => b.at - a.at);
    let newest: StakeMap | null = null;
    for (const { key } of copies) {
      try {
        const checked = checkRescue(read, mapId, readEntry(store, key));
        // Damaged: kept as it is, for the recovery view; nothing of it goes into storage.
        if (!checked.ok) continue;
        const entry = checked.value;
        const record = await repo.get(mapId); // a damaged stored map throws: the entry stays
        // A map no longer stored: keep the entry, the recovery view offers it for download.
        if (!record) continue;
        if (!sameMap(entry.map, record.map) && !(newest && sameMap(entry.map, newest))) {
          const untouched = newest === null && (entry.baseRev === undefined ? record.updatedAt < entry.at : revOf(record) === entry.baseRev);
          if (untouched) {
            await repo.save(mapId, entry.map, { expectedRev: revOf(record) });
            recovered.push(mapId);
          } else {
            await repo.snapshot(mapId, RESCUE_SNAPSHOT_REASON, entry.map);
          }
        }
        newest ??= entry.map;
        store.removeItem(key);
      } catch {
        // Leave the entry for the next start rather than lose it.
      }
    }
  }
  return recovered;
}

function rescueKeys(store: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

function sameMap(a: StakeMap, b: StakeMap): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
