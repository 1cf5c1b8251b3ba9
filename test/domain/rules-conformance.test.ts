// The project's own scenarios for the rules that read relationship depth and
// value (test/fixtures/rules; the shared scenarios in test/fixtures/scenarios
// predate them): under every definition, exactly the expected findings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMap } from '../../src/domain/check';
import { DEFINITIONS } from '../../src/domain/model';
import { mustParse, REPO_ROOT } from './helpers';

const DIR = join(REPO_ROOT, 'test/fixtures/rules');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.stakemap.json'))
  .map((f) => f.slice(0, -'.stakemap.json'.length));

describe('own rule scenarios', () => {
  it('has scenarios that show both relationship rules', () => {
    const rules = new Set(
      names.flatMap((name) => DEFINITIONS.flatMap((d) => checkMap(mustParse(readFileSync(join(DIR, `${name}.stakemap.json`), 'utf8')), d).map((f) => f.rule))),
    );
    expect(rules).toContain('client-at-first-step');
    expect(rules).toContain('customer-could-be-client');
  });

  describe.each(names)('%s', (name) => {
    const map = mustParse(readFileSync(join(DIR, `${name}.stakemap.json`), 'utf8'));
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Record<string, unknown[]>;
    it.each(DEFINITIONS)('under %s', (definition) => {
      const got = checkMap(map, definition).map(({ rule, severity, stakeholder, suggestedLabel }) => ({ rule, severity, stakeholder, suggestedLabel }));
      expect(got).toEqual(expected[definition]);
    });
  });
});
