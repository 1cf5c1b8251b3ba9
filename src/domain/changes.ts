// What one edit changed, record by record, so that it can be undone on top of
// later changes made by others (another tab, a peer): undo puts back only the
// records this edit touched and leaves everyone else's changes alone. The same
// idea as Y.UndoManager's, on the plain map.
import { ORG_ID, type Relation, type StakeMap, type Stakeholder } from './model';

/**
 * A record before and after (`undefined` where it did not exist), with its
 * place in the list each time (-1 where absent), so undoing a delete puts it
 * back where it was.
 */
export type RecordDelta<T> = readonly [before: T | undefined, after: T | undefined, beforeIndex: number, afterIndex: number];
type HeadDelta = readonly [before: unknown, after: unknown];

type Head = Omit<StakeMap, 'stakeholders' | 'relations'>;
type HeadKey = keyof Head;

export interface MapChange {
  readonly head: ReadonlyMap<HeadKey, HeadDelta>;
  readonly stakeholders: ReadonlyMap<string, RecordDelta<Stakeholder>>;
  readonly relations: ReadonlyMap<string, RecordDelta<Relation>>;
}

function diffList<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): Map<string, RecordDelta<T>> {
  const out = new Map<string, RecordDelta<T>>();
  if (before === after) return out;
  const old = new Map<string, number>();
  before.forEach((item, index) => old.set(item.id, index));
  after.forEach((item, index) => {
    const at = old.get(item.id) ?? -1;
    const was = at >= 0 ? before[at] : undefined;
    if (was !== item && !sameRecord(was, item)) out.set(item.id, [was, item, at, index]);
    old.delete(item.id);
  });
  for (const [id, at] of old) out.set(id, [before[at], undefined, at, -1]);
  return out;
}

function sameRecord(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** What turns `before` into `after`; null when nothing changed. */
export function diffMaps(before: StakeMap, after: StakeMap): MapChange | null {
  if (before === after) return null;
  const head = new Map<HeadKey, HeadDelta>();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'stakeholders' || key === 'relations') continue;
    const a = (before as unknown as Record<string, unknown>)[key];
    const b = (after as unknown as Record<string, unknown>)[key];
    if (!sameRecord(a, b)) head.set(key as HeadKey, [a, b]);
  }
  const change = { head, stakeholders: diffList(before.stakeholders, after.stakeholders), relations: diffList(before.relations, after.relations) };
  return isEmptyChange(change) ? null : change;
}

export function isEmptyChange(change: MapChange): boolean {
  return change.head.size === 0 && change.stakeholders.size === 0 && change.relations.size === 0;
}

function flip<T>(deltas: ReadonlyMap<string, RecordDelta<T>>): Map<string, RecordDelta<T>> {
  const out = new Map<string, RecordDelta<T>>();
  for (const [id, [a, b, i, j]] of deltas) out.set(id, [b, a, j, i]);
  return out;
}

function flipHead(head: MapChange['head']): Map<HeadKey, HeadDelta> {
  const out = new Map<HeadKey, HeadDelta>();
  for (const [key, [a, b]] of head) out.set(key, [b, a]);
  return out;
}

/** The change that takes it back. */
export function invertChange(change: MapChange): MapChange {
  return { head: flipHead(change.head), stakeholders: flip(change.stakeholders), relations: flip(change.relations) };
}

function mergeDeltas<T>(first: ReadonlyMap<string, RecordDelta<T>>, second: ReadonlyMap<string, RecordDelta<T>>): Map<string, RecordDelta<T>> {
  const out = new Map(first);
  for (const [id, later] of second) {
    const earlier = first.get(id);
    const [before, beforeIndex] = earlier ? [earlier[0], earlier[2]] : [later[0], later[2]];
    if (sameRecord(before, later[1])) out.delete(id);
    else out.set(id, [before, later[1], beforeIndex, later[3]]);
  }
  return out;
}

function mergeHead(first: MapChange['head'], second: MapChange['head']): Map<HeadKey, HeadDelta> {
  const out = new Map(first);
  for (const [key, [, after]] of second) {
    const before = first.has(key) ? first.get(key)![0] : second.get(key)![0];
    if (sameRecord(before, after)) out.delete(key);
    else out.set(key, [before, after]);
  }
  return out;
}

/** `first` then `second`, as one change (a burst of typing is one undo step). */
export function mergeChanges(first: MapChange, second: MapChange): MapChange {
  return {
    head: mergeHead(first.head, second.head),
    stakeholders: mergeDeltas(first.stakeholders, second.stakeholders),
    relations: mergeDeltas(first.relations, second.relations),
  };
}

function applyList<T extends { readonly id: string }>(list: readonly T[], deltas: ReadonlyMap<string, RecordDelta<T>>): readonly T[] {
  if (deltas.size === 0) return list;
  const next: T[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    seen.add(item.id);
    if (!deltas.has(item.id)) next.push(item);
    else {
      const after = deltas.get(item.id)![1];
      if (after) next.push(after);
    }
  }
  // Records that come (back) go to their place in the list, earliest first.
  const arriving = [...deltas.values()].filter(([, after]) => after && !seen.has(after.id)).sort((a, b) => a[3] - b[3]);
  for (const [, after, , index] of arriving) next.splice(index < 0 ? next.length : Math.min(index, next.length), 0, after!);
  return next;
}

/**
 * Applies the change's "after" side to `map`, whatever else changed in it
 * since: records the change touched take its values, all others stay. A
 * relation left without one of its ends (someone deleted it meanwhile) goes,
 * so the result always keeps the format's rules.
 */
export function applyChange(map: StakeMap, change: MapChange): StakeMap {
  if (isEmptyChange(change)) return map;
  const next: Record<string, unknown> = { ...map };
  for (const [key, [, after]] of change.head) {
    if (after === undefined) delete next[key];
    else next[key] = after;
  }
  const stakeholders = applyList(map.stakeholders, change.stakeholders);
  let relations = applyList(map.relations, change.relations);
  if (stakeholders !== map.stakeholders || relations !== map.relations) {
    const ids = new Set(stakeholders.map((s) => s.id));
    ids.add(ORG_ID);
    const kept = relations.filter((r) => ids.has(r.from) && ids.has(r.to));
    if (kept.length !== relations.length) relations = kept;
  }
  next.stakeholders = stakeholders;
  next.relations = relations;
  return next as unknown as StakeMap;
}
