// Every scenario of the spec, under every definition: the checker's findings
// (rule, severity, stakeholder, suggestion, in order) are exactly the expected ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMap } from '../../src/domain/check';
import { DEFINITIONS, type StakeMap } from '../../src/domain/model';

const DIR = join(__dirname, '..', 'fixtures', 'scenarios');
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.stakemap.json'))
  .sort()
  .map((file) => file.slice(0, -'.stakemap.json'.length));

/** The file as a StakeMap, without the parser: `format` and `version` stay in the file. */
function readScenario(name: string): StakeMap {
  const file = JSON.parse(readFileSync(join(DIR, `${name}.stakemap.json`), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'format' && key !== 'version')) as unknown as StakeMap;
}

function readExpected(name: string): Record<string, unknown[]> {
  return JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Record<string, unknown[]>;
}

describe('scenario conformance', () => {
  it('finds the scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(scenarios)('%s', (name) => {
    const map = readScenario(name);
    const expected = readExpected(name);

    it.each(DEFINITIONS)('under %s', (definition) => {
      const got = checkMap(map, definition).map(({ rule, severity, stakeholder, suggestedLabel }) => ({
        rule,
        severity,
        stakeholder,
        suggestedLabel,
      }));
      expect(got).toEqual(expected[definition]);
    });

    it('uses the map\u2019s own definition by default', () => {
      expect(checkMap(map)).toEqual(checkMap(map, map.definition ?? 'user'));
    });

    it('gives every finding words, a why and evidence that exists on the map', () => {
      const relationIds = new Set(map.relations.map((r) => r.id));
      for (const definition of DEFINITIONS) {
        for (const f of checkMap(map, definition)) {
          expect(f.message.length).toBeGreaterThan(20);
          expect(f.why.length).toBeGreaterThan(20);
          for (const id of f.evidence) expect(relationIds.has(id)).toBe(true);
          if (f.stakeholder !== null) {
            const s = map.stakeholders.find((x) => x.id === f.stakeholder)!;
            expect(f.message).toContain(s.name);
          }
        }
      }
    });
  });
});
