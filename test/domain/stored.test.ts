// readStoredMap: the one check every map read back from storage goes through.
// It reads exactly as parseMap reads a file (same migrations, same rules, same
// problems), drops positions that are not numbers, and refuses anything else
// with problems in words, never by throwing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/domain/format';
import type { Migration } from '../../src/domain/migrations';
import { FORMAT_VERSION, LIMITS } from '../../src/domain/model';
import { readStoredMap, readStoredMapWith, type StoredMapResult } from '../../src/domain/stored';
import { listAt, mustParse, parseObject, REPO_ROOT, scenarioFiles, setAt, validFile, valueAt, type FileObject } from './helpers';

const VERSIONS_DIR = join(REPO_ROOT, 'test/fixtures/versions');

/** A file's content as the app stores it: the file without its header. */
function stored(file: FileObject): FileObject {
  const map = { ...file };
  delete map.format;
  delete map.version;
  return map;
}

function problemsOf(result: StoredMapResult): readonly string[] {
  if (result.ok) throw new Error(`expected a refusal, got a map`);
  return result.problems;
}

/** Problems are sentences for people: never a JavaScript error's wording. */
function expectHumanProblems(result: StoredMapResult): void {
  const problems = problemsOf(result);
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p).toBe('string');
    expect(p).not.toMatch(/TypeError|RangeError|undefined is not|Cannot read|is not a function|\[object Object\]/);
  }
}

describe('every earlier format version keeps reading', () => {
  const fixtures = readdirSync(VERSIONS_DIR).filter((f) => /^v\d+\.stakemap\.json$/.test(f));

  it('has a fixture for every version up to the current one', () => {
    for (let v = 1; v <= FORMAT_VERSION; v++) expect(fixtures, `v${v}.stakemap.json`).toContain(`v${v}.stakemap.json`);
  });

  it.each(fixtures)('%s, stored with its version beside it, reads as the file does', (name) => {
    const text = readFileSync(join(VERSIONS_DIR, name), 'utf8');
    const file = JSON.parse(text) as FileObject;
    const result = readStoredMap(stored(file), file.version);
    expect(result).toEqual({ ok: true, map: mustParse(text), repaired: [] });
  });

  it('reads a map stored with no version (records of older builds) as version 1', () => {
    const text = readFileSync(join(VERSIONS_DIR, 'v1.stakemap.json'), 'utf8');
    const file = JSON.parse(text) as FileObject;
    expect(readStoredMap(stored(file))).toEqual({ ok: true, map: mustParse(text), repaired: [] });
    expect(readStoredMap(stored(file), null)).toEqual({ ok: true, map: mustParse(text), repaired: [] });
  });

  it.each(scenarioFiles())('$name reads back as the map it was', ({ text }) => {
    const map = mustParse(text);
    expect(readStoredMap(map, FORMAT_VERSION)).toEqual({ ok: true, map, repaired: [] });
  });
});

