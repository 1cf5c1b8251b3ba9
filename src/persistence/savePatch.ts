// The save worker's one job (save.worker.ts is only its shell): apply a
// patch to the stored map and write it, with repository.save's guarantees.
// Here, off the page's thread, IndexedDB's structured clone of the whole map
// costs the page nothing.
import { readStoredMap } from '../domain/stored';
import type { StakemapDb } from './db';
import { serializeError, type SentError } from './errorTransfer';
import { applyMapPatch, type MapPatch } from './mapPatch';
import { mapRecordOrThrow } from './records';
import { writeMap } from './repository';

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
 * Saves `patch` over revision `expectedRev` of map `mapId`, with
 * repository.save's guarantees (writeMap); resolves to the new revision.
 * Same revision, same content: the patch was made from exactly the stored map,
 * as the page read it, through the same check (a CorruptRecordError if it
 * fails: the page then writes its whole map, offThreadSave.ts).
 */
export function savePatch(db: StakemapDb, mapId: string, patch: MapPatch, expectedRev: number, now: number): Promise<number> {
  // Imported, not loaded on demand as on the page: the worker has no start bundle to keep small.
  return writeMap(db, mapId, (stored) => applyMapPatch(mapRecordOrThrow(readStoredMap, stored).map, patch), now, expectedRev);
}

/** The worker's answer to one request; never throws. */
export async function answer(db: StakemapDb, request: SaveRequest, now: number): Promise<SaveReply> {
  try {
    return { id: request.id, rev: await savePatch(db, request.mapId, request.patch, request.expectedRev, now) };
  } catch (err) {
    return { id: request.id, error: serializeError(err) };
  }
}
