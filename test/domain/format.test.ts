import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, parseMap, serializeMap, type ParseResult } from '../../src/domain/format';
import { FORMAT_VERSION, LIMITS, type StakeMap } from '../../src/domain/model';
import { bigMap } from './big-map';
import { deleteAt, listAt, mustParse, objectAt, parseObject, REPO_ROOT, scenarioFiles, setAt, validFile, type FileObject } from './helpers';

function paths(result: ParseResult): string[] {
  return result.ok ? [] : result.problems.map((p) => p.path);
}

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

describe('round trip of the scenarios', () => {
  it.each(scenarioFiles())('$name: parse → serialize → parse → serialize is stable', ({ text }) => {
    const map = mustParse(text);
    const once = serializeMap(map);
    const again = mustParse(once);
    expect(again).toEqual(map);
    expect(serializeMap(again)).toBe(once);
  });
});

describe('the version 1 fixture', () => {
  const text = readFileSync(join(REPO_ROOT, 'test/fixtures/versions/v1.stakemap.json'), 'utf8');

  it('keeps opening, every field intact', () => {
    const map = mustParse(text);
    expect(map.definition).toBe('served');
    expect(map.definitionNote).toMatch(/^Anyone we do something for/);
    expect(map.organization).toEqual({ name: 'Kitchen Collective', position: { x: -40.5, y: 12 } });
    expect(map.stakeholders.map((s) => s.label)).toEqual(['customer', 'client', 'partner', 'intermediary', 'supplier', 'colleague', 'other', 'other']);
    expect(map.stakeholders[0]).toEqual({
      id: 'families', name: 'Families who cook with us', label: 'customer', side: 'external',
      notes: 'Weekly box\nTwo adults, two children', position: { x: 640, y: 0 },
    });
    expect(map.stakeholders[2]).toEqual({ id: 'grocer', name: 'Corner grocer', label: 'partner', side: 'external', notes: '' });
    expect(new Set(map.relations.map((r) => r.kind)).size).toBe(8);
    expect(map.relations.at(-1)).toEqual({ id: 'constructor', from: 'constructor', to: '__proto__', kind: 'support' });
  });

  it('round-trips', () => {
    const once = serializeMap(mustParse(text));
    expect(serializeMap(mustParse(once))).toBe(once);
  });
});