describe('migrations run on stored maps as on files', () => {
  // A fake history: version 1 called the organization `company`.
  const renameCompany: Migration = { from: 1, description: 'company → organization', up: ({ company, ...rest }) => ({ ...rest, organization: company }) };
  const options = { migrations: [renameCompany], currentVersion: 2 };
  const oldMap = () => {
    const { organization, ...rest } = stored(validFile());
    return { ...rest, company: organization };
  };

  it('brings a version 1 map up to version 2 before checking it', () => {
    const result = readStoredMapWith(oldMap(), 1, options);
    expect(result.ok && result.map.organization).toEqual({ name: 'Us Inc', position: { x: 0, y: 0 } });
  });

  it('checks the migrated map with the current rules', () => {
    const result = readStoredMapWith({ ...oldMap(), company: { name: '' } }, 1, options);
    expect(problemsOf(result)).toEqual([expect.stringMatching(/^organization\.name: is empty/)]);
  });

  it('refuses a map whose version has no migration, and one from a newer Stakemap', () => {
    expect(problemsOf(readStoredMapWith(oldMap(), 1, { migrations: [], currentVersion: 2 }))).toEqual([expect.stringContaining('version 1')]);
    expect(problemsOf(readStoredMap(stored(validFile()), FORMAT_VERSION + 1))).toEqual([
      `The map was saved by a newer Stakemap (format version ${FORMAT_VERSION + 1}; this one reads up to version ${FORMAT_VERSION}). Open it in a newer Stakemap.`,
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN, '1', {}])('refuses a stored format version of %s', (version) => {
    const problems = problemsOf(readStoredMap(stored(validFile()), version));
    expect(problems).toEqual([expect.stringMatching(/stored format version is .*, not a whole number of at least 1/)]);
  });
});

describe('refusals, worded as parseMap words them', () => {
  it.each([
    ['null', null, /missing/],
    ['undefined', undefined, /missing/],
    ['a string', 'a map, honest', /The stored map is "a map, honest", not a map/],
    ['a number', 42, /The stored map is 42, not a map/],
    ['a list', [1, 2], /The stored map is a list, not a map/],
  ])('%s', (_, raw, message) => {
    const result = readStoredMap(raw, 1);
    expectHumanProblems(result);
    expect(problemsOf(result)).toEqual([expect.stringMatching(message)]);
  });

  it('missing arrays', () => {
    const map = stored(validFile());
    delete map.stakeholders;
    delete map.relations;
    const result = readStoredMap(map, 1);
    expectHumanProblems(result);
    expect(problemsOf(result)).toEqual(['stakeholders: missing (expected a list of stakeholders)', 'relations: missing (expected a list of relations)']);
  });

  it('an unknown label', () => {
    const map = stored(validFile());
    setAt(map, 'stakeholders[1].label', 'vip');
    expect(problemsOf(readStoredMap(map, 1))).toEqual([expect.stringMatching(/^stakeholders\[1\]\.label: "vip" is not one of customer, /)]);
  });

  it('gives the very problems parseMap gives for the same content', () => {
    const broken: FileObject[] = [
      { ...validFile(), title: '   ' },
      { ...validFile(), stakeholders: [...listAt(validFile(), 'stakeholders'), { id: 'a', name: 'Again', label: 'customer', side: 'external' }] },
      { ...validFile(), relations: [{ id: 'r9', from: 'us', to: 'nobody', kind: 'money' }] },
      { ...validFile(), organization: 'Us' },
      { ...validFile(), definition: 'everyone', stakeholders: 'many' },
    ];
    for (const file of broken) {
      const fromFile = parseObject(file);
      expect(fromFile.ok).toBe(false);
      expect(readStoredMap(stored(file), 1)).toEqual({ ok: false, problems: fromFile.ok ? [] : fromFile.problems.map((p) => p.message) });
    }
  });

  it('garbage in place of a snapshot’s map: values IndexedDB can hold that are not maps', () => {
    const garbage: unknown[] = [
      {},
      { title: 7, organization: [], stakeholders: 'lots', relations: { 0: 'r1' } },
      { stakeholders: [null, 3, 'x', []], relations: [undefined] },
      new Date(0),
      new Map([['title', 'A map in a Map']]),
      new Uint8Array([123, 125]),
      Object.create(null),
    ];
    for (const raw of garbage) expectHumanProblems(readStoredMap(raw, 1));
  });

  it('never throws, whatever JSON it is given, and accepts only what parseMap accepts (bar repairs)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 3 })), (raw, version) => {
        const result = readStoredMap(raw, version);
        if (!result.ok) return result.problems.length > 0 && result.problems.every((p) => typeof p === 'string' && p.length > 0);
        // Accepted: parseMap accepts the same content, bar positions the check dropped.
        const file = { ...(raw as object), format: 'stakemap', version: version ?? 1 };
        return result.repaired.length > 0 || parseMap(JSON.stringify(file)).ok;
      }),
      { numRuns: 500 },
    );
  });
});

