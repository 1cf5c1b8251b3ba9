// Nothing read back from storage is trusted: every map record and snapshot
// goes through the domain's one check (domain/stored.ts, readStoredMap) with
// the format version stored beside it, and the fields around the map (dates,
// revision, the title and count kept for the library) are checked here.
// A record that fails is a CorruptRecordError with its problems and what was
// read, and stays in storage untouched; one with a safe repair (a revision
// that is not a number, say) is given repaired, with the repairs in words.
import { FORMAT_VERSION, LIMITS } from '../domain/model';
import { describe } from '../domain/format-problems';
import type { StoredMapResult } from '../domain/stored';
import { isRev, revOf, type MapRecord, type SnapshotRecord } from './db';
import { CorruptRecordError } from './errors';
import type { MapSummary, SnapshotSummary } from './repository';

/** The domain's check (readStoredMap), passed in: it is loaded on first use, see loadStoredMapCheck. */
export type ReadStoredMap = (raw: unknown, storedFormatVersion?: unknown) => StoredMapResult;

let loading: Promise<ReadStoredMap> | null = null;

/**
 * The check, loaded once on first use. It carries the zod schema, which the
 * start bundle leaves out (a map file is only read on import); every read of
 * a map is async anyway. Load it before a transaction: awaiting anything but
 * IndexedDB inside one lets it commit early.
 */
export function loadStoredMapCheck(): Promise<ReadStoredMap> {
  loading ??= import('../domain/stored').then(
    (m) => m.readStoredMap,
    (err: unknown) => {
      loading = null; // a failed chunk load is tried again on the next read
      throw err;
    },
  );
  return loading;
}

export type Checked<T> = { ok: true; value: T; repaired: readonly string[] } | { ok: false; error: CorruptRecordError };

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function time(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.slice(0, LIMITS.title) : undefined;
}

function idOf(raw: unknown, key: 'id' | 'mapId' = 'id'): string {
  return isObject(raw) ? String(raw[key]) : '';
}

/** createdAt and updatedAt: a time that is not one takes the other, or 0 (the oldest). */
function times(raw: Raw, repaired: string[]): { createdAt: number; updatedAt: number } {
  const created = time(raw.createdAt);
  const updated = time(raw.updatedAt);
  if (created === undefined) repaired.push(`Its creation time was ${describe(raw.createdAt)}, not a time: it counts as ${updated === undefined ? 'unknown' : 'its last change'}.`);
  if (updated === undefined) repaired.push(`Its time of last change was ${describe(raw.updatedAt)}, not a time: it counts as ${created === undefined ? 'unknown' : 'its creation'}.`);
  return { createdAt: created ?? updated ?? 0, updatedAt: updated ?? created ?? 0 };
}

/** A map record read back: its map checked and brought to the current format, the fields around it checked. */
export function checkMapRecord(read: ReadStoredMap, raw: unknown): Checked<MapRecord> {
  if (!isObject(raw)) return { ok: false, error: new CorruptRecordError('map', '', [`The stored record is ${describe(raw)}, not a saved map.`], raw) };
  const result = read(raw.map, raw.formatVersion);
  if (!result.ok) return { ok: false, error: new CorruptRecordError('map', idOf(raw), result.problems, raw) };
  const { map } = result;
  const repaired = [...result.repaired];
  if (raw.rev !== undefined && !isRev(raw.rev)) repaired.push(`Its revision was ${describe(raw.rev)}, not a whole number of at least 1: it counts as revision 1.`);
  const { createdAt, updatedAt } = times(raw, repaired);
  // Copies of the map's own fields, for the library list: the map decides.
  if (raw.title !== map.title) repaired.push(`The title kept for the list of maps (${describe(raw.title)}) was not the map’s own: the map’s is used.`);
  if (raw.stakeholderCount !== map.stakeholders.length) {
    repaired.push(`The stakeholder count kept for the list of maps (${describe(raw.stakeholderCount)}) was not the map’s: the map’s is used.`);
  }
  const record: MapRecord = {
    id: idOf(raw),
    title: map.title,
    createdAt,
    updatedAt,
    map,
    stakeholderCount: map.stakeholders.length,
    rev: revOf(raw),
    formatVersion: FORMAT_VERSION, // the map in hand has been brought up to it
  };
  if (repaired.length > 0) record.repaired = repaired;
  return { ok: true, value: record, repaired };
}

