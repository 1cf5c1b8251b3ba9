// The grids follow the map's values; stakeholders without them are listed apart, never at zero.
import { describe, expect, it } from 'vitest';
import type { StakeMap, Stakeholder } from '../../src/domain';
import { niceCeiling, powerInterestGrid, relationshipGrid } from '../../src/domain/grids';

const s = (id: string, fields: Partial<Stakeholder> = {}): Stakeholder => ({ id, name: `Name ${id}`, label: 'customer', side: 'external', ...fields });
const mapOf = (stakeholders: Stakeholder[], currency?: string): StakeMap => ({
  title: 'T',
  organization: { name: 'Us' },
  stakeholders,
  relations: [],
  ...(currency ? { currency } : {}),
});

describe('relationship grid', () => {
  const map = mapOf(
    [
      s('a', { depth: 1, value: 10_000 }),
      s('b', { depth: 4, value: 40_000, label: 'client' }),
      s('c', { depth: 4, valuePerPurchase: 100, purchasesPerYear: 200 }),
      s('d', { depth: 2 }),
      s('e', { value: 5 }),
      s('f'),
      s('team', { side: 'internal', label: 'colleague', depth: 3, value: 1 }),
      s('p', { label: 'partner' }),
    ],
    'EUR',
  );
  const grid = relationshipGrid(map);
  const dot = (id: string) => grid.dots.find((d) => d.id === id)!;

  it('places depth across and yearly value up, in proportion', () => {
    expect(grid.dots.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(dot('a').x).toBeLessThan(0.25);
    expect(dot('b').x).toBeGreaterThan(0.75);
    expect(dot('b').y).toBe(40_000 / 50_000);
    expect(dot('a').y).toBe(10_000 / 50_000);
    // An estimated value (100 × 200) places like a given one.
    expect(dot('c').y).toBe(20_000 / 50_000);
    expect(dot('b').detail).toBe('Trusted advisor, €40,000 a year');
  });

  it('spreads dots of one depth across the column without moving them out of it', () => {
    expect(dot('b').x).not.toBe(dot('c').x);
    for (const id of ['b', 'c']) expect(dot(id).x).toBeGreaterThan(0.75);
  });

  it('lists outside customers and clients without depth or value apart, never at zero', () => {
    expect(grid.unplaced).toEqual([
      { id: 'd', name: 'Name d', missing: 'no value' },
      { id: 'e', name: 'Name e', missing: 'no depth' },
      { id: 'f', name: 'Name f', missing: 'no depth or value' },
    ]);
    expect(grid.dots.some((d) => d.y === 0)).toBe(false);
  });

  it('leaves out internal stakeholders, and outside ones that are neither customers nor given a depth or value', () => {
    expect([...grid.dots, ...grid.unplaced].map((x) => x.id)).not.toContain('team');
    expect([...grid.dots, ...grid.unplaced].map((x) => x.id)).not.toContain('p');
  });

  it('labels the value axis in the map currency, up to a round top', () => {
    expect(grid.yTicks.map((t) => t.text)).toEqual(['€0', '€12.5K', '€25K', '€37.5K', '€50K']);
    expect(grid.xTicks.map((t) => t.text)).toEqual(['1. Subject expert', '2. Problem solver', '3. Strategic contributor', '4. Trusted advisor']);
  });
});

describe('power/interest grid', () => {
  it('places interest across and power up; those without both are listed apart', () => {
    const grid = powerInterestGrid(mapOf([s('a', { power: 5, interest: 1 }), s('b', { power: 1, interest: 5 }), s('c', { power: 3 }), s('d')]));
    const a = grid.dots.find((d) => d.id === 'a')!;
    const b = grid.dots.find((d) => d.id === 'b')!;
    expect(a.y).toBeGreaterThan(0.8);
    expect(a.x).toBeLessThan(0.2);
    expect(b.y).toBeLessThan(0.2);
    expect(b.x).toBeGreaterThan(0.8);
    expect(grid.unplaced.map((u) => `${u.id}: ${u.missing}`)).toEqual(['c: no interest', 'd: no power or interest']);
  });

  it('spreads dots of one cell within it', () => {
    const grid = powerInterestGrid(mapOf([s('a', { power: 4, interest: 4 }), s('b', { power: 4, interest: 4 })]));
    const [a, b] = grid.dots;
    expect(a!.x).not.toBe(b!.x);
    for (const d of grid.dots) expect(d.x > 0.6 && d.x < 0.8).toBe(true);
  });
});

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 3, 7, 40_000, 120_000].map(niceCeiling)).toEqual([1, 0.5, 1, 5, 10, 50_000, 200_000]);
  });
});
