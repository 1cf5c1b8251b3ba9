// The fast path for well-formed files: one pass that checks every rule and
// builds the map at once. It is only an optimization of the zod schema plus
// format-refs.ts (which stay the statement of the rules and word the
// problems): it may give up on anything unusual, `null` included, by
// returning undefined, but it must never accept a file they refuse.
// test/domain/format.property.test.ts checks exactly that.
//
// Why it exists: zod runs each `.check()` through generic machinery; with the
// checks docs/FORMAT.md needs (code points, blank text, id pattern) it alone took
// about as long as JSON.parse on a map of 5,000 stakeholders and 20,000
// relations, leaving too little of the 3x budget. This pass takes a fraction.
import { DEFINITIONS, KINDS, LABELS, LIMITS, ORG_ID, RELATIONSHIP_FIELDS, SIDES } from './model';
import { currencyProblem, isRelationshipValue } from './relationship';
import type { Definition, Kind, Label, Position, Relation, Side, StakeMap, Stakeholder } from './model';
import { exceeds, isDrawableCoordinate, isValidId, isValidName, isValidTitle } from './field-rules';

type Obj = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);
const SIDE_SET: ReadonlySet<string> = new Set(SIDES);
const KIND_SET: ReadonlySet<string> = new Set(KINDS);
const DEFINITION_SET: ReadonlySet<string> = new Set(DEFINITIONS);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Absent (never null: the slow path handles null), or text within `max` code points. */
function isOptionalText(v: unknown, max: number): v is string | undefined {
  return v === undefined || (typeof v === 'string' && !exceeds(v, max));
}

/** The position, read as a new object with -0 as 0; undefined when it is not a valid one, or must be clamped (format.ts words that). */
function readPosition(v: unknown): Position | undefined {
  if (!isObj(v) || !isDrawableCoordinate(v.x) || !isDrawableCoordinate(v.y)) return undefined;
  return { x: v.x + 0, y: v.y + 0 };
}

// Plain property reads are safe here: no field name of the format exists on Object.prototype.
export function readWellFormed(file: Obj): StakeMap | undefined {
  const { version, definition, definitionNote, currency, organization: org, stakeholders: list, relations: rels } = file;
  if (file.format !== 'stakemap' || typeof version !== 'number' || !Number.isInteger(version) || version < 1) return undefined;
  if (!isValidTitle(file.title)) return undefined;
  if (definition !== undefined && !(typeof definition === 'string' && DEFINITION_SET.has(definition))) return undefined;
  if (!isOptionalText(definitionNote, LIMITS.definitionNote)) return undefined;
  if (currency !== undefined && currencyProblem(currency) !== undefined) return undefined;
  if (!isObj(org) || !isValidName(org.name)) return undefined;
  const orgPosition = org.position === undefined ? undefined : readPosition(org.position);
  if (org.position !== undefined && !orgPosition) return undefined;
  if (!Array.isArray(list) || list.length > LIMITS.stakeholders) return undefined;
  if (!Array.isArray(rels) || rels.length > LIMITS.relations) return undefined;

  const ids = new Set<string>();
  const stakeholders = new Array<Stakeholder>(list.length);
  for (let i = 0; i < list.length; i++) {
    const s = readStakeholder(list[i]);
    if (!s || ids.has(s.id)) return undefined;
    ids.add(s.id);
    stakeholders[i] = s;
  }
  ids.add(ORG_ID);
  const relationIds = new Set<string>();
  const relations = new Array<Relation>(rels.length);
  for (let i = 0; i < rels.length; i++) {
    const r = readRelation(rels[i], ids);
    if (!r || relationIds.has(r.id)) return undefined;
    relationIds.add(r.id);
    relations[i] = r;
  }

  const map: Mutable<StakeMap> = {
    title: file.title,
    organization: orgPosition ? { name: org.name, position: orgPosition } : { name: org.name },
    stakeholders,
    relations,
  };
  if (definition !== undefined) map.definition = definition as Definition;
  if (definitionNote !== undefined) map.definitionNote = definitionNote;
  if (currency !== undefined) map.currency = currency as string;
  return map;
}

function readStakeholder(v: unknown): Stakeholder | undefined {
  if (!isObj(v)) return undefined;
  const { id, name, label, side, notes, position } = v;
  if (!isValidId(id) || !isValidName(name)) return undefined;
  if (typeof label !== 'string' || !LABEL_SET.has(label) || typeof side !== 'string' || !SIDE_SET.has(side)) return undefined;
  if (!isOptionalText(notes, LIMITS.notes)) return undefined;
  const s: Mutable<Stakeholder> = { id, name, label: label as Label, side: side as Side };
  if (notes !== undefined) s.notes = notes;
  for (const field of RELATIONSHIP_FIELDS) {
    const value = v[field];
    if (value === undefined) continue;
    if (!isRelationshipValue(field, value)) return undefined;
    (s as Record<string, unknown>)[field] = (value as number) + 0;
  }
  if (position !== undefined) {
    const p = readPosition(position);
    if (!p) return undefined;
    s.position = p;
  }
  return s;
}

function readRelation(v: unknown, ends: ReadonlySet<string>): Relation | undefined {
  if (!isObj(v)) return undefined;
  const { id, from, to, kind, note } = v;
  if (!isValidId(id) || typeof from !== 'string' || typeof to !== 'string') return undefined;
  if (from === to || !ends.has(from) || !ends.has(to)) return undefined;
  if (typeof kind !== 'string' || !KIND_SET.has(kind) || !isOptionalText(note, LIMITS.note)) return undefined;
  const r: Mutable<Relation> = { id, from, to, kind: kind as Kind };
  if (note !== undefined) r.note = note;
  return r;
}