describe('positions that are not numbers are repaired, and said so', () => {
  it('drops a NaN or infinite position, keeping everything else', () => {
    const map = stored(validFile());
    setAt(map, 'stakeholders[0].position', { x: Number.NaN, y: 10 });
    setAt(map, 'organization.position', { x: 0, y: Number.POSITIVE_INFINITY });
    const result = readStoredMap(map, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.organization).toEqual({ name: 'Us Inc' });
    expect(result.map.stakeholders[0]).toEqual({ id: 'a', name: 'Alpha', label: 'customer', side: 'external', notes: 'First' });
    expect(result.map.stakeholders[2]?.position).toEqual({ x: 0, y: 120 });
    expect(result.repaired).toEqual([
      'The organization’s position was { x: 0, y: a number too large to store }, not two numbers: it was dropped, so the organization is placed again.',
      'stakeholders[0] ("Alpha"): its position was { x: NaN (not a number), y: 10 }, not two numbers: it was dropped, so the stakeholder is placed again.',
    ]);
    expect(valueAt(map, 'stakeholders[0].position.x')).toBeNaN(); // what was read is left as it was
  });

  it('still refuses a map with other problems, naming only those', () => {
    const map = stored(validFile());
    setAt(map, 'stakeholders[0].position', { x: Number.NaN, y: 10 });
    setAt(map, 'stakeholders[1].side', 'inside');
    expect(problemsOf(readStoredMap(map, 1))).toEqual([expect.stringMatching(/^stakeholders\[1\]\.side: "inside" is not one of/)]);
  });

  it('lists at most the problem limit, then a count', () => {
    const map = stored(validFile());
    map.stakeholders = Array.from({ length: LIMITS.problems + 5 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, label: 'other', side: 'external', position: 'here' }));
    map.relations = [];
    const result = readStoredMap(map, 1);
    expect(result.ok && result.repaired).toHaveLength(LIMITS.problems + 1);
    expect(result.ok && result.repaired.at(-1)).toBe('…and 5 more stakeholders whose position was dropped the same way.');
  });
});

describe('circular and self-referring records', () => {
  it('a map that refers to itself through an unknown field reads, as a plain map without it', () => {
    const map = stored(validFile());
    map.self = map;
    setAt(map, 'stakeholders[1].back', map.stakeholders);
    const result = readStoredMap(map, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(JSON.stringify(result.map))).toEqual(result.map); // no cycle left to trip over
    expect(result.map).toEqual(mustParse(JSON.stringify(validFile())));
  });

  it('a position that is its own stakeholder is dropped like any bad position', () => {
    const map = stored(validFile());
    setAt(map, 'stakeholders[0].position', valueAt(map, 'stakeholders[0]'));
    const result = readStoredMap(map, 1);
    expect(result.ok && result.map.stakeholders[0]?.position).toBeUndefined();
    expect(result.ok && result.repaired).toEqual([expect.stringMatching(/^stakeholders\[0\] \("Alpha"\): its position was \{ x: nothing, y: nothing \}/)]);
  });

  it('refuses maps whose parts are the map itself, with problems in words', () => {
    const cases: FileObject[] = [];
    const orgIsMap = stored(validFile());
    orgIsMap.organization = orgIsMap;
    cases.push(orgIsMap);
    const listHoldsMap = stored(validFile());
    listAt(listHoldsMap, 'stakeholders').push(listHoldsMap);
    listAt(listHoldsMap, 'relations').push(listHoldsMap.relations);
    cases.push(listHoldsMap);
    const nameIsMap = stored(validFile());
    nameIsMap.title = nameIsMap;
    setAt(nameIsMap, 'stakeholders[0].name', nameIsMap.stakeholders);
    cases.push(nameIsMap);
    for (const raw of cases) expectHumanProblems(readStoredMap(raw, 1));
    expect(problemsOf(readStoredMap(orgIsMap, 1))).toContain('organization.name: missing (expected text of 1 to 200 characters)');
  });
});

describe('what it gives', () => {
  it('is a new map: changing what was read changes nothing given, and the other way round', () => {
    const map = stored(validFile());
    const result = readStoredMap(map, 1);
    if (!result.ok) throw new Error('expected a map');
    setAt(map, 'stakeholders[0].name', 'Changed after reading');
    expect(result.map.stakeholders[0]?.name).toBe('Alpha');
    expect(result.map.stakeholders[0]).not.toBe(valueAt(map, 'stakeholders[0]'));
  });
});
