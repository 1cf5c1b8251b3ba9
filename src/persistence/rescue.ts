// The last line of defence against a tab closed inside the save delay:
// IndexedDB writes begun in `pagehide` may be cut off with the page, so the
// unsaved map is also written synchronously to localStorage, and put into
// IndexedDB on the next start if it is newer than what is there.
import type { StakeMap } from '../domain/model';
import type { MapRepository } from './repository';

const PREFIX = 'stakemap.rescue.';

interface RescueEntry {
  at: number;
  map: StakeMap;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Synchronous on purpose: it must finish before the page goes. Returns whether it was kept. */
export function writeRescue(mapId: string, map: StakeMap, at: number = Date.now()): boolean {
  try {
    storage()?.setItem(PREFIX + mapId, JSON.stringify({ at, map } satisfies RescueEntry));
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

/** Moves every rescued map that is newer than its stored copy into the repository. */
export async function recoverRescues(repo: MapRepository): Promise<string[]> {
  const store = storage();
  if (!store) return [];
  const recovered: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) {
    const mapId = key.slice(PREFIX.length);
    try {
      const entry = JSON.parse(store.getItem(key) ?? 'null') as RescueEntry | null;
      const record = await repo.get(mapId);
      if (entry && record && record.updatedAt < entry.at) {
        await repo.save(mapId, entry.map);
        recovered.push(mapId);
      }
      store.removeItem(key);
    } catch {
      // Leave the entry for the next start rather than lose it.
    }
  }
  return recovered;
}
