import { describe, expect, it } from 'vitest';
import { checkMap } from '../../../src/domain/check';
import { parseMap, serializeMap } from '../../../src/domain/format';
import { generateMap } from '../../../src/domain/generate';
import { LIMITS } from '../../../src/domain/model';

describe('generateMap', () => {
  it('makes exactly the size asked for, as a file the parser accepts', () => {
    for (const [stakeholders, relations] of [[1, 4], [13, 52], [250, 1000], [40, 10]] as const) {
      const map = generateMap({ stakeholders, relations, seed: 11 });
      expect(map.stakeholders).toHaveLength(stakeholders);
      expect(map.relations).toHaveLength(relations);
      const parsed = parseMap(serializeMap(map));
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    }
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    const a = generateMap({ stakeholders: 200, relations: 800, seed: 5 });
    expect(generateMap({ stakeholders: 200, relations: 800, seed: 5 })).toEqual(a);
    expect(generateMap({ stakeholders: 200, relations: 800, seed: 6 })).not.toEqual(a);
  });

  it('lays stakeholders out on a grid, internal teams beside the organization', () => {
    const map = generateMap({ stakeholders: 100, relations: 400, seed: 1 });
    const spots = new Set(map.stakeholders.map((s) => `${s.position!.x},${s.position!.y}`));
    expect(spots.size).toBe(100);
    for (const s of map.stakeholders.filter((x) => x.side === 'internal')) expect(s.position!.x).toBe(0);
  });

  it('puts chains on both sides of the organization, so large maps stay about as wide as tall', () => {
    const map = generateMap({ stakeholders: 500, relations: 1000, seed: 1 });
    const xs = map.stakeholders.map((s) => s.position!.x);
    const ys = map.stakeholders.map((s) => s.position!.y);
    expect(Math.min(...xs)).toBeLessThan(0);
    expect(Math.max(...xs)).toBeGreaterThan(0);
    expect(new Set(map.stakeholders.map((s) => `${s.position!.x},${s.position!.y}`)).size).toBe(500);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(height).toBeLessThan(3 * width);
  });

  it('is clean when every label is right, and wrong labels make the rules fire', () => {
    expect(checkMap(generateMap({ stakeholders: 500, relations: 2000, seed: 2, wrongLabelRate: 0 }))).toEqual([]);
    const rules = new Set(checkMap(generateMap({ stakeholders: 500, relations: 2000, seed: 2 })).map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(8);
  });

  it('stays within the format limits and handles nothing asked for', () => {
    const big = generateMap({ stakeholders: 9_999, relations: 99_999, seed: 1 });
    expect(big.stakeholders).toHaveLength(LIMITS.stakeholders);
    expect(big.relations).toHaveLength(LIMITS.relations);
    expect(generateMap({ stakeholders: 0, relations: 10, seed: 1 }).relations).toEqual([]);
  });
});
