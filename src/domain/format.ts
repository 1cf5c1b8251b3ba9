// Reading and writing the file format of docs/FORMAT.md.
//
// Reading is all or nothing, in this order: the size (counted before any
// parsing), JSON, an object, a version newer than ours (refused alone),
// migration of older versions (migrations.ts), then every field rule. The
// last two steps (upgradeFile, validateFile) are also all that maps read back
// from storage go through (stored.ts): one set of rules for every read.
//
// The field rules are stated once as a zod schema (format-schema.ts) plus the
// rules that span fields (format-refs.ts); their problems are merged and put
// in file order (format-problems.ts). Well-formed files take a hand-written
// fast path (format-fast.ts) that checks the same rules while building the
// map, because zod with these checks ate most of the speed budget (parseMap
// within 3x of JSON.parse at 5,000 stakeholders and 20,000 relations); when
// the fast path declines, zod decides and explains.
//
// One thing is repaired rather than refused: a position beyond the part of
// the plane the canvas can draw (field-rules.ts: isDrawableCoordinate) is
// left out, so the app places that card again beside the others, and the
// repair is named in `repairs` for the user to see. Left out, not clamped to
// the edge: a card at the edge, a million units from the rest, makes the
// opening view fit both at a thousandth of their size, where nothing can be
// seen or clicked (tried: the canvas looked as blank as with 1.7e308).
// Every other card keeps its place (export/import.ts places only the cards
// left without one). Edits clamp instead (edits.ts): a drag has a direction.
import { FORMAT_VERSION, LIMITS, RELATIONSHIP_FIELDS } from './model';
import type { Organization, Position, Relation, StakeMap, Stakeholder } from './model';
import { isDrawableCoordinate, utf8LongerThan } from './field-rules';
import { describe, inFileOrder, toProblem, type Problem } from './format-problems';
import { referenceProblems } from './format-refs';
import { fileSchema, type FileData } from './format-schema';
import { readWellFormed } from './format-fast';
import { readWorkshop } from './format-workshop';
import { migrate, MIGRATIONS, type Migration, type RawFile } from './migrations';

export type { RawFile } from './migrations';

export type { Problem } from './format-problems';
/**
 * `repairs`: what was changed to make the map drawable (positions left out), worded like problems.
 * Present only when something was repaired, which is rare: a sound file reads as `{ ok: true, map }`.
 */
export type ParseResult = { ok: true; map: StakeMap; repairs?: readonly Problem[] } | { ok: false; problems: Problem[] };

/** The version this app reads and writes. */
export const CURRENT_VERSION = FORMAT_VERSION;

const BOM = 0xfeff;

export interface ParseOptions {
  readonly migrations: readonly Migration[];
  readonly currentVersion: number;
}

const CURRENT: ParseOptions = { migrations: MIGRATIONS, currentVersion: CURRENT_VERSION };

/** Reads a file's text. Never throws: every failure is a refusal with problems. */
export function parseMap(text: string): ParseResult {
  return parseMapWith(text, CURRENT);
}

