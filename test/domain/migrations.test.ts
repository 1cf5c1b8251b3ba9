import { describe, expect, it } from 'vitest';
import { parseMapWith } from '../../src/domain/format';
import { migrate, migrationTableProblems, MIGRATIONS, type Migration, type RawFile } from '../../src/domain/migrations';
import { FORMAT_VERSION } from '../../src/domain/model';
import { validFile } from './helpers';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// Fake history: version 1 called the organization `company`; version 2 named it `organization`;
// version 3 added `definition`, which version 2 files did not have.
const renameCompany: Migration = {
  from: 1,
  description: 'company → organization',
  up: ({ company, ...rest }) => ({ ...rest, organization: company }),
};
const addDefinition: Migration = {
  from: 2,
  description: 'definition defaults to user, written out',
  up: (file) => ({ ...file, definition: 'user' }),
};
const fakeTable = [addDefinition, renameCompany]; // order in the table does not matter

/** A file of the fake version 1: `company` instead of `organization`, no `definition`. */
function oldFile(): RawFile {
  const file = validFile();
  const company = file.organization;
  delete file.organization;
  delete file.definition;
  return { ...file, version: 1, company };
}

describe('the real migration table', () => {
  it('has exactly one step for every version below the current one', () => {
    expect(migrationTableProblems(MIGRATIONS, FORMAT_VERSION)).toEqual([]);
  });

  it('leaves a current file untouched', () => {
    const file = deepFreeze(validFile());
    const result = migrate(file, FORMAT_VERSION);
    expect(result).toEqual({ ok: true, file });
    expect(result.ok && result.file).toBe(file);
  });
});

describe('migrate, with a fake table', () => {
  it('step 1 → 2 renames the field and sets the version', () => {
    const result = migrate(deepFreeze(oldFile()), 1, fakeTable, 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.version).toBe(2);
    expect(result.file.organization).toEqual(validFile().organization);
    expect('company' in result.file).toBe(false);
  });

  it('step 2 → 3 adds the definition', () => {
    const result = migrate(deepFreeze({ ...validFile(), version: 2, definition: undefined }), 2, fakeTable, 3);
    expect(result.ok && result.file).toMatchObject({ version: 3, definition: 'user' });
  });

  it('applies the steps in order from the file version to the target', () => {
    const seen: number[] = [];
    const spy = (m: Migration): Migration => ({ ...m, up: (f) => (seen.push(m.from), m.up(f)) });
    const result = migrate(deepFreeze(oldFile()), 1, fakeTable.map(spy), 3);
    expect(seen).toEqual([1, 2]);
    expect(result.ok && result.file).toMatchObject({ version: 3, definition: 'user', organization: { name: 'Us Inc' } });
  });

  it('never mutates its input (a frozen file would throw if it tried)', () => {
    const input = oldFile();
    const before = structuredClone(input);
    migrate(deepFreeze(input), 1, fakeTable, 3);
    expect(input).toEqual(before);
  });

  it('refuses a gap in the table instead of guessing', () => {
    const result = migrate(oldFile(), 1, [addDefinition], 3);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('version 1') as string });
    expect(migrationTableProblems([addDefinition], 3)).toEqual(['version 1 has 0 migration steps, expected 1']);
  });

  it('turns a step that throws into a refusal', () => {
    const broken: Migration = { from: 1, description: 'throws', up: () => { throw new Error('boom'); } };
    expect(migrate(oldFile(), 1, [broken], 2)).toEqual({ ok: false, message: expect.stringContaining('boom') as string });
  });

  it('finds steps outside the versions and duplicate steps', () => {
    expect(migrationTableProblems([renameCompany, renameCompany], 2)).toEqual(['version 1 has 2 migration steps, expected 1']);
    expect(migrationTableProblems([{ ...renameCompany, from: 5 }], 2)).toHaveLength(2);
  });
});

describe('parseMap migrates older files before validating them', () => {
  const options = { migrations: fakeTable, currentVersion: 3 };

  it('opens a version 1 file of the fake history as a current map', () => {
    const result = parseMapWith(JSON.stringify(oldFile()), options);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.map.organization.name).toBe('Us Inc');
      expect(result.map.definition).toBe('user');
    }
  });

  it('refuses a version newer than the current one, naming both', () => {
    const result = parseMapWith(JSON.stringify({ ...validFile(), version: 4 }), options);
    expect(result).toEqual({ ok: false, problems: [{ path: 'version', message: expect.stringMatching(/version 4.*version 3/) as string }] });
  });

  it('reports a failing step at "" without throwing', () => {
    const broken: Migration = { from: 1, description: 'throws', up: () => { throw new TypeError('bad old file'); } };
    const result = parseMapWith(JSON.stringify(oldFile()), { migrations: [broken], currentVersion: 2 });
    expect(result).toEqual({ ok: false, problems: [{ path: '', message: expect.stringContaining('bad old file') as string }] });
  });

  it('validates the migrated file with the current rules', () => {
    const file = { ...oldFile(), company: { name: '' } };
    const result = parseMapWith(JSON.stringify(file), options);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['organization.name']);
  });
});
