// Version 3: each stakeholder's relationship (depth, value, lifetime value or
// its inputs, power, interest) and the map's currency. Older files open
// unchanged through the migration; bad values are refused in plain words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMap, serializeMap, validateWithSchema } from '../../src/domain/format';
import { readWellFormed } from '../../src/domain/format-fast';
import { FORMAT_VERSION, RELATIONSHIP_FIELDS } from '../../src/domain/model';
import { formatValue, lifetimeValueOf, yearlyValue } from '../../src/domain/relationship';
import { REPO_ROOT, mustParse, type FileObject } from './helpers';

const read = (v: number) => readFileSync(join(REPO_ROOT, `test/fixtures/versions/v${v}.stakemap.json`), 'utf8');
const V3 = read(3);
const v3 = (): FileObject => JSON.parse(V3) as FileObject;
const stakeholders = (file: FileObject) => file.stakeholders as Record<string, unknown>[];
const problems = (file: FileObject) => {
  const result = parseMap(JSON.stringify(file));
  return result.ok ? [] : result.problems.map((p) => p.message);
};

describe('format version 3', () => {
  it('is the current version', () => {
    expect(FORMAT_VERSION).toBe(3);
  });

  it('reads the relationship fields and the currency, and writes them back unchanged', () => {
    const map = mustParse(V3);
    expect(map.currency).toBe('EUR');
    expect(map.stakeholders[0]).toMatchObject({ depth: 1, value: 1200, valuePerPurchase: 25, purchasesPerYear: 48, years: 6, power: 2, interest: 5 });
    expect(map.stakeholders[1]).toMatchObject({ depth: 4, value: 85000.5, lifetimeValue: 400000 });
    expect(map.stakeholders[2]).toMatchObject({ depth: 2, valuePerPurchase: 0, purchasesPerYear: 0.5 });
    expect(serializeMap(map)).toBe(V3);
  });

  it('the fast path and the schema read the same map', () => {
    const file = v3();
    const fast = readWellFormed(file);
    expect(fast).toBeDefined();
    expect(validateWithSchema(file)).toEqual({ ok: true, map: fast });
  });

  it.each([
    ['depth', 5, /depth: 5 is not a depth: expected a whole number from 1 \(subject expert\) to 4 \(trusted advisor\)/],
    ['depth', 'deep', /depth: "deep" is not a depth/],
    ['depth', 1.5, /depth: 1.5 is not a depth/],
    ['value', -1, /value: -1 is below zero: a yearly value is 0 or more/],
    ['value', '1200', /value: "1200" is not a yearly value: expected a number from 0 to 1,000,000,000,000/],
    ['lifetimeValue', 2e12, /lifetimeValue: .* is more than 1,000,000,000,000, the largest lifetime value a map holds/],
    ['purchasesPerYear', 2e6, /purchasesPerYear: .* is more than 1,000,000/],
    ['years', 5000, /years: .* is more than 1,000/],
    ['power', 0, /power: 0 is not a power rating: expected a whole number from 1 to 5/],
    ['interest', 6, /interest: 6 is not an interest rating/],
  ])('refuses %s %j, saying why', (field, value, message) => {
    const file = v3();
    stakeholders(file)[0]![field] = value;
    const found = problems(file);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^stakeholders\\[0\\]\\.${message.source}`));
  });

  it('refuses a currency that is not three capital letters', () => {
    for (const currency of ['euro', 'eur', 'EU', 12]) {
      const found = problems({ ...v3(), currency });
      expect(found).toEqual([expect.stringMatching(/^currency: .* is not a currency code: expected three capital letters, such as EUR/)]);
    }
  });

  it('reads null as absent, like the other optional fields', () => {
    const file = v3();
    stakeholders(file)[0]!.depth = null;
    const result = parseMap(JSON.stringify({ ...file, currency: null }));
    expect(result.ok && result.map.stakeholders[0]).not.toHaveProperty('depth');
    expect(result.ok && result.map).not.toHaveProperty('currency');
  });
});

describe('older files open unchanged', () => {
  it.each([1, 2])('version %i: no relationship fields, no currency; written back as version 3', (version) => {
    const map = mustParse(read(version));
    expect(map).not.toHaveProperty('currency');
    for (const s of map.stakeholders) for (const field of RELATIONSHIP_FIELDS) expect(s).not.toHaveProperty(field);
    expect(JSON.parse(serializeMap(map))).toMatchObject({ version: 3 });
  });

  it('a version 2 file with keys that meant nothing then opens, with them left out (in team maps too)', () => {
    const file = JSON.parse(read(2)) as FileObject;
    stakeholders(file)[0]!.depth = 'very deep';
    stakeholders(file)[0]!.value = -5;
    file.currency = 'euros';
    const teams = (file.breakouts as { teams: { map: FileObject }[] }).teams;
    stakeholders(teams[0]!.map)[0]!.power = 99;
    const map = mustParse(JSON.stringify(file));
    expect(map).toEqual(mustParse(read(2)));
  });
});

describe('yearly and lifetime value', () => {
  it('uses the values given, else estimates them from the inputs', () => {
    expect(yearlyValue({ value: 100, valuePerPurchase: 5, purchasesPerYear: 4 })).toBe(100);
    expect(yearlyValue({ valuePerPurchase: 5, purchasesPerYear: 4 })).toBe(20);
    expect(yearlyValue({ valuePerPurchase: 5 })).toBeUndefined();
    expect(lifetimeValueOf({ lifetimeValue: 900, value: 100, years: 3 })).toBe(900);
    expect(lifetimeValueOf({ valuePerPurchase: 5, purchasesPerYear: 4, years: 3 })).toBe(60);
    expect(lifetimeValueOf({ value: 100 })).toBeUndefined();
  });

  it('formats money in the map currency, or as a plain number', () => {
    expect(formatValue(12500, 'EUR')).toBe('€12,500');
    expect(formatValue(12500)).toBe('12,500');
    expect(formatValue(1_250_000, 'USD', true)).toBe('$1.3M');
    expect(formatValue(12, 'XYZ')).toMatch(/12/);
  });
});
