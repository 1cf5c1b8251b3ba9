import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundaryRect, isInside, NODE_SIZE, type StakeMap } from '../../src/domain';
import { parseMap } from '../../src/domain/format';
import { generateMap } from '../../src/domain/generate';
import { fromElkGraph, laneOf, LANES, toElkGraph } from '../../src/layout/lanes';
import { fastLanes, rowsPerColumn } from '../../src/layout/fastLanes';
import { applyLayout } from '../../src/layout/run';

const dir = 'test/fixtures/scenarios';
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.stakemap.json'))
  .map((f) => {
    const parsed = parseMap(readFileSync(`${dir}/${f}`, 'utf8'));
    if (!parsed.ok) throw new Error(f);
    return [f, parsed.map] as const;
  })
  .filter(([, m]) => m.stakeholders.length > 0);

const maps: (readonly [string, StakeMap])[] = [
  ...scenarios,
  ['150 generated', generateMap({ stakeholders: 150, relations: 300, seed: 4 })],
  ['1,000 generated', generateMap({ stakeholders: 1000, relations: 2000, seed: 1 })],
];

function layOut(map: StakeMap): StakeMap {
  return applyLayout(map, fromElkGraph(map, fastLanes(toElkGraph(map))));
}

describe('fastLanes', () => {
  it.each(maps)('lays out %s with no two nodes overlapping, lanes in order', (_, map) => {
    const laid = layOut(map);
    const placed = laid.stakeholders.map((s) => s.position!);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        if (Math.abs(a.x - b.x) < NODE_SIZE.width && Math.abs(a.y - b.y) < NODE_SIZE.height) {
          expect.fail(`${laid.stakeholders[i]!.id} overlaps ${laid.stakeholders[j]!.id}`);
        }
      }
    }
    const lanes = laneOf(laid);
    const xOf = (lane: string) => laid.stakeholders.filter((s) => lanes.get(s.id) === lane).map((s) => s.position!.x);
    for (let i = 1; i < LANES.length; i++) {
      const before = xOf(LANES[i - 1]!);
      const after = xOf(LANES[i]!);
      if (before.length && after.length) expect(Math.max(...before)).toBeLessThan(Math.min(...after));
    }
  });

  it.each(maps)('keeps the sides of %s: internal inside the organization, external clear of it', (_, map) => {
    const laid = layOut(map);
    const rect = boundaryRect(laid);
    for (const s of laid.stakeholders) {
      const p = s.position!;
      if (s.side === 'internal') expect(isInside(p, rect), s.id).toBe(true);
      else expect(p.x < rect.x + rect.width && p.x + NODE_SIZE.width > rect.x && p.y < rect.y + rect.height && p.y + NODE_SIZE.height > rect.y, s.id).toBe(false);
    }
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