describe('serializeMap', () => {
  const map: StakeMap = {
    title: 'T',
    organization: { name: 'O' },
    stakeholders: [{ id: 'a', name: 'A', label: 'customer', side: 'external', position: { x: 1, y: -2 } }],
    relations: [{ id: 'r1', from: 'us', to: 'a', kind: 'offering', note: 'n' }],
  };

  it('writes the fields of FORMAT.md in its order, two-space indented, one final newline', () => {
    expect(serializeMap({ ...map, definition: 'payer', definitionNote: 'who pays', organization: { name: 'O', position: { x: 3, y: 4 } } })).toBe(
      `{
  "format": "stakemap",
  "version": ${FORMAT_VERSION},
  "title": "T",
  "definition": "payer",
  "definitionNote": "who pays",
  "organization": {
    "name": "O",
    "position": {
      "x": 3,
      "y": 4
    }
  },
  "stakeholders": [
    {
      "id": "a",
      "name": "A",
      "label": "customer",
      "side": "external",
      "position": {
        "x": 1,
        "y": -2
      }
    }
  ],
  "relations": [
    {
      "id": "r1",
      "from": "us",
      "to": "a",
      "kind": "offering",
      "note": "n"
    }
  ]
}
`,
    );
  });

  it('leaves absent, undefined and null optional fields out and never writes defaults', () => {
    const text = serializeMap({
      ...map,
      definition: undefined,
      stakeholders: [{ id: 'a', name: 'A', label: 'customer', side: 'external', notes: undefined, position: undefined }],
      relations: [{ id: 'r1', from: 'us', to: 'a', kind: 'offering', note: null as unknown as undefined }],
    });
    for (const key of ['definition', 'definitionNote', 'position', 'notes', 'note', 'undefined', 'null']) expect(text).not.toContain(key);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('writes only known fields, whatever else the objects carry', () => {
    const extra = { ...map, selected: true, stakeholders: [{ ...map.stakeholders[0]!, color: 'red' }] } as unknown as StakeMap;
    expect(serializeMap(extra)).toBe(serializeMap(map));
  });

  it('writes the current version', () => {
    expect(JSON.parse(serializeMap(map))).toMatchObject({ version: CURRENT_VERSION });
  });
});

// One row per rule of FORMAT.md: a change to a valid file and the one place it must be reported.
type Change = (f: FileObject) => void;
type Row = [rule: string, change: Change, path: string];
const set = (path: string, value: unknown): Change => (f) => setAt(f, path, value);
const remove = (path: string): Change => (f) => deleteAt(f, path);
const all = (...changes: Change[]): Change => (f) => changes.forEach((change) => change(f));
const long = (n: number, ch = 'x') => ch.repeat(n);
const rules: Row[] = [
  ['format is required', remove('format'), 'format'],
  ['format is exactly "stakemap"', set('format', 'Stakemap'), 'format'],
  ['version is required', remove('version'), 'version'],
  ['version is a number', set('version', '1'), 'version'],
  ['version is an integer', set('version', 1.5), 'version'],
  ['version is at least 1', set('version', 0), 'version'],
  ['version is not negative', set('version', -3), 'version'],
  ['title is required', remove('title'), 'title'],
  ['title is text', set('title', 7), 'title'],
  ['title is not empty', set('title', ''), 'title'],
  ['title is not only whitespace', set('title', ' \t\n\u00a0\u2003'), 'title'],
  ['title has at most 200 characters', set('title', long(201)), 'title'],
  ['title counts code points', set('title', long(201, '😀')), 'title'],
  ['definition is one of user, payer, served', set('definition', 'buyer'), 'definition'],
  ['definition is text', set('definition', 1), 'definition'],
  ['definitionNote has at most 2,000 characters', set('definitionNote', long(2001)), 'definitionNote'],
  ['definitionNote is text', set('definitionNote', ['x']), 'definitionNote'],
  ['organization is required', remove('organization'), 'organization'],
  ['organization is an object', set('organization', ['Us']), 'organization'],
  ['organization.name is required', remove('organization.name'), 'organization.name'],
  ['organization.name is not blank', set('organization.name', '   '), 'organization.name'],
  ['organization.name has at most 200 characters', set('organization.name', long(201)), 'organization.name'],
  ['organization.position is an object', set('organization.position', 'centre'), 'organization.position'],
  ['organization.position has y', set('organization.position', { x: 1 }), 'organization.position.y'],
  ['organization.position.x is a number', set('organization.position.x', '1'), 'organization.position.x'],
  ['stakeholders is required', remove('stakeholders'), 'stakeholders'],
  ['stakeholders is a list', set('stakeholders', {}), 'stakeholders'],
  ['a stakeholder is an object', set('stakeholders[2]', 'Gamma'), 'stakeholders[2]'],
  ['stakeholder id is required', remove('stakeholders[2].id'), 'stakeholders[2].id'],
  ['stakeholder id is text', set('stakeholders[2].id', 2), 'stakeholders[2].id'],
  ['stakeholder id is not empty', set('stakeholders[2].id', ''), 'stakeholders[2].id'],
  ['stakeholder id has no spaces', set('stakeholders[2].id', 'b b'), 'stakeholders[2].id'],
  ['stakeholder id is ASCII', set('stakeholders[2].id', 'bé'), 'stakeholders[2].id'],
  ['stakeholder id has at most 64 characters', set('stakeholders[2].id', long(65)), 'stakeholders[2].id'],
  ['stakeholder id is never us', set('stakeholders[2].id', 'us'), 'stakeholders[2].id'],
  ['stakeholder ids are unique (second occurrence)', set('stakeholders[2].id', 'a'), 'stakeholders[2].id'],
  ['stakeholder name is required', remove('stakeholders[0].name'), 'stakeholders[0].name'],
  ['stakeholder name is not null', set('stakeholders[0].name', null), 'stakeholders[0].name'],
  ['stakeholder name is not blank', set('stakeholders[0].name', '\n'), 'stakeholders[0].name'],
  ['stakeholder name has at most 200 characters', set('stakeholders[0].name', long(201, 'é')), 'stakeholders[0].name'],
  ['stakeholder label is required', remove('stakeholders[0].label'), 'stakeholders[0].label'],
  ['stakeholder label is one of the labels', set('stakeholders[0].label', 'Customer'), 'stakeholders[0].label'],
  ['stakeholder side is required', remove('stakeholders[0].side'), 'stakeholders[0].side'],
  ['stakeholder side is internal or external', set('stakeholders[0].side', 'outside'), 'stakeholders[0].side'],
  ['stakeholder notes have at most 10,000 characters', set('stakeholders[0].notes', long(10_001)), 'stakeholders[0].notes'],
  ['stakeholder notes are text', set('stakeholders[0].notes', 5), 'stakeholders[0].notes'],
  ['stakeholder position is an object', set('stakeholders[0].position', [1, 2]), 'stakeholders[0].position'],
  ['stakeholder position has x', set('stakeholders[0].position', { y: 0 }), 'stakeholders[0].position.x'],
  ['stakeholder position.y is a number', set('stakeholders[0].position.y', true), 'stakeholders[0].position.y'],
  ['relations is required', remove('relations'), 'relations'],
  ['relations is a list', set('relations', 'none'), 'relations'],
  ['a relation is an object', set('relations[0]', null), 'relations[0]'],
  ['relation id is required', remove('relations[1].id'), 'relations[1].id'],
  ['relation id follows the id pattern', set('relations[1].id', 'r.2'), 'relations[1].id'],
  ['relation id is never us', set('relations[1].id', 'us'), 'relations[1].id'],
  ['relation ids are unique (second occurrence)', set('relations[2].id', 'r1'), 'relations[2].id'],
  ['relation from is required', remove('relations[1].from'), 'relations[1].from'],
  ['relation from is text', set('relations[1].from', 1), 'relations[1].from'],
  ['relation from is us or a stakeholder', set('relations[1].from', 'ghost'), 'relations[1].from'],
  ['relation to is required', remove('relations[1].to'), 'relations[1].to'],
  ['relation to is us or a stakeholder', set('relations[1].to', 'A'), 'relations[1].to'],
  ['relation ends are looked up by id, never on a plain object', set('relations[1].to', 'constructor'), 'relations[1].to'],
  ['a relation does not go from a stakeholder to itself (at .to)', set('relations[1].to', 'b'), 'relations[1].to'],
  ['a relation does not go from us to us (at .to)', set('relations[0].to', 'us'), 'relations[0].to'],
  ['relation kind is required', remove('relations[0].kind'), 'relations[0].kind'],
  ['relation kind is one of the kinds', set('relations[0].kind', 'gift'), 'relations[0].kind'],
  ['relation note has at most 500 characters', set('relations[0].note', long(501)), 'relations[0].note'],
  ['relation note is text', set('relations[0].note', {}), 'relations[0].note'],
];

describe('every rule of FORMAT.md is refused at its place', () => {
  it('the valid file the rules break is accepted', () => {
    expect(parseObject(validFile()).ok).toBe(true);
  });

  it.each(rules)('%s', (_rule, change, path) => {
    const file = validFile();
    change(file);
    const problems = problemsOf(parseObject(file));
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]!.message.startsWith(`${path}: `)).toBe(true);
  });

  it('at most 5,000 stakeholders', () => {
    expect(parseMap(serializeMap(bigMap(LIMITS.stakeholders, 0))).ok).toBe(true);
    expect(paths(parseMap(serializeMap(bigMap(LIMITS.stakeholders + 1, 0))))).toEqual(['stakeholders']);
  });

  it('at most 20,000 relations', () => {
    expect(parseMap(serializeMap(bigMap(10, LIMITS.relations))).ok).toBe(true);
    expect(paths(parseMap(serializeMap(bigMap(10, LIMITS.relations + 1))))).toEqual(['relations']);
  });

  it('a coordinate too large for a number is refused', () => {
    const text = JSON.stringify(validFile()).replace('"x":300', '"x":1e999');
    expect(paths(parseMap(text))).toEqual(['stakeholders[0].position.x']);
  });

  it('words the example of FORMAT.md exactly', () => {
    const file = validFile();
    listAt(file, 'stakeholders').push({ id: 'd', name: 'Delta', label: 'custmer', side: 'external' });
    expect(problemsOf(parseObject(file))).toEqual([
      {
        path: 'stakeholders[3].label',
        message: 'stakeholders[3].label: "custmer" is not one of customer, client, partner, intermediary, supplier, colleague, other',
      },
    ]);
  });
});

