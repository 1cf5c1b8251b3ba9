// Reading back a map the app stored itself (IndexedDB records and snapshots,
// the localStorage rescue copy): the one check every stored map goes through
// before the app uses it. It is a file's read without the text: the same
// upgrade and the same field rules (format.ts: upgradeFile, validateFile), with
// the format version taken from beside the map instead of from inside it.
//
// Storage is not a file, so one thing is repaired rather than refused: a
// position that is not two finite numbers (NaN survives IndexedDB) is dropped,
// and the stakeholder is placed again; nothing else is lost by that. Anything
// else is refused with problems in words, never a raw JavaScript error.
import { FORMAT_VERSION, LIMITS, type StakeMap } from './model';
import { isFiniteNumber } from './field-rules';
import { describe } from './format-problems';
import { upgradeFile, validateFile, type ParseOptions, type Problem, type RawFile } from './format';
import { MIGRATIONS } from './migrations';

export type StoredMapResult =
  | { readonly ok: true; readonly map: StakeMap; readonly repaired: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The format version of a map stored without one: the app kept no version
 * beside its maps until format version 1 was the only one there had ever been.
 */
export const UNRECORDED_FORMAT_VERSION = 1;

const CURRENT: ParseOptions = { migrations: MIGRATIONS, currentVersion: FORMAT_VERSION };

/**
 * Checks a stored map: migrated from `storedFormatVersion` (absent: version 1)
 * and validated exactly as parseMap validates a file. The map it gives is a
 * new object with only the format's fields, whatever `raw` held (cycles included).
 * Never throws.
 */
export function readStoredMap(raw: unknown, storedFormatVersion?: unknown): StoredMapResult {
  return readStoredMapWith(raw, storedFormatVersion, CURRENT);
}

/** readStoredMap with another migration table and current version: for testing migrations. */
export function readStoredMapWith(raw: unknown, storedFormatVersion: unknown, options: ParseOptions): StoredMapResult {
  try {
    return read(raw, storedFormatVersion ?? UNRECORDED_FORMAT_VERSION, options);
  } catch {
    // Nothing above is known to throw; this keeps the promise if something does.
    return refuse(['The stored map is malformed in a way this app cannot read.']);
  }
}

function read(raw: unknown, version: unknown, options: ParseOptions): StoredMapResult {
  if (raw === undefined || raw === null) return refuse(['The stored map is missing: there is nothing to open.']);
  if (!isObject(raw)) return refuse([`The stored map is ${describe(raw)}, not a map.`]);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse([`The map’s stored format version is ${describe(version)}, not a whole number of at least 1, so there is no telling how to read it.`]);
  }
  if (version > options.currentVersion) {
    return refuse([
      `The map was saved by a newer Stakemap (format version ${version}; this one reads up to version ${options.currentVersion}). Open it in a newer Stakemap.`,
    ]);
  }
  // A stored map is a file's content without its header: put the header back, from beside the map.
  const upgraded = upgradeFile({ ...raw, format: 'stakemap', version }, options);
  if (!upgraded.ok) return refuse(messages(upgraded.problems));
  const checked = validateFile(upgraded.file);
  if (checked.ok) return { ok: true, map: checked.map, repaired: (checked.repairs ?? []).map((p) => p.message) };
  // Repairs are tried only once the rules refused: a sound map costs what a file costs.
  const { file, repaired } = dropBadPositions(upgraded.file);
  const again = repaired.length > 0 ? validateFile(file) : checked;
  return again.ok ? { ok: true, map: again.map, repaired: [...repaired, ...(again.repairs ?? []).map((p) => p.message)] } : refuse(messages(again.problems));
}

function refuse(problems: string[]): StoredMapResult {
  return { ok: false, problems };
}

function messages(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.message);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Present, and not two finite numbers. (Absent or null is no position, which is fine.) */
function isBadPosition(p: unknown): boolean {
  return p !== undefined && p !== null && !(isObject(p) && isFiniteNumber(p.x) && isFiniteNumber(p.y));
}

function positionText(p: unknown): string {
  return isObject(p) ? `{ x: ${describe(p.x)}, y: ${describe(p.y)} }` : describe(p);
}

function withoutPosition(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  delete copy.position;
  return copy;
}

/** The file with every bad position dropped (new objects; `file` is not touched), and what was dropped, in words. */
function dropBadPositions(file: RawFile): { file: RawFile; repaired: string[] } {
  const repaired: string[] = [];
  let out = file;
  const org = file.organization;
  if (isObject(org) && isBadPosition(org.position)) {
    out = { ...out, organization: withoutPosition(org) };
    repaired.push(`The organization’s position was ${positionText(org.position)}, not two numbers: it was dropped, so the organization is placed again.`);
  }
  const list = file.stakeholders;
  if (Array.isArray(list)) {
    let copy: unknown[] | null = null;
    let dropped = 0;
    for (let i = 0; i < list.length; i++) {
      const s: unknown = list[i];
      if (!isObject(s) || !isBadPosition(s.position)) continue;
      copy ??= list.slice();
      copy[i] = withoutPosition(s);
      if (++dropped <= LIMITS.problems) {
        repaired.push(`stakeholders[${i}] (${describe(s.name)}): its position was ${positionText(s.position)}, not two numbers: it was dropped, so the stakeholder is placed again.`);
      }
    }
    if (dropped > LIMITS.problems) repaired.push(`…and ${dropped - LIMITS.problems} more stakeholders whose position was dropped the same way.`);
    if (copy) out = { ...out, stakeholders: copy };
  }
  return { file: out, repaired };
}
