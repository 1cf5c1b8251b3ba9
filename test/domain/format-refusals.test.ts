// parseMap on whole files: ids named like Object.prototype, refusals of the
// file as a whole, the size limit, the list of problems, and garbage.
import { describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION, parseMap, serializeMap, type ParseResult } from '../../src/domain/format';
import { LIMITS } from '../../src/domain/model';
import { mustParse, parseObject, validFile } from './helpers';

function paths(result: ParseResult): string[] {
  return result.ok ? [] : result.problems.map((p) => p.path);
}

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

describe('ids that are names of Object.prototype', () => {
  const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  const file = () => ({
    format: 'stakemap', version: 1, title: 'Prototype', organization: { name: 'O' },
    stakeholders: ids.map((id) => ({ id, name: id, label: 'other', side: 'external' })),
    relations: ids.map((id, i) => ({ id, from: i === 0 ? 'us' : ids[i - 1], to: id, kind: 'offering' })),
  });

  it('work as ids and round-trip', () => {
    const map = mustParse(JSON.stringify(file()));
    expect(map.stakeholders.map((s) => s.id)).toEqual(ids);
    expect(map.relations.map((r) => r.to)).toEqual(ids);
    expect(mustParse(serializeMap(map))).toEqual(map);
  });

  it('pollute nothing', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    mustParse(JSON.stringify(file()));
    parseMap('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    parseMap(JSON.stringify(file()).replace('"stakeholders"', '"__proto__":{"polluted":1},"stakeholders"'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a duplicate __proto__ id is found', () => {
    const f = file();
    f.stakeholders.push({ id: '__proto__', name: 'again', label: 'other', side: 'external' });
    expect(paths(parseObject(f))).toEqual(['stakeholders[5].id']);
  });
});

describe('refusals of the file as a whole', () => {
  it('ignores one leading byte-order mark, not two', () => {
    const text = JSON.stringify(validFile());
    expect(parseMap(`\ufeff${text}`).ok).toBe(true);
    expect(paths(parseMap(`\ufeff\ufeff${text}`))).toEqual(['']);
  });

  it('refuses text that is not JSON at ""', () => {
    for (const text of ['', '   ', '{', '{"format": "stakemap",}', "{'a': 1}", 'NaN', 'stakemap']) {
      const problems = problemsOf(parseMap(text));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.path).toBe('');
      expect(problems[0]!.message).toMatch(/not JSON/);
    }
  });

  it('refuses JSON that is not an object at ""', () => {
    for (const text of ['[]', 'null', '"x"', '42', 'true', '[{"format":"stakemap"}]']) {
      expect(problemsOf(parseMap(text))).toEqual([{ path: '', message: expect.stringMatching(/expected a JSON object/) as string }]);
    }
  });

  it('refuses a newer version with that one problem alone, naming both versions', () => {
    const newer = CURRENT_VERSION + 1;
    const problems = problemsOf(parseObject({ version: newer, format: 'nope', stakeholders: 'broken' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('version');
    expect(problems[0]!.message).toContain(`version ${newer}`);
    expect(problems[0]!.message).toContain(`version ${CURRENT_VERSION}`);
  });

  it('a version that is not a whole number is not "newer": it is refused with the rest', () => {
    const file = validFile();
    file.version = CURRENT_VERSION + 0.5;
    delete file.title;
    expect(paths(parseObject(file))).toEqual(['version', 'title']);
  });
});

describe('the size limit', () => {
  const limit = LIMITS.fileBytes;
  const base = JSON.stringify(validFile());
  const padTo = (text: string, bytes: number) => text + ' '.repeat(bytes - new TextEncoder().encode(text).length);

  it('accepts a file of exactly 10,000,000 bytes', () => {
    expect(parseMap(padTo(base, limit)).ok).toBe(true);
  });

  it('refuses one byte more, before parsing JSON', () => {
    const spy = vi.spyOn(JSON, 'parse');
    try {
      const problems = problemsOf(parseMap(padTo(base, limit + 1)));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.path).toBe('');
      expect(problems[0]!.message).toContain('10,000,000 bytes');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('counts the byte-order mark (3 bytes)', () => {
    expect(parseMap(`\ufeff${padTo(base, limit - 3)}`).ok).toBe(true);
    expect(paths(parseMap(`\ufeff${padTo(base, limit - 2)}`))).toEqual(['']);
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    const emoji = JSON.stringify({ ...validFile(), title: '😀 é €' }); // 4 + 2 + 3 bytes in 4 units
    expect(parseMap(padTo(emoji, limit)).ok).toBe(true);
    expect(paths(parseMap(padTo(emoji, limit + 1)))).toEqual(['']);
    expect(paths(parseMap('€'.repeat(limit / 3 + 1)))).toEqual(['']); // fewer units than bytes
  });
});

describe('the list of problems', () => {
  it('holds at most 50 problems, the first ones in file order', () => {
    const file = validFile();
    file.stakeholders = Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, name: 'S', label: 'wrong', side: 'external' }));
    file.relations = [];
    const problems = problemsOf(parseObject(file));
    expect(problems).toHaveLength(LIMITS.problems);
    expect(problems[0]!.path).toBe('stakeholders[0].label');
    expect(problems[49]!.path).toBe('stakeholders[49].label');
  });

  it('follows the order of the file, fields as they appear, missing ones last in their object', () => {
    const text = `{
      "relations": [{ "kind": "gift", "id": "r1", "from": "us", "to": "ghost" }],
      "stakeholders": [
        { "side": "inside", "id": "a", "label": "customer" },
        { "label": "x", "id": "a", "name": "A", "side": "external" }
      ],
      "format": "stakemap", "version": 1, "title": " ",
      "organization": { "position": { "y": "0", "x": "0" }, "name": "O" }
    }`;
    expect(paths(parseMap(text))).toEqual([
      'relations[0].kind',
      'relations[0].to',
      'stakeholders[0].side',
      'stakeholders[0].name',
      'stakeholders[1].label',
      'stakeholders[1].id',
      'title',
      'organization.position.y',
      'organization.position.x',
    ]);
  });
});

describe('parseMap never throws', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const garbage: unknown[] = [
    '', ' ', '[]', 'null', '"x"', '1', '-0', '1e999', 'true', '{}', '{"format":null}', '\ufeff', '\ud800', '\u0000',
    deep(100_000),
    `{"title": ${deep(50_000)}}`,
    `{"stakeholders": [${deep(50_000)}]}`,
    `{"stakeholders": {"length": 1e9}, "relations": {"0": 1, "length": 1}}`,
    JSON.stringify({ ...validFile(), version: 1e308 }),
    undefined, null, 42, {}, [],
  ];

  it.each(garbage.map((g, i) => [i, g]))('garbage #%i', (_i, input) => {
    const result = parseMap(input as string);
    expect(result.ok).toBe(false);
    expect(problemsOf(result).length).toBeGreaterThan(0);
  });
});
