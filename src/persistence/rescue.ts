// The last line of defence against a tab closed inside the save delay:
// IndexedDB writes begun in `pagehide` may be cut off with the page, so the
// unsaved map is also written synchronously to localStorage, and put back
// into IndexedDB on the next start.
//
// A rescued map never overwrites someone else's work: it is saved over the
// stored map only if that is still the revision it was edited from; if
// another tab saved the map since, it becomes a snapshot in the map's history.
import type { StakeMap } from '../domain/model';
import { revOf } from './db';
import type { MapRepository } from './repository';

const PREFIX = 'stakemap.rescue.';
export const RESCUE_SNAPSHOT_REASON = 'Unsaved changes from a closed tab';

export interface RescueEntry {
  at: number;
  map: StakeMap;
  /** The revision the map was edited from; absent in entries of older builds. */
  baseRev?: number;
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
    const entry: RescueEntry = baseRev === undefined ? { at, map } : { at, map, baseRev };
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

/** Every rescue entry, for the recovery view. Unreadable entries are skipped, never removed. */
export function listRescues(): { mapId: string; entry: RescueEntry }[] {
  const store = storage();
  if (!store) return [];
  const out: { mapId: string; entry: RescueEntry }[] = [];
  for (const key of rescueKeys(store)) {
    try {
      const entry = JSON.parse(store.getItem(key) ?? 'null') as RescueEntry | null;
      if (entry && typeof entry === 'object' && entry.map) out.push({ mapId: key.slice(PREFIX.length), entry });
    } catch {
      // not ours to judge here
    }
  }
  return out;
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
  const recovered: string[] = [];
  for (const key of rescueKeys(store)) {
    const mapId = key.slice(PREFIX.length);
    try {
      const entry = JSON.parse(store.getItem(key) ?? 'null') as RescueEntry | null;
      const record = await repo.get(mapId);
      // A map no longer stored: keep the entry, the recovery view offers it for download.
      if (entry?.map && !record) continue;
      if (entry?.map && record && !sameMap(entry.map, record.map)) {
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
