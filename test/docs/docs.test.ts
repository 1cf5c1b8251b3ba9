// The project's own documentation, checked against the code it describes:
// every worked example of docs/RULES.md finds exactly what it says, every rule
// is documented with its severity, and every JSON file in docs/FORMAT.md opens
// (or, where the text says so, is refused at the place it names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMap, LIMITS, RULE_IDS, type Finding, type StakeMap } from '../../src/domain';
import { parseMap } from '../../src/domain/format';
import { REPO_ROOT } from '../domain/helpers';
import { readExamples } from './examples';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const RULES = read('docs/RULES.md');
const FORMAT = read('docs/FORMAT.md');

function describeFinding(map: StakeMap, f: Finding): string {
  const name = map.stakeholders.find((s) => s.id === f.stakeholder)?.name;
  return `${f.rule} (${f.severity})${name ? ` on ${name}` : ''}${f.suggestedLabel ? `, suggests ${f.suggestedLabel}` : ''}`;
}

describe('docs/RULES.md', () => {
  const examples = readExamples(RULES);

  it('has worked examples, and each finds exactly what it says, in order', () => {
    expect(examples.length).toBeGreaterThan(RULE_IDS.length);
    for (const ex of examples) {
      expect(checkMap(ex.map).map((f) => describeFinding(ex.map, f)), `example at line ${ex.line}`).toEqual(ex.finds);
    }
  });

  it('shows every rule in at least one example', () => {
    const shown = new Set(examples.flatMap((ex) => ex.finds.map((f) => f.split(' ')[0])));
    expect(RULE_IDS.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('gives every rule a section that names its severity as the code has it', () => {
    const severities = new Map<string, string>();
    for (const ex of examples) for (const f of checkMap(ex.map)) severities.set(f.rule, f.severity);
    for (const id of RULE_IDS) {
      const section = new RegExp(`^#### \`${id}\`\\n+Severity: \\*\\*(error|warning|info)\\*\\*`, 'm').exec(RULES);
      expect(section?.[1], id).toBe(severities.get(id));
    }
  });
});

describe('docs/FORMAT.md', () => {
  const blocks = [...FORMAT.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('shows only files that open', () => {
    expect(blocks.length).toBeGreaterThan(1);
    for (const text of blocks) expect(parseMap(text).ok, text.slice(0, 80)).toBe(true);
  });

  it('states the limits the reader enforces', () => {
    const n = (x: number) => x.toLocaleString('en-US');
    for (const phrase of [
      `1 to ${LIMITS.title} characters`,
      `at most ${n(LIMITS.definitionNote)} characters`,
      `at most ${n(LIMITS.notes)} characters`,
      `at most ${n(LIMITS.note)} characters`,
      `at most ${n(LIMITS.stakeholders)}`,
      `at most ${n(LIMITS.relations)}`,
      `1 to ${LIMITS.id} characters`,
      `${n(LIMITS.fileBytes)} bytes`,
      `first ${LIMITS.problems} problems`,
    ]) {
      expect(FORMAT, phrase).toContain(phrase);
    }
  });
});

describe('what a user reads', () => {
  it('never points outside the repository', () => {
    for (const path of ['README.md', 'docs/FORMAT.md', 'docs/RULES.md', 'BENCHMARKS.md']) {
      expect(read(path), path).not.toMatch(/\.\.\/shared|shared\/spec/);
    }
  });
});