type Accept = [edge: string, change: Change, check?: (m: StakeMap) => void];
const accepted: Accept[] = [
  ['a title of 200 characters after trimming', set('title', `  ${long(200)}  `), (m) => expect(m.title).toBe(`  ${long(200)}  `)],
  ['a title of 200 emoji', set('title', long(200, '😀'))],
  ['a name of 200 code points', set('stakeholders[0].name', long(200, '𝄞'))],
  ['empty notes, kept as given', set('stakeholders[0].notes', ''), (m) => expect(m.stakeholders[0]!.notes).toBe('')],
  ['notes of 10,000 characters', set('stakeholders[0].notes', long(10_000))],
  ['a definitionNote of 2,000 characters', set('definitionNote', long(2_000))],
  ['a relation note of 500 characters', set('relations[0].note', long(500))],
  ['an id of 64 characters', all(set('stakeholders[1].id', long(64, '_')), set('relations[0].to', long(64, '_')), set('relations[1].from', long(64, '_')), set('relations[2].to', long(64, '_')))],
  ['ids are case-sensitive: US and A', all(set('stakeholders[1].id', 'US'), set('stakeholders[2].id', 'A'), set('relations[0].to', 'US'), set('relations[1].from', 'US'), set('relations[2].to', 'US'))],
  ['a relation id equal to a stakeholder id', set('relations[0].id', 'a')],
  ['stakeholders written after the relations that name them', (f) => {
    const stakeholders = f.stakeholders;
    delete f.stakeholders;
    f.stakeholders = stakeholders;
  }],
  ['relations of any kind to and from us', (f) => listAt(f, 'relations').push({ id: 'r4', from: 'a', to: 'us', kind: 'offering' }, { id: 'r5', from: 'us', to: 'c', kind: 'serves' })],
  ['empty lists', all(set('stakeholders', []), set('relations', []))],
  ['negative and fractional coordinates', set('stakeholders[0].position', { x: -999_999.5, y: 0.25 })],
];

