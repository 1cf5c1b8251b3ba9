// Numbered migrations of the file format. A file of an older version is
// brought up to the current one step by step, on its raw JSON, before it is
// validated: the schema only ever knows the current version.
//
// To change the format: raise FORMAT_VERSION in model.ts, add one step here
// whose `from` is the old version, keep a file of the old version in
// test/fixtures/versions/, and test the step in test/domain/migrations.test.ts.
import { FORMAT_VERSION } from './model';

/** A file's top-level JSON object, as read; a step must never modify it. */
export type RawFile = Readonly<Record<string, unknown>>;

export interface Migration {
  /** The version this step reads; it produces version `from + 1`. */
  readonly from: number;
  readonly description: string;
  /** Returns a new object (sharing unchanged parts is fine); `version` is set by `migrate`. */
  readonly up: (file: RawFile) => RawFile;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'Version 2 adds the optional `votes` and `breakouts`; a version 1 map has none, so it reads as it is',
    up: (file) => ({ ...file }),
  },
  {
    from: 2,
    description:
      'Version 3 adds the optional relationship fields of a stakeholder (depth, value, lifetime value and its inputs, power, interest) and the map\u2019s `currency`. A version 2 map has none; a key of those names that a version 2 file carried meant nothing then, so it is left out rather than read',
    up: withoutVersion3Fields,
  },
];

const VERSION_3_FIELDS = ['depth', 'value', 'lifetimeValue', 'valuePerPurchase', 'purchasesPerYear', 'years', 'power', 'interest'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A map (or a breakout team's map) without the keys version 3 gave a meaning to. */
function withoutVersion3Fields(file: RawFile): RawFile {
  const out: Record<string, unknown> = { ...file };
  delete out.currency;
  if (Array.isArray(file.stakeholders)) {
    out.stakeholders = file.stakeholders.map((s: unknown) => {
      if (!isRecord(s) || !VERSION_3_FIELDS.some((f) => Object.hasOwn(s, f))) return s;
      const copy = { ...s };
      for (const f of VERSION_3_FIELDS) delete copy[f];
      return copy;
    });
  }
  const breakouts = file.breakouts;
  if (isRecord(breakouts) && Array.isArray(breakouts.teams)) {
    out.breakouts = {
      ...breakouts,
      teams: breakouts.teams.map((t: unknown) => (isRecord(t) && isRecord(t.map) ? { ...t, map: withoutVersion3Fields(t.map) } : t)),
    };
  }
  return out;
}

export type MigrationResult = { ok: true; file: RawFile } | { ok: false; message: string };

/**
 * Applies the steps from `fromVersion` up to `target`, in order. Never throws
 * and never mutates `file`: a step that fails (old files can be malformed in
 * ways the step did not foresee) gives `ok: false`.
 */
export function migrate(
  file: RawFile,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrationResult {
  let current = file;
  for (let v = fromVersion; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, message: `This app cannot convert a version ${v} file (no migration from version ${v})` };
    try {
      current = { ...step.up(current), version: v + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `The file could not be converted from version ${v} to ${v + 1}: ${reason}` };
    }
  }
  return { ok: true, file: current };
}

/** Problems with a migration table: each version below `target` needs exactly one step. */
export function migrationTableProblems(migrations: readonly Migration[], target: number = FORMAT_VERSION): string[] {
  const problems: string[] = [];
  for (let v = 1; v < target; v++) {
    const count = migrations.filter((m) => m.from === v).length;
    if (count !== 1) problems.push(`version ${v} has ${count} migration steps, expected 1`);
  }
  for (const m of migrations) {
    if (!Number.isInteger(m.from) || m.from < 1 || m.from >= target) problems.push(`a step from version ${m.from} is outside 1 to ${target - 1}`);
  }
  return problems;
}
