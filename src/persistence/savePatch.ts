// The save worker's one job (save.worker.ts is only its shell): apply a
// patch to the stored map and write it, with repository.save's guarantees.
// Here, off the page's thread, IndexedDB's structured clone of the whole map
// costs the page nothing.
import { revOf, type StakemapDb } from './db';
import { MapConflictError, MapNotFoundError } from './errors';
import { serializeError, type SentError } from './errorTransfer';
import { applyMapPatch, type MapPatch } from './mapPatch';
import { savedFields } from './repository';

/** What the page posts to the save worker. */
export interface SaveRequest {
  id: number;
  mapId: string;
  patch: MapPatch;
  expectedRev: number;
}

/** What the worker answers: the new revision, or the error as data (errorTransfer.ts). */
export type SaveReply = { id: number; rev: number } | { id: number; error: SentError };

/**
 * Saves `patch` over revision `expectedRev` of map `mapId`; resolves to the
 * new revision. Read, compare and write in one transaction, as repository.save:
 * a stored map at another revision is refused (MapConflictError), and a map
 * no longer stored is never created again (MapNotFoundError).
 */
export function savePatch(db: StakemapDb, mapId: string, patch: MapPatch, expectedRev: number, now: number): Promise<number> {
  return db.transaction('rw', db.maps, async () => {
    const record = await db.maps.get(mapId);
    if (!record) throw new MapNotFoundError(mapId);
    const rev = revOf(record);
    if (rev !== expectedRev) throw new MapConflictError(mapId, expectedRev, rev);
    // Same revision, same content: the patch was made from exactly this map.
    const map = applyMapPatch(record.map, patch);
    await db.maps.put({ ...record, ...savedFields(map, now), rev: rev + 1 });
    return rev + 1;
  });
}

/** The worker's answer to one request; never throws. */
export async function answer(db: StakemapDb, request: SaveRequest, now: number): Promise<SaveReply> {
  try {
    return { id: request.id, rev: await savePatch(db, request.mapId, request.patch, request.expectedRev, now) };
  } catch (err) {
    return { id: request.id, error: serializeError(err) };
  }
}
