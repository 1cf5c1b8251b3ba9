import { describe, expect, it } from 'vitest';
import { analyzeMap, checkMap, customerSentence, customerSummary, DEFINITIONS, stakeholderViews, type Definition } from '../../../src/domain';
import { mustParse, scenarioFiles } from '../helpers';

describe('analyzeMap', () => {
  const maps = scenarioFiles().map((f) => ({ name: f.name, map: mustParse(f.text) }));

  it('says of every scenario, under every definition, what the separate functions say', () => {
    expect(maps.length).toBeGreaterThan(0);
    for (const { name, map } of maps) {
      for (const def of DEFINITIONS) {
        const a = analyzeMap(map, def);
        expect(a.definition, name).toBe(def);
        expect(a.findings, `${name} ${def}`).toEqual(checkMap(map, def));
        expect([...a.views], `${name} ${def}`).toEqual([...stakeholderViews(map, def)]);
        expect(a.summary, `${name} ${def}`).toEqual(customerSummary(map, def));
        expect(a.sentence, `${name} ${def}`).toBe(customerSentence(map, def));
      }
    }
  });

  it('computes each part once and keeps it', () => {
    const a = analyzeMap(maps[0]!.map);
    expect(a.facts).toBe(a.facts);
    expect(a.findings).toBe(a.findings);
    expect(a.views).toBe(a.views);
    expect(a.summary).toBe(a.summary);
  });

  it('uses the map’s own definition by default and refuses one it does not know', () => {
    const map = { ...maps[0]!.map, definition: 'payer' as const };
    expect(analyzeMap(map).definition).toBe('payer');
    expect(() => analyzeMap(map, 'nobody' as Definition)).toThrow(/Unknown definition/);
  });
});
