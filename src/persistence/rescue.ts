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
}

/** An entry as found in localStorage, unjudged: its JSON, or its text when it is not JSON. */
export interface StoredRescue {
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

/** Synchronous on purpose: it must finish before the page goes. Returns whether it was kept. */
export function writeRescue(mapId: string, map: StakeMap, at: number = Date.now(), baseRev?: number): boolean {
  try {
    const entry: RescueEntry = baseRev === undefined ? { at, map, formatVersion: FORMAT_VERSION } : { at, map, baseRev, formatVersion: FORMAT_VERSION };
    storage()?.setItem(PREFIX + mapId, JSON.stringify(entry));
    return true;
  } catch {
    return false; // full or unavailable: IndexedDB's own flush is all there is
  }
}

export function clearRescue(mapId: string): void {
  try {
    storage()?.removeItem(PREFIX + mapId);
  } catch {
    // nothing to clear
  }
}

/** Every rescue entry as it is, for the recovery view, which checks each one (checkRescue). */
export function listRescues(): StoredRescue[] {
  const store = storage();
  if (!store) return [];
  return rescueKeys(store).map((key) => ({ mapId: key.slice(PREFIX.length), raw: readEntry(store, key) }));
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
  for (const key of rescueKeys(store)) {
    const mapId = key.slice(PREFIX.length);
    try {
      const checked = checkRescue(read, mapId, readEntry(store, key));
      // Damaged: kept as it is, for the recovery view; nothing of it goes into storage.
      if (!checked.ok) continue;
      const entry = checked.value;
      const record = await repo.get(mapId); // a damaged stored map throws: the entry stays
      // A map no longer stored: keep the entry, the recovery view offers it for download.
      if (!record) continue;
      if (!sameMap(entry.map, record.map)) {
        const untouched = entry.baseRev === undefined ? record.updatedAt < entry.at : revOf(record) === entry.baseRev;
        if (untouched) {
          await repo.save(mapId, entry.map, { expectedRev: revOf(record) });
          recovered.push(mapId);
        } else {
          await repo.snapshot(mapId, RESCUE_SNAPSHOT_REASON, entry.map);
        }
      }
      store.removeItem(key);
    } catch {
      // Leave the entry for the next start rather than lose it.
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
