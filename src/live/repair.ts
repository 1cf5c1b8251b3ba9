// Checking the doc after a change from elsewhere, and writing the repairs.
import * as Y from 'yjs';
import type { StakeMap } from '../domain';
import { deriveMap, REPAIR_ORIGIN, type Repair } from './derive';
import type { RecordCache } from './cache';
import { listOf, metaOf } from './schema';

export interface RemoteCheck {
  /** The map the doc now holds, within the file format's rules. */
  readonly map: StakeMap;
  /** Plain sentences, one per repair or refusal; empty when all was well. */
  readonly messages: readonly string[];
  /** Whether repairs were written into the doc. */
  readonly repaired: boolean;
  /** Whether the doc could not be repaired (then `map` is `previous`, and the doc is left as it is). */
  readonly refused: boolean;
}

/**
 * After a remote change: derives the map, and when the doc breaks the format's
 * rules writes the repairs into it, in one transaction with `origin` (never
 * an undo step: no UndoManager tracks REPAIR_ORIGIN). Peers that repair the
 * same change at once write the same repairs, so they converge. `previous`,
 * the last good map, supplies the values a repair keeps; `cache` (one per
 * doc, made before its changes) spares reading unchanged records again.
 */
export function checkRemote(doc: Y.Doc, previous?: StakeMap, origin: unknown = REPAIR_ORIGIN, cache?: RecordCache): RemoteCheck {
  const derived = deriveMap(doc, previous, cache);
  const repaired = derived.repairs.length > 0;
  if (repaired) doc.transact(() => derived.repairs.forEach((r) => applyRepair(doc, r)), origin);
  return { map: derived.map, messages: derived.messages, repaired, refused: derived.refused };
}

function applyRepair(doc: Y.Doc, repair: Repair): void {
  if (repair.kind === 'drop') {
    doc.getMap(repair.list).delete(repair.id);
    return;
  }
  const target = repair.list === 'meta' ? metaOf(doc) : listOf(doc, repair.list).get(repair.id ?? '');
  if (!(target instanceof Y.Map)) return;
  if (repair.kind === 'set') target.set(repair.field, repair.value);
  else target.delete(repair.field);
}
