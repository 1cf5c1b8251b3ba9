// Pure edits: (map, args) → map. None mutates its input, and each returns the
// very same map when nothing changes, so the store can skip no-ops in undo.
//
// Edits keep a valid map valid: a value the format would refuse (a blank
// name, an id that is taken, a relation to a missing party) is ignored, as
// if nothing was asked. The UI validates as the user types; this is the net.
// A position beyond the drawable range is clamped to its edge instead
// (field-rules.ts: clampPosition), so no gesture can carry a card out of reach.
import { DEFINITIONS, KINDS, LABELS, LIMITS, ORG_ID, RELATIONSHIP_FIELDS, SIDES } from './model';
import type { Definition, Kind, Label, Position, Relation, Relationship, Side, StakeMap, Stakeholder } from './model';
import { currencyProblem, isRelationshipValue } from './relationship';
import { clampPosition, codePointLength, exceeds, isFiniteNumber, isValidId, isValidName, isValidTitle } from './field-rules';
import { limitPassed } from './edits-copy';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export { uniqueId, nextStakeholderId, nextRelationId, duplicateStakeholders, limitPassed } from './edits-copy';

export function addStakeholder(map: StakeMap, s: Stakeholder): StakeMap {
  // Past the format's limit the map could not be saved and read back.
  if (limitPassed(map, 1, 0)) return map;
  if (!isValidId(s.id) || map.stakeholders.some((t) => t.id === s.id)) return map;
  if (!isValidName(s.name) || !LABELS.includes(s.label) || !SIDES.includes(s.side)) return map;
  if (s.notes !== undefined && exceeds(s.notes, LIMITS.notes)) return map;
  if (s.position && !isValidPosition(s.position)) return map;
  if (RELATIONSHIP_FIELDS.some((f) => s[f] !== undefined && !isRelationshipValue(f, s[f]))) return map;
  const position = s.position && clampPosition(s.position);
  const added = position === s.position ? s : { ...s, position };
  return { ...map, stakeholders: [...map.stakeholders, withoutEmpty(added, 'notes')] };
}

/** For each relationship field: a value sets it, an explicit `undefined` removes it, leaving the key out keeps it. */
export type RelationshipPatch = { readonly [K in keyof Relationship]?: Relationship[K] | undefined };

export interface StakeholderPatch extends RelationshipPatch {
  readonly name?: string;
  readonly label?: Label;
  readonly side?: Side;
  /** `''` or an explicit `undefined` removes the notes; leaving the key out keeps them. */
  readonly notes?: string | undefined;
}

export function updateStakeholder(map: StakeMap, id: string, patch: StakeholderPatch): StakeMap {
  return replaceStakeholder(map, id, (s) => {
    const next: Mutable<Stakeholder> = { ...s };
    if (patch.name !== undefined && isValidName(patch.name)) next.name = patch.name;
    if (patch.label !== undefined && LABELS.includes(patch.label)) next.label = patch.label;
    if (patch.side !== undefined && SIDES.includes(patch.side)) next.side = patch.side;
    if ('notes' in patch) setOptionalText(next, 'notes', patch.notes, LIMITS.notes);
    for (const field of RELATIONSHIP_FIELDS) {
      if (!(field in patch)) continue;
      const value = patch[field];
      // A value the format would refuse is ignored, as everywhere in the edits.
      if (value === undefined) delete next[field];
      else if (isRelationshipValue(field, value)) (next as Record<string, unknown>)[field] = value + 0;
    }
    return next;
  });
}

export function relabel(map: StakeMap, id: string, label: Label): StakeMap {
  return updateStakeholder(map, id, { label });
}

export interface Move {
  readonly id: string;
  readonly position: Position;
  /** Set when the move crosses the organization's boundary. */
  readonly side?: Side;
}

export function moveStakeholders(map: StakeMap, moves: ReadonlyArray<Move>): StakeMap {
  const byId = new Map<string, Move>();
  for (const m of moves) if (isValidPosition(m.position)) byId.set(m.id, m);
  if (byId.size === 0) return map;
  let changed = false;
  const stakeholders = map.stakeholders.map((s) => {
    const m = byId.get(s.id);
    if (!m) return s;
    const side = m.side !== undefined && SIDES.includes(m.side) ? m.side : s.side;
    const position = clampPosition(m.position);
    if (samePosition(s.position, position) && side === s.side) return s;
    changed = true;
    return { ...s, position: { x: position.x, y: position.y }, side };
  });
  return changed ? { ...map, stakeholders } : map;
}

export function moveOrganization(map: StakeMap, wanted: Position): StakeMap {
  if (!isValidPosition(wanted)) return map;
  const position = clampPosition(wanted);
  if (samePosition(map.organization.position, position)) return map;
  return { ...map, organization: { ...map.organization, position: { x: position.x, y: position.y } } };
}

export function renameOrganization(map: StakeMap, name: string): StakeMap {
  if (!isValidName(name) || name === map.organization.name) return map;
  return { ...map, organization: { ...map.organization, name } };
}

export function setTitle(map: StakeMap, title: string): StakeMap {
  return !isValidTitle(title) || title === map.title ? map : { ...map, title };
}

/** `undefined` removes the field (the map then uses the default, `user`); `user` is written out explicitly. */
export function setDefinition(map: StakeMap, definition: Definition | undefined): StakeMap {
  if (definition === map.definition || (definition !== undefined && !DEFINITIONS.includes(definition))) return map;
  const next: Mutable<StakeMap> = { ...map };
  if (definition === undefined) delete next.definition;
  else next.definition = definition;
  return next;
}