export function mapRecordOrThrow(read: ReadStoredMap, raw: unknown): MapRecord {
  const checked = checkMapRecord(read, raw);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

/**
 * The library's line for a record. A damaged one stays listed, marked with its
 * problems (it can still be deleted, or downloaded from the recovery view),
 * with only fields that are safe to show.
 */
export function mapSummaryOf(read: ReadStoredMap, raw: unknown): MapSummary {
  const checked = checkMapRecord(read, raw);
  if (checked.ok) return summaryOf(checked.value);
  const r: Raw = isObject(raw) ? raw : {};
  const { createdAt, updatedAt } = times(r, []);
  const count = r.stakeholderCount;
  return {
    id: idOf(raw),
    title: titleToShow(raw),
    createdAt,
    updatedAt,
    stakeholderCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0,
    rev: revOf(r),
    problems: checked.error.problems,
  };
}

/** A title to show for a record as stored, damaged or not. */
export function titleToShow(raw: unknown): string {
  const r: Raw = isObject(raw) ? raw : {};
  return text(r.title) ?? (isObject(r.map) ? text(r.map.title) : undefined) ?? 'Damaged map';
}

/** A snapshot's fields besides its map; listing snapshots reads only these (checking every map there would cost seconds on big maps). */
function snapshotFields(raw: Raw, repaired: string[]): Omit<SnapshotRecord, 'map'> {
  const createdAt = time(raw.createdAt);
  if (createdAt === undefined) repaired.push(`Its time was ${describe(raw.createdAt)}, not a time: it counts as unknown.`);
  const reason = typeof raw.reason === 'string' ? raw.reason : undefined;
  if (reason === undefined) repaired.push(`Its reason was ${describe(raw.reason)}, not text.`);
  const size = typeof raw.size === 'number' && Number.isFinite(raw.size) && raw.size >= 0 ? raw.size : 0;
  if (size !== raw.size) repaired.push(`Its size was ${describe(raw.size)}, not a number of bytes.`);
  return { id: Number(raw.id), mapId: idOf(raw, 'mapId'), createdAt: createdAt ?? 0, reason: reason ?? 'Snapshot', size };
}

export function snapshotSummaryOf(raw: unknown): SnapshotSummary {
  return snapshotFields(isObject(raw) ? raw : {}, []);
}

export function checkSnapshotRecord(read: ReadStoredMap, raw: unknown): Checked<SnapshotRecord> {
  if (!isObject(raw)) return { ok: false, error: new CorruptRecordError('snapshot', '', [`The stored snapshot is ${describe(raw)}, not a snapshot.`], raw) };
  const result = read(raw.map, raw.formatVersion);
  if (!result.ok) return { ok: false, error: new CorruptRecordError('snapshot', idOf(raw), result.problems, raw) };
  const repaired = [...result.repaired];
  const snapshot: SnapshotRecord = { ...snapshotFields(raw, repaired), map: result.map, formatVersion: FORMAT_VERSION };
  if (repaired.length > 0) snapshot.repaired = repaired;
  return { ok: true, value: snapshot, repaired };
}

export function snapshotOrThrow(read: ReadStoredMap, raw: unknown): SnapshotRecord {
  const checked = checkSnapshotRecord(read, raw);
  if (!checked.ok) throw checked.error;
  return checked.value;
}

export function summaryOf<T extends { map: unknown }>(record: T): Omit<T, 'map'> {
  const summary: Partial<T> = { ...record };
  delete summary.map;
  return summary as Omit<T, 'map'>;
}

const MAX_DEPTH = 200;

/**
 * Anything read from storage as JSON text, for a download of what is there
 * when it is not a map: cycles, NaN and the like are written out, not thrown on.
 */
export function rawText(value: unknown): string {
  try {
    return `${JSON.stringify(plain(value, []), null, 2) ?? 'null'}\n`;
  } catch {
    return `${String(value)}\n`;
  }
}

/**
 * `value` made plain enough for JSON, with what could not be written as it is,
 * in words (a part that refers back to itself, say). Throws only if reading
 * the value itself throws.
 */
export function plainWithGaps(value: unknown): { value: unknown; gaps: string[] } {
  const gaps = new Set<string>();
  return { value: plain(value, [], gaps), gaps: [...gaps] };
}

function plain(v: unknown, ancestors: object[], gaps?: Set<string>): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'function' || typeof v === 'symbol') {
    gaps?.add(`a ${typeof v} (written as "[${typeof v}]")`);
    return `[${typeof v}]`;
  }
  if (typeof v !== 'object' || v === null) return v;
  if (ancestors.includes(v)) {
    gaps?.add('a part that refers back to itself (written as "[circular]")');
    return '[circular]';
  }
  if (ancestors.length >= MAX_DEPTH) {
    gaps?.add(`parts nested more than ${MAX_DEPTH} deep (written as "[too deep]")`);
    return '[too deep]';
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  const inner = [...ancestors, v];
  if (Array.isArray(v)) return v.map((x) => plain(x, inner, gaps));
  if (v instanceof Map || v instanceof Set) return Array.from(v, (x) => plain(x, inner, gaps));
  // fromEntries defines own properties, so a key named __proto__ stays data.
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, inner, gaps)]));
}
