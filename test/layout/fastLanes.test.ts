import { describe, expect, it } from 'vitest';
import type { StakeMap } from '../../src/domain';
import { generateMap } from '../../src/domain/generate';
import { fromElkGraph, toElkGraph } from '../../src/layout/lanes';
import { fastLanes, rowsPerColumn } from '../../src/layout/fastLanes';
import { applyLayout } from '../../src/layout/run';
import { expectLanesInOrder, expectNoOverlap, expectSidesKept, scenarios } from './layoutChecks';

const maps: (readonly [string, StakeMap])[] = [
  ...scenarios.filter(([, m]) => m.stakeholders.length > 0),
  ['150 generated', generateMap({ stakeholders: 150, relations: 300, seed: 4 })],
  ['1,000 generated', generateMap({ stakeholders: 1000, relations: 2000, seed: 1 })],
];

function layOut(map: StakeMap): StakeMap {
  return applyLayout(map, fromElkGraph(map, fastLanes(toElkGraph(map))));
}

describe('fastLanes', () => {
  it.each(maps)('lays out %s with no two nodes overlapping, lanes in order', (_, map) => {
    const laid = layOut(map);
    expectNoOverlap(laid);
    expectLanesInOrder(laid);
  });

  it.each(maps)('keeps the sides of %s: internal inside the organization, external clear of it', (_, map) => {
    expectSidesKept(layOut(map));
  });

  it('keeps the organization where it was, and gives the same layout every time', () => {
    const map = { ...generateMap({ stakeholders: 200, relations: 400, seed: 2 }), organization: { name: 'Us', position: { x: 500, y: -200 } } };
    const laid = layOut(map);
    expect(laid.organization.position).toEqual({ x: 500, y: -200 });
    expect(layOut(map)).toEqual(laid);
  });

  it('wraps long lanes so a large map is wider than tall, not a tower', () => {
    expect(rowsPerColumn(10)).toBe(6);
    expect(rowsPerColumn(1000)).toBe(42);
    const laid = layOut(generateMap({ stakeholders: 1000, relations: 2000, seed: 1 }));
    const xs = laid.stakeholders.map((s) => s.position!.x);
    const ys = laid.stakeholders.map((s) => s.position!.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(width).toBeGreaterThan(height);
    expect(width).toBeLessThan(3 * height);
  });

  it('puts connected stakeholders nearer each other than a random order does', () => {
    const map = generateMap({ stakeholders: 300, relations: 600, seed: 5 });
    const graph = toElkGraph(map);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shuffled = { ...graph, children: graph.children!.map((c) => [random(), c] as const).sort((a, b) => a[0] - b[0]).map(([, c]) => c) };
    const height = (laid: { children?: { id: string; y?: number }[] }) => {
      const y = new Map(laid.children!.map((c) => [c.id, c.y ?? 0]));
      return graph.edges!.reduce((sum, e) => sum + Math.abs(y.get(e.sources[0]!)! - y.get(e.targets[0]!)!), 0);
    };
    // Same lanes, same wrapping: only the order within lanes differs.
    expect(height(fastLanes(shuffled))).toBeLessThan(0.7 * height(fastLanes({ ...shuffled, edges: [] })));
  });
});