describe('edge cases that are valid', () => {
  it.each(accepted)('%s', (_edge, change, check) => {
    const file = validFile();
    change(file);
    const result = parseObject(file);
    expect(paths(result)).toEqual([]);
    if (result.ok && check) check(result.map);
  });

  it('version 1.0 counts as 1', () => {
    expect(parseMap(JSON.stringify(validFile()).replace('"version":1', '"version":1.0')).ok).toBe(true);
    expect(parseMap(JSON.stringify(validFile()).replace('"version":1', '"version":1e0')).ok).toBe(true);
  });

  it('duplicate keys: the last one wins, as in JSON.parse', () => {
    const text = JSON.stringify(validFile()).replace('"title":"Test map"', '"title":"First","title":"Last"');
    expect(mustParse(text).title).toBe('Last');
  });
});

describe('null, unknown and absent fields', () => {
  it('null in an optional field means absent', () => {
    const file = validFile();
    Object.assign(file, { definition: null, definitionNote: null });
    setAt(file, 'organization.position', null);
    Object.assign(objectAt(file, 'stakeholders[0]'), { notes: null, position: null });
    setAt(file, 'relations[0].note', null);
    const map = mustParse(JSON.stringify(file));
    expect('definition' in map || 'definitionNote' in map || 'position' in map.organization).toBe(false);
    expect(Object.keys(map.stakeholders[0]!)).toEqual(['id', 'name', 'label', 'side']);
    expect(Object.keys(map.relations[0]!)).toEqual(['id', 'from', 'to', 'kind']);
    expect(serializeMap(map)).not.toContain('null');
  });

  it('unknown fields are dropped at every level', () => {
    const file = validFile();
    Object.assign(file, { zoom: 2, theme: { dark: true } });
    Object.assign(objectAt(file, 'organization'), { logo: 'x.png' });
    Object.assign(objectAt(file, 'organization.position'), { z: 1 });
    Object.assign(objectAt(file, 'stakeholders[0]'), { color: 'red', __proto__x: 1 });
    Object.assign(objectAt(file, 'relations[0]'), { weight: 3 });
    const map = mustParse(JSON.stringify(file));
    expect(map).toEqual(mustParse(JSON.stringify(validFile())));
    const text = serializeMap(map);
    for (const key of ['zoom', 'theme', 'logo', '"z"', 'color', 'weight', '__proto__x']) expect(text).not.toContain(key);
  });

  it('absent optional fields stay absent after a round trip', () => {
    const file = { format: 'stakemap', version: 1, title: 'T', organization: { name: 'O' }, stakeholders: [{ id: 'a', name: 'A', label: 'other', side: 'external' }], relations: [{ id: 'r', from: 'us', to: 'a', kind: 'insight' }] };
    const text = serializeMap(mustParse(JSON.stringify(file)));
    expect(JSON.parse(text)).toEqual({ ...file, version: FORMAT_VERSION });
  });
});
