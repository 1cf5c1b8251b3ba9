// How a StakeMap lives in a Y.Doc, and the plain records both sides compare.
//
//   doc.getMap('map')           title, definition, definitionNote, currency,
//                               organizationName, organizationPosition
//   doc.getMap('stakeholders')  id → Y.Map { name, label, side, notes?, position?,
//                               depth?, value?, lifetimeValue?, valuePerPurchase?,
//                               purchasesPerYear?, years?, power?, interest?, order }
//   doc.getMap('relations')     id → Y.Map { from, to, kind, note?, order }
//
// One Y.Map per record, keyed by id, so that two people editing different
// fields of one stakeholder both keep their edit; a position is one value
// ({x, y}), so concurrent moves never mix one person's x with another's y.
// Lists have no order in a Y.Map: each record carries `order`, a number, and
// readers sort by (order, id), which every peer computes alike.
import * as Y from 'yjs';
import { RELATIONSHIP_FIELDS, type Position, type Relation, type StakeMap, type Stakeholder } from '../domain';

export const META = 'map';
export const STAKEHOLDERS = 'stakeholders';
export const RELATIONS = 'relations';
export const ORDER = 'order';

/** A record's fields as stored (no id: the key is the id; no order). Absent = not a key. */
export type Fields = Record<string, unknown>;

/** A map as plain records, the shape both a StakeMap and a doc are compared in. */
export interface Flat {
  readonly meta: Fields;
  /** In list order. */
  readonly stakeholders: Map<string, Fields>;
  readonly relations: Map<string, Fields>;
}

export type ListName = typeof STAKEHOLDERS | typeof RELATIONS;

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META);
}

export function listOf(doc: Y.Doc, name: ListName): Y.Map<unknown> {
  return doc.getMap(name);
}

function put(target: Fields, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function pos(p: Position | undefined): Position | undefined {
  return p && { x: p.x, y: p.y };
}

export function stakeholderFields(s: Stakeholder): Fields {
  const f: Fields = { name: s.name, label: s.label, side: s.side };
  put(f, 'notes', s.notes);
  put(f, 'position', pos(s.position));
  // One field each, so two people setting depth and value of one stakeholder both keep theirs.
  for (const field of RELATIONSHIP_FIELDS) put(f, field, s[field]);
  return f;
}

export function relationFields(r: Relation): Fields {
  const f: Fields = { from: r.from, to: r.to, kind: r.kind };
  put(f, 'note', r.note);
  return f;
}

export function flatten(map: StakeMap): Flat {
  const meta: Fields = { title: map.title, organizationName: map.organization.name };
  put(meta, 'definition', map.definition);
  put(meta, 'definitionNote', map.definitionNote);
  put(meta, 'currency', map.currency);
  put(meta, 'organizationPosition', pos(map.organization.position));
  return {
    meta,
    stakeholders: new Map(map.stakeholders.map((s) => [s.id, stakeholderFields(s)])),
    relations: new Map(map.relations.map((r) => [r.id, relationFields(r)])),
  };
}

/** The sort key of a record: its order, or last for anything that is not a finite number. */
export function orderOf(record: unknown): number {
  const order: unknown = record instanceof Y.Map ? record.get(ORDER) : undefined;
  return typeof order === 'number' && Number.isFinite(order) ? order : Number.POSITIVE_INFINITY;
}

/** A list's ids in reading order: by order, then by id (the same on every peer). */
export function sortedIds(list: Y.Map<unknown>): string[] {
  const entries: { id: string; order: number }[] = [];
  list.forEach((value, id) => entries.push({ id, order: orderOf(value) }));
  entries.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return entries.map((e) => e.id);
}

/**
 * A stored value as JSON the file format can judge, whatever a peer put
 * there: text, numbers and booleans as they are; a position-like object as
 * {x, y}; anything else (lists, binary, shared types, bigints) as `{}`,
 * which no field of the format accepts. Never throws.
 */
export function plain(value: unknown, nested = false): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (!nested && typeof value === 'object' && !(value instanceof Y.AbstractType) && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (Object.hasOwn(o, 'x')) out.x = plain(o.x, true);
    if (Object.hasOwn(o, 'y')) out.y = plain(o.y, true);
    return out;
  }
  return {};
}

/** The stored fields of a record (no order), as plain values; null when the entry is not a record at all. */
export function recordFields(record: unknown): Fields | null {
  if (!(record instanceof Y.Map)) return null;
  const f: Fields = {};
  record.forEach((value, key) => {
    if (key !== ORDER) f[key] = plain(value);
  });
  return f;
}

/** Same stored value: positions by their numbers, everything else by identity. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const p = a as Record<string, unknown>;
  const q = b as Record<string, unknown>;
  return Object.is(p.x, q.x) && Object.is(p.y, q.y) && Object.keys(p).length === Object.keys(q).length;
}