/** `''` or `undefined` removes the note. */
/** The map's currency (an ISO 4217 code); `undefined` or '' removes it; anything else the format refuses is ignored. */
export function setCurrency(map: StakeMap, currency: string | undefined): StakeMap {
  if (currency === undefined || currency === '') {
    if (!('currency' in map)) return map;
    const next = { ...map };
    delete next.currency;
    return next;
  }
  if (currencyProblem(currency) !== undefined || currency === map.currency) return map;
  return { ...map, currency };
}

export function setDefinitionNote(map: StakeMap, note: string | undefined): StakeMap {
  const next: Mutable<StakeMap> = { ...map };
  setOptionalText(next, 'definitionNote', note, LIMITS.definitionNote);
  return next.definitionNote === map.definitionNote ? map : next;
}

/** Adds a relation; a no-op when its id is taken or invalid, it starts where it ends, or an end is missing. */
export function connect(map: StakeMap, r: Relation): StakeMap {
  if (limitPassed(map, 0, 1)) return map;
  if (!isValidId(r.id) || r.from === r.to || !KINDS.includes(r.kind)) return map;
  if (r.note !== undefined && exceeds(r.note, LIMITS.note)) return map;
  if (!hasParty(map, r.from) || !hasParty(map, r.to) || map.relations.some((q) => q.id === r.id)) return map;
  return { ...map, relations: [...map.relations, withoutEmpty(r, 'note')] };
}

export interface RelationPatch {
  readonly kind?: Kind;
  /** `''` or an explicit `undefined` removes the note; leaving the key out keeps it. */
  readonly note?: string | undefined;
}

export function updateRelation(map: StakeMap, id: string, patch: RelationPatch): StakeMap {
  const i = map.relations.findIndex((r) => r.id === id);
  const r = map.relations[i];
  if (!r) return map;
  const next: Mutable<Relation> = { ...r };
  if (patch.kind !== undefined && KINDS.includes(patch.kind)) next.kind = patch.kind;
  if ('note' in patch) setOptionalText(next, 'note', patch.note, LIMITS.note);
  if (next.kind === r.kind && next.note === r.note && ('note' in next) === ('note' in r)) return map;
  return { ...map, relations: replaceAt(map.relations, i, next) };
}

/** Turns a relation round: what flowed from A to B now flows from B to A (kind and note kept). */
export function reverseRelation(map: StakeMap, id: string): StakeMap {
  const i = map.relations.findIndex((r) => r.id === id);
  const r = map.relations[i];
  if (!r) return map;
  const relations = map.relations.slice();
  relations[i] = { ...r, from: r.to, to: r.from };
  return { ...map, relations };
}

/** Deletes stakeholders and relations; deleting a stakeholder deletes every relation that touches it. */
export function deleteElements(
  map: StakeMap,
  which: { readonly stakeholders?: Iterable<string>; readonly relations?: Iterable<string> },
): StakeMap {
  const goneParties = new Set(which.stakeholders ?? []);
  goneParties.delete(ORG_ID); // the organization is not deletable, nor are its relations through it
  const goneRelations = new Set(which.relations ?? []);
  const stakeholders = map.stakeholders.filter((s) => !goneParties.has(s.id));
  const relations = map.relations.filter(
    (r) => !goneRelations.has(r.id) && !goneParties.has(r.from) && !goneParties.has(r.to),
  );
  if (stakeholders.length === map.stakeholders.length && relations.length === map.relations.length) return map;
  return { ...map, stakeholders, relations };
}

// ── helpers ──

function hasParty(map: StakeMap, id: string): boolean {
  return id === ORG_ID || map.stakeholders.some((s) => s.id === id);
}

function replaceStakeholder(map: StakeMap, id: string, change: (s: Stakeholder) => Stakeholder): StakeMap {
  const i = map.stakeholders.findIndex((s) => s.id === id);
  const s = map.stakeholders[i];
  if (!s) return map;
  const next = change(s);
  if (sameStakeholder(s, next)) return map;
  return { ...map, stakeholders: replaceAt(map.stakeholders, i, next) };
}

function sameStakeholder(a: Stakeholder, b: Stakeholder): boolean {
  return a.name === b.name && a.label === b.label && a.side === b.side && a.notes === b.notes
    && ('notes' in a) === ('notes' in b) && samePosition(a.position, b.position)
    && RELATIONSHIP_FIELDS.every((f) => a[f] === b[f] && (f in a) === (f in b));
}

/** Sets `key` to `value`, or removes it for '' and undefined; a value over `max` characters is ignored. */
function setOptionalText<K extends string>(target: Partial<Record<K, string>>, key: K, value: string | undefined, max: number): void {
  if (value === undefined || value === '') delete target[key];
  else if (codePointLength(value) <= max) target[key] = value;
}

/** The item without `key` when that optional text is empty (''/undefined/null), so absent stays absent. */
function withoutEmpty<T extends object>(item: T, key: keyof T & string): T {
  if (!(key in item)) return item;
  const value: unknown = item[key];
  if (value !== '' && value !== undefined && value !== null) return item;
  const copy = { ...item };
  delete copy[key];
  return copy;
}

/** `list` with item `i` replaced (Array.prototype.with, without needing ES2023 in the browser). */
function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  const copy = list.slice();
  copy[i] = item;
  return copy;
}

/** Two finite numbers (clamped into the drawable range where used). */
function isValidPosition(p: Position | undefined): p is Position {
  return p !== undefined && isFiniteNumber(p.x) && isFiniteNumber(p.y);
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);
}