/** parseMap with another migration table and current version: for testing migrations. */
export function parseMapWith(text: string, options: ParseOptions): ParseResult {
  try {
    return read(text, options);
  } catch (error) {
    // Nothing above is known to throw; this keeps the promise if something does.
    return refuse(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function read(text: unknown, options: ParseOptions): ParseResult {
  if (typeof text !== 'string') return refuse(`The file is not text (found ${describe(text)})`);
  if (utf8LongerThan(text, LIMITS.fileBytes))
    return refuse(`The file is larger than ${LIMITS.fileBytes.toLocaleString('en-US')} bytes, the most a map may be`);
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  if (body.charCodeAt(0) === BOM) {
    return refuse('The file starts with two byte-order marks (U+FEFF); a map file may start with one at most. Save it again as UTF-8 with a single mark, or none');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return refuse(`The file is not JSON (${error instanceof Error ? error.message : 'it cannot be parsed'})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return refuse(`The file is not a Stakemap map: expected a JSON object, found ${describe(raw)}`);
  const upgraded = upgradeFile(raw as RawFile, options);
  return upgraded.ok ? validateFile(upgraded.file) : upgraded;
}

export type UpgradeResult = { ok: true; file: RawFile } | { ok: false; problems: Problem[] };

/**
 * The first half of every map read (files here, stored maps in stored.ts): a
 * version newer than ours is refused alone, an older one is migrated step by
 * step. Anything else (no version, a bad one) is left for the field rules to word.
 */
export function upgradeFile(file: RawFile, { migrations, currentVersion }: ParseOptions = CURRENT): UpgradeResult {
  const version = Object.hasOwn(file, 'version') ? file.version : undefined;
  if (typeof version === 'number' && Number.isInteger(version)) {
    if (version > currentVersion) {
      const detail = `this file is version ${version}, newer than version ${currentVersion}, the newest this app reads; open it in a newer Stakemap`;
      return { ok: false, problems: [toProblem({ path: ['version'], detail })] };
    }
    if (version >= 1 && version < currentVersion) {
      const migrated = migrate(file, version, migrations, currentVersion);
      if (!migrated.ok) return refuse(migrated.message);
      return { ok: true, file: migrated.file };
    }
  }
  return { ok: true, file };
}

/** The second half of every map read: every field rule of the current version, on an upgraded file. */
export function validateFile(file: RawFile): ParseResult {
  const result = tryFastPath(file) ?? validateWithSchema(file);
  if (!result.ok || (file.votes == null && file.breakouts == null)) return result;
  const workshop = readWorkshop(file, result.map, validateFile);
  if (!workshop.ok) return { ok: false, problems: inFileOrder(file, workshop.problems) };
  const repairs = [...(result.repairs ?? []), ...workshop.repairs];
  return repairs.length > 0 ? { ok: true, map: workshop.map, repairs } : { ok: true, map: workshop.map };
}

function tryFastPath(file: RawFile): ParseResult | undefined {
  const map = readWellFormed(file);
  return map && { ok: true, map };
}

/** The rules as stated (zod schema + format-refs), without the fast path; exported for tests. */
export function validateWithSchema(file: RawFile): ParseResult {
  const parsed = fileSchema.safeParse(file);
  const problems = referenceProblems(file);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ path: issue.path as (string | number)[], detail: issue.message });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: inFileOrder(file, problems) };
  const repairs = new Repairs();
  const map = toStakeMap(parsed.data, repairs);
  const repaired = repairs.list();
  return repaired.length > 0 ? { ok: true, map, repairs: repaired } : { ok: true, map };
}

function refuse(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: '', message }] };
}

// From the validated file to the model: known fields only, `null` dropped as
// absent, -0 read as 0 so that a map equals itself after a round trip.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function toStakeMap(d: FileData, repairs: Repairs): StakeMap {
  const organization: Mutable<Organization> = { name: d.organization.name };
  if (d.organization.position != null) {
    const position = repairs.position(d.organization.position, 'organization.position', d.organization.name, 'it sits at x 0, y 0');
    if (position) organization.position = position;
  }
  const map: Mutable<StakeMap> = {
    title: d.title,
    organization,
    stakeholders: d.stakeholders.map((s, i) => toStakeholder(s, i, repairs)),
    relations: d.relations.map(toRelation),
  };
  if (d.definition != null) map.definition = d.definition;
  if (d.definitionNote != null) map.definitionNote = d.definitionNote;
  if (d.currency != null) map.currency = d.currency;
  return map;
}

function toStakeholder(s: FileData['stakeholders'][number], i: number, repairs: Repairs): Stakeholder {
  const out: Mutable<Stakeholder> = { id: s.id, name: s.name, label: s.label, side: s.side };
  if (s.notes != null) out.notes = s.notes;
  for (const field of RELATIONSHIP_FIELDS) if (s[field] != null) (out as Record<string, unknown>)[field] = s[field] + 0;
  if (s.position != null) {
    const position = repairs.position(s.position, `stakeholders[${i}].position`, s.name, 'it is placed again, beside the others');
    if (position) out.position = position;
  }
  return out;
}

function toRelation(r: FileData['relations'][number]): Relation {
  const out: Mutable<Relation> = { id: r.id, from: r.from, to: r.to, kind: r.kind };
  if (r.note != null) out.note = r.note;
  return out;
}

/** Positions read with -0 as 0; one beyond the drawable range is left out and worded (the first 50, then a count). */
class Repairs {
  private readonly found: Problem[] = [];
  private more = 0;

  position(p: Position, path: string, name: string, then: string): Position | undefined {
    if (isDrawableCoordinate(p.x) && isDrawableCoordinate(p.y)) return { x: p.x + 0, y: p.y + 0 };
    if (this.found.length >= LIMITS.problems) this.more++;
    else this.found.push({ path, message: `${path}: ${describe(name)} was at ${coordinates(p)}, beyond the edge of the canvas (coordinates run from ${RANGE}); the position was left out, so ${then}` });
    return undefined;
  }

  list(): Problem[] {
    if (this.more === 0) return this.found;
    return [...this.found, { path: '', message: `…and ${this.more.toLocaleString('en-US')} more positions beyond the edge of the canvas, left out the same way` }];
  }
}

const RANGE = `${(-LIMITS.coordinate).toLocaleString('en-US')} to ${LIMITS.coordinate.toLocaleString('en-US')}`;
/** 1,000,000 or 1.70e+308: digits while they stay readable. */
const number = (n: number) => (Math.abs(n) < 1e9 ? n.toLocaleString('en-US', { maximumFractionDigits: 2 }) : n.toExponential(2));
const coordinates = (p: Position) => `x ${number(p.x)}, y ${number(p.y)}`;

// Writing lives apart from reading: it needs none of the zod schema, and the
// app's first bundle writes maps (download) without reading files.
export { serializeMap } from './format-write';
