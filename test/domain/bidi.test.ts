// Bidirectional control characters in map text: isolated inside the sentences
// the domain builds (findings), escaped in the problems of a refused file,
// and never changed in the map itself.
import { describe, expect, it } from 'vitest';
import { hasBidiControls, isolateText, withoutBidiControls } from '../../src/domain/bidi';
import { checkMap } from '../../src/domain/check';
import { describe as describeValue } from '../../src/domain/format-problems';
import { parseMap, serializeMap } from '../../src/domain/format';
import { mapOf, rels, sh } from './rules/helpers';

const RLO = '\u202e';
const FSI = '\u2068';
const PDI = '\u2069';

/** How many embeddings/overrides/isolates are open after `text`, as the bidi algorithm counts them (X1–X8, simplified: no depth limit). */
function openAfter(text: string): number {
  const stack: ('embed' | 'isolate')[] = [];
  for (const ch of text) {
    if (ch >= '\u202a' && ch <= '\u202e' && ch !== '\u202c') stack.push('embed');
    else if (ch === '\u202c') {
      if (stack.at(-1) === 'embed') stack.pop();
    } else if (ch >= '\u2066' && ch <= '\u2068') stack.push('isolate');
    else if (ch === PDI) {
      const at = stack.lastIndexOf('isolate');
      if (at >= 0) stack.length = at;
    }
  }
  return stack.length;
}

describe('isolateText', () => {
  it('leaves text without bidi controls as it is (the same string)', () => {
    for (const text of ['Harbor Foods', 'مطعم الميناء', 'שלום', '', '<b>x</b>']) expect(isolateText(text)).toBe(text);
  });

  it('wraps text with controls in FSI … PDI, so nothing it opens stays open', () => {
    const names = [
      `${RLO}evil`, `a\u202ab\u202dc`, `\u2067open isolate`, `${PDI}${RLO}closes first`, `${PDI}${PDI}\u2066x${PDI}${PDI}\u202e`,
    ];
    for (const name of names) {
      const isolated = isolateText(name);
      expect(isolated.startsWith(FSI) && isolated.endsWith(PDI)).toBe(true);
      expect(openAfter(`before ${isolated} after`)).toBe(0);
      // The wrapping is not closed early: up to its last character, something stays open.
      expect(openAfter(isolated.slice(0, -1))).toBeGreaterThan(0);
      // Only isolate marks were added or left out: every other character is there, in order.
      expect(withoutBidiControls(isolated)).toBe(withoutBidiControls(name));
    }
  });

  it('hasBidiControls and withoutBidiControls know the nine controls, and nothing else', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of controls) expect(hasBidiControls(`a${c}b`)).toBe(true);
    expect(withoutBidiControls(`a${controls.join('')}b`)).toBe('ab');
    for (const c of ['\u200e', '\u200f', '\u061c', '\u2029', 'a']) expect(hasBidiControls(c)).toBe(false);
  });
});

describe('findings name things in isolation', () => {
  it('a name with a right-to-left override cannot reverse the rest of the message', () => {
    const name = `Shop${RLO}pohS`;
    const map = mapOf([sh('t', 'customer', 'external', name)], rels('us money t'));
    const findings = checkMap(map);
    const about = findings.filter((f) => f.stakeholder === 't');
    expect(about.length).toBeGreaterThan(0);
    for (const f of about) expect(f.message).toContain(`${FSI}${name}${PDI}`);
    for (const f of findings) expect(openAfter(f.message)).toBe(0);
    // The map is not changed.
    expect(map.stakeholders[0]!.name).toBe(name);
  });

  it('messages about ordinary names are exactly as before (no invisible characters)', () => {
    const map = mapOf([sh('t', 'customer', 'external', 'Harbor Foods')], rels('us money t'));
    for (const f of checkMap(map)) expect(hasBidiControls(f.message)).toBe(false);
  });
});

describe('problems of a refused file', () => {
  it('write bidi controls found in a value as escapes', () => {
    expect(describeValue(`a${RLO}b`)).toBe('"a\\u202eb"');
    const file = { format: 'stakemap', version: 1, title: 'T', organization: { name: 'O' }, stakeholders: [{ id: 'a', name: 'A', label: `x${RLO}y`, side: 'external' }], relations: [] };
    const result = parseMap(JSON.stringify(file));
    const message = result.ok ? '' : result.problems[0]!.message;
    expect(message).toContain('"x\\u202ey" is not one of');
    expect(hasBidiControls(message)).toBe(false);
  });

  it('a name with bidi controls is stored and written exactly as it was', () => {
    const name = `${PDI}${RLO}evil\u2066`;
    const file = { format: 'stakemap', version: 1, title: 'T', organization: { name }, stakeholders: [], relations: [] };
    const result = parseMap(JSON.stringify(file));
    expect(result.ok && result.map.organization.name).toBe(name);
    expect(result.ok && (JSON.parse(serializeMap(result.map)) as { organization: { name: string } }).organization.name).toBe(name);
  });
});
