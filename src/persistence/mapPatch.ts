// What changed between two versions of a map, small enough to post to the
// save worker (offThreadSave.ts) instead of the whole map. Edits keep every
// stakeholder and relation they do not touch as the same object, so most
// items are told apart by reference; items that are not the same object (a
// map read again from storage is all new objects) are compared by content,
// about 1 ms for 3,000 items. Pure; applyMapPatch(a, mapPatch(a, b)) equals b,
// down to the order of keys.
import type { Relation, StakeMap, Stakeholder } from '../domain/model';

/** How a list of items with ids changed: unchanged, replaced whole, or items removed, replaced in place and added at the end. */
export type ListPatch<T> =
  | { readonly kind: 'same' }
  | { readonly kind: 'full'; readonly items: readonly T[] }
  | {
      readonly kind: 'edit';
      /** Ids of the items gone, applied first. */
      readonly removed: readonly string[];
      /** Index (after removal) and new item. */
      readonly changed: readonly (readonly [number, T])[];
      readonly appended: readonly T[];
    };

export interface MapPatch {
  /** Everything but the two lists: small, always sent whole. */
  readonly head: Omit<StakeMap, 'stakeholders' | 'relations'>;
  /** The map's keys in order, so the rebuilt map is the same object, down to key order. */
  readonly keys: readonly string[];
  readonly stakeholders: ListPatch<Stakeholder>;
  readonly relations: ListPatch<Relation>;
  /** How many stakeholders and relations the patch was made from: a cheap check that it fits. */
  readonly from: readonly [number, number];
}

/** The patch does not fit the map it was applied to: the sender must send the whole map. */
export class PatchMismatchError extends Error {
  constructor() {
    super('The saved map is not the version this change was made from');
    this.name = 'PatchMismatchError';
  }
}

/** Past this share of changed items, the whole list is sent. */
const WHOLE_ABOVE = 0.5;

export function listPatch<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): ListPatch<T> {
  if (before === after) return { kind: 'same' };
  let kept: readonly T[] = before;
  let removed: string[] = [];
  if (after.length !== before.length) {
    const ids = new Set<string>();
    for (const item of after) ids.add(item.id);
    removed = before.filter((item) => !ids.has(item.id)).map((item) => item.id);
    if (removed.length > 0) kept = before.filter((item) => ids.has(item.id));
  }
  if (after.length < kept.length) return { kind: 'full', items: after };
  const changed: [number, T][] = [];
  for (let i = 0; i < kept.length; i++) {
    const item = after[i]!;
    if (item === kept[i]) continue;
    // Reordered, or one removed and another added in its place: not worth working out.
    if (item.id !== kept[i]!.id) return { kind: 'full', items: after };
    if (!sameData(item, kept[i])) changed.push([i, item]);
  }
  const appended = after.slice(kept.length);
  if (changed.length + appended.length + removed.length > WHOLE_ABOVE * Math.max(1, after.length)) return { kind: 'full', items: after };
  if (changed.length === 0 && appended.length === 0 && removed.length === 0) return { kind: 'same' };
  return { kind: 'edit', removed, changed, appended };
}

/** Deep equality of plain data, key order included (it is kept in storage too). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i] || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

export function applyListPatch<T extends { readonly id: string }>(before: readonly T[], patch: ListPatch<T>): readonly T[] {
  if (patch.kind === 'same') return before;
  if (patch.kind === 'full') return patch.items;
  const gone = new Set(patch.removed);
  const next = gone.size > 0 ? before.filter((item) => !gone.has(item.id)) : before.slice();
  for (const [index, item] of patch.changed) {
    // Cheap guard: a patch meant for another version must never be written.
    if (next[index]?.id !== item.id) throw new PatchMismatchError();
    next[index] = item;
  }
  next.push(...patch.appended);
  return next;
}

export function mapPatch(before: StakeMap, after: StakeMap): MapPatch {
  const { stakeholders, relations, ...head } = after;
  return {
    head,
    keys: Object.keys(after),
    stakeholders: listPatch(before.stakeholders, stakeholders),
    relations: listPatch(before.relations, relations),
    from: [before.stakeholders.length, before.relations.length],
  };
}

/** Throws PatchMismatchError when `patch` was visibly made from another version of the map. */
export function applyMapPatch(before: StakeMap, patch: MapPatch): StakeMap {
  if (before.stakeholders.length !== patch.from[0] || before.relations.length !== patch.from[1]) throw new PatchMismatchError();
  const lists: Record<string, unknown> = {
    stakeholders: applyListPatch(before.stakeholders, patch.stakeholders),
    relations: applyListPatch(before.relations, patch.relations),
  };
  const head = patch.head as Record<string, unknown>;
  const map: Record<string, unknown> = {};
  for (const key of patch.keys) map[key] = key in lists ? lists[key] : head[key];
  return map as unknown as StakeMap;
}
