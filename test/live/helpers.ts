// Shared by the live tests: docs that exchange updates like peers in a room.
import * as Y from 'yjs';
import { parseMap, serializeMap, type StakeMap } from '../../src/domain';

export const REMOTE = 'remote';

/** Sends each doc what the other lacks, until neither lacks anything (repairs may add more). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  for (let round = 0; round < 10; round++) {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, toB, REMOTE);
    Y.applyUpdate(a, toA, REMOTE);
    if (sameState(a, b)) return;
  }
  throw new Error('the docs did not settle after 10 exchanges');
}

/** Same content and same deletions (a state vector alone misses deletions). */
function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

/** Whether the map is one the file format accepts, as written and read back. */
export function isValidMap(map: StakeMap): boolean {
  return parseMap(serializeMap(map)).ok;
}

export function seededDoc(map: StakeMap, write: (doc: Y.Doc, map: StakeMap) => void): Y.Doc {
  const doc = new Y.Doc();
  write(doc, map);
  return doc;
}
