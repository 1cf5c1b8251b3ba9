// The save worker's jobs (save.worker.ts is only its shell): apply a patch to
// the stored map and write it, with repository.save's guarantees, or freeze
// it as a snapshot. Here, off the page's thread, IndexedDB's structured clone
// of the whole map costs the page nothing.
import { readStoredMap } from '../domain/stored';
import { revOf, type MapRecord, type StakemapDb } from './db';
import { serializeError, type SentError } from './errorTransfer';
import { applyMapPatch, PatchMismatchError, type MapPatch } from './mapPatch';
import { mapRecordOrThrow } from './records';
import { writeMap, writeSnapshot } from './repository';

/** What the page posts to the save worker: a save, or (with a reason) a snapshot of the stored map patched. */
export interface SaveRequest {
  id: number;
  mapId: string;
  patch: MapPatch;
  expectedRev: number;
  /** Set for a snapshot: why it was taken. */
  snapshot?: string;
}

/** What the worker answers: the new revision (or the snapshot's id), or the error as data (errorTransfer.ts). */
export type SaveReply = { id: number; rev: number } | { id: number; snapshotId: number } | { id: number; error: SentError };

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

/**
 * Freezes `patch` applied to revision `expectedRev` of map `mapId` as a
 * snapshot; resolves to its id. A PatchMismatchError if the stored map is at
 * another revision (a save came first): the page then writes the snapshot itself.
 */
export function snapshotPatch(db: StakemapDb, mapId: string, reason: string, patch: MapPatch, expectedRev: number, now: number): Promise<number> {
  return writeSnapshot(db, mapId, reason, (stored: MapRecord) => {
    if (revOf(stored) !== expectedRev) throw new PatchMismatchError();
    return applyMapPatch(mapRecordOrThrow(readStoredMap, stored).map, patch);
  }, now);
}

/** The worker's answer to one request; never throws. */
export async function answer(db: StakemapDb, request: SaveRequest, now: number): Promise<SaveReply> {
  try {
    const { id, mapId, patch, expectedRev, snapshot } = request;
    if (snapshot !== undefined) return { id, snapshotId: await snapshotPatch(db, mapId, snapshot, patch, expectedRev, now) };
    return { id, rev: await savePatch(db, mapId, patch, expectedRev, now) };
  } catch (err) {
    return { id: request.id, error: serializeError(err) };
  }
}
