// The map as a Yjs document: writing a map into a doc as the smallest set of
// changes, in one transaction, and reading the map back.
//
// A pure domain edit `map → next` becomes one transaction: writeMapToDoc(doc,
// next, origin, map) writes only the fields where `next` differs from `map`,
// so a colleague's change that arrived meanwhile (and is not in `map` yet) is
// never written back over. Without `base` it compares with the doc itself.
import * as Y from 'yjs';
import type { StakeMap } from '../domain';
import {
  flatten, listOf, metaOf, orderOf, ORDER, recordFields, RELATIONS, sameValue, sortedIds, STAKEHOLDERS,
  type Fields, type Flat, type ListName,
} from './schema';
import { deriveMap } from './derive';
import { diffVotes, flattenVotes, readVoteEntries } from './votes';

export { REPAIR_ORIGIN } from './derive';

/**
 * Writes `next` into `doc` in one transaction with `origin`, changing only
 * what differs from `base` (the map `next` was computed from), or from the
 * doc when `base` is left out. Returns whether anything was written: an
 * unchanged map makes no transaction, hence no undo step.
 */
export function writeMapToDoc(doc: Y.Doc, next: StakeMap, origin: unknown, base?: StakeMap): boolean {
  const to = flatten(next);
  const from = base ? flatten(base) : readFlat(doc);
  const changes: Array<() => void> = [];
  diffFields(metaOf(doc), from.meta, to.meta, changes);
  diffList(listOf(doc, STAKEHOLDERS), from.stakeholders, to.stakeholders, changes);
  diffList(listOf(doc, RELATIONS), from.relations, to.relations, changes);
  diffVotes(doc, base ? flattenVotes(base) : readVoteEntries(doc), flattenVotes(next), changes);
  if (changes.length === 0) return false;
  doc.transact(() => {
    for (const change of changes) change();
  }, origin);
  return true;
}

/**
 * The map the doc holds. What a peer wrote against the file format's rules is
 * left out (a dangling relation, a name too long…) but the doc is not
 * changed: see checkRemote for the repair and its report.
 */
export function readMapFromDoc(doc: Y.Doc): StakeMap {
  return deriveMap(doc).map;
}

/** Whether nobody has written a map into this doc yet. */
export function isEmptyDoc(doc: Y.Doc): boolean {
  return metaOf(doc).size === 0 && listOf(doc, STAKEHOLDERS).size === 0 && listOf(doc, RELATIONS).size === 0;
}

/** The doc's records as stored (plain values, list order), to compare a map with. */
export function readFlat(doc: Y.Doc): Flat {
  const meta: Fields = {};
  metaOf(doc).forEach((value, key) => {
    meta[key] = value;
  });
  const read = (name: ListName): Map<string, Fields> => {
    const list = listOf(doc, name);
    const out = new Map<string, Fields>();
    for (const id of sortedIds(list)) out.set(id, recordFields(list.get(id)) ?? {});
    return out;
  };
  return { meta, stakeholders: read(STAKEHOLDERS), relations: read(RELATIONS) };
}

function diffFields(target: Y.Map<unknown>, from: Fields, to: Fields, changes: Array<() => void>): void {
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (sameValue(from[key], to[key])) continue;
    const value = to[key];
    changes.push(value === undefined ? () => target.delete(key) : () => target.set(key, value));
  }
}

function diffList(list: Y.Map<unknown>, from: Map<string, Fields>, to: Map<string, Fields>, changes: Array<() => void>): void {
  for (const id of from.keys()) if (!to.has(id)) changes.push(() => list.delete(id));
  const added: string[] = [];
  for (const [id, fields] of to) {
    const before = from.get(id);
    if (!before) {
      added.push(id);
      continue;
    }
    // A record a colleague deleted meanwhile stays deleted: their delete and this edit were concurrent.
    const record = list.get(id);
    if (record instanceof Y.Map) diffFields(record, before, fields, changes);
  }
  if (added.length > 0 || orderChanged(from, to)) changes.push(() => placeRecords(list, to, new Set(added)));
}

/** Whether the records kept are in another order than before (domain edits only append and delete). */
function orderChanged(from: Map<string, Fields>, to: Map<string, Fields>): boolean {
  const kept = [...from.keys()].filter((id) => to.has(id));
  let i = 0;
  for (const id of to.keys()) {
    if (!from.has(id)) continue;
    if (kept[i++] !== id) return true;
  }
  return false;
}

/**
 * Creates the `added` records and gives every record of `to` an order that
 * sorts as `to` lists them: new records go between their neighbours (at the
 * end, the last order + 1); when the doc's order disagrees, or there is no
 * room between two numbers, the whole list is renumbered 0, 1, 2, ….
 */
function placeRecords(list: Y.Map<unknown>, to: Map<string, Fields>, added: Set<string>): void {
  const ids = [...to.keys()].filter((id) => added.has(id) || list.get(id) instanceof Y.Map);
  const orders = ids.map((id) => (added.has(id) ? undefined : orderOf(list.get(id))));
  const planned = planOrders(ids, orders);
  ids.forEach((id, i) => {
    const order = planned[i]!;
    if (added.has(id)) {
      list.set(id, new Y.Map<unknown>([...Object.entries(to.get(id)!), [ORDER, order]]));
      return;
    }
    const record = list.get(id);
    if (record instanceof Y.Map && record.get(ORDER) !== order) record.set(ORDER, order);
  });
}

/** Orders for `ids`, keeping the known ones when they already sort right; undefined = new. */
function planOrders(ids: readonly string[], known: readonly (number | undefined)[]): number[] {
  const renumbered = (): number[] => ids.map((_, k) => k);
  const nextKnown = new Array<number | undefined>(ids.length);
  let upcoming: number | undefined;
  for (let i = ids.length - 1; i >= 0; i--) {
    nextKnown[i] = upcoming;
    if (known[i] !== undefined) upcoming = known[i];
  }
  const out: number[] = [];
  let prev: { order: number; id: string } | undefined;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let order = known[i];
    if (order === undefined) {
      const next = nextKnown[i];
      const lo = prev?.order ?? (next !== undefined ? next - 1 : -1);
      order = next === undefined ? Math.floor(lo) + 1 : (lo + next) / 2;
      if (next !== undefined && !(order > lo && order < next)) return renumbered();
    }
    if (!Number.isFinite(order) || (prev && !sortsAfter(order, id, prev))) return renumbered();
    out.push(order);
    prev = { order, id };
  }
  return out;
}

/** Whether (order, id) reads after `prev`, as sortedIds compares. */
function sortsAfter(order: number, id: string, prev: { order: number; id: string }): boolean {
  return order > prev.order || (order === prev.order && id > prev.id);
}
