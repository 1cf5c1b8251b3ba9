import { describe, expect, it } from 'vitest';
import { generateMap, moveStakeholders, type Relation, type StakeMap } from '../../src/domain';
import { layoutEdges, type EdgeLayout } from '../../src/drawing/edges';
import { distanceToSegment, Obstacles, parallelOffsets, routeBetween, routePath } from '../../src/drawing/routes';
import { segmentEnters, type Point } from '../../src/drawing/shapes';
import { KIND_STYLE } from '../../src/drawing/theme';
import { laidOutExamples, layOut } from '../layout/laidOut';
import { labelClashes, routesUnderCards } from './checks';

const text = (r: Relation) => KIND_STYLE[r.kind].verb;
const card = (id: string, x: number, y: number) => ({ id, x, y, width: 200, height: 76 });

describe('routes', () => {
  it('finds where a segment enters a box, and ignores one that only touches it', () => {
    const box = { x: 0, y: 0, width: 10, height: 10 };
    expect(segmentEnters({ x: -10, y: 5 }, { x: 20, y: 5 }, box)).toBeCloseTo(1 / 3);
    expect(segmentEnters({ x: -10, y: 0 }, { x: 20, y: 0 }, box)).toBeNull();
    expect(segmentEnters({ x: -10, y: 20 }, { x: 20, y: 20 }, box)).toBeNull();
  });

  it('goes straight between two cards with nothing between them', () => {
    const a = card('a', 0, 0);
    const b = card('b', 600, 0);
    const route = routeBetween(a, b, 0, new Obstacles([a, b]));
    expect(route).toEqual([{ x: 200, y: 38 }, { x: 600, y: 38 }]);
  });

  it('bends around a card in the way, on its nearer side, clear of it', () => {
    const a = card('a', 0, 0);
    const c = card('c', 350, 10);
    const b = card('b', 700, 0);
    const route = routeBetween(a, b, 0, new Obstacles([a, b, c]));
    expect(route.length).toBeGreaterThan(2);
    for (let i = 1; i < route.length; i++) expect(segmentEnters(route[i - 1]!, route[i]!, c)).toBeNull();
    // Around the top (the line runs nearer to it).
    expect(Math.min(...route.map((p) => p.y))).toBeLessThan(c.y);
    expect(route[0]!.x).toBe(200);
    expect(route[route.length - 1]!.x).toBe(700);
  });

  it('runs relations between the same two cards side by side, A→B and B→A apart', () => {
    const relations = [
      { id: 'r1', from: 'a', to: 'b' },
      { id: 'r2', from: 'b', to: 'a' },
    ];
    const offsets = parallelOffsets(relations, 26);
    expect(offsets.get('r1')).toBe(-13);
    expect(offsets.get('r2')).toBe(-13); // the same offset along opposite directions: opposite sides
    const a = card('a', 0, 0);
    const b = card('b', 600, 0);
    const o = new Obstacles([a, b]);
    const r1 = routeBetween(a, b, offsets.get('r1')!, o);
    const r2 = routeBetween(b, a, offsets.get('r2')!, o);
    const middleY = (r: readonly Point[]) => r[Math.floor(r.length / 2)]!.y;
    expect(Math.abs(middleY(r1) - middleY(r2))).toBeCloseTo(26);
  });

  it('draws a route as a path from its first point to the given end, bends rounded', () => {
    const d = routePath([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }], { x: 100, y: 92 });
    expect(d.startsWith('M 0,0 L 86,0 Q 100,0 100,14')).toBe(true);
    expect(d.endsWith('L 100,92')).toBe(true);
  });
});

const generated: (readonly [string, StakeMap])[] = [
  ['12 generated', layOut(generateMap({ stakeholders: 12, relations: 24, seed: 2 }))],
  ['45 generated', layOut(generateMap({ stakeholders: 45, relations: 90, seed: 3 }))],
];

/** How far each label's centre is from its relation's route. */
function labelDistances(edges: readonly EdgeLayout[]): number[] {
  return edges.map((e) => {
    const c = { x: e.label.x + e.label.width / 2, y: e.label.y + e.label.height / 2 };
    return Math.min(...e.route.slice(1).map((q, i) => distanceToSegment(c, e.route[i]!, q)));
  });
}

describe.each([...laidOutExamples, ...generated])('%s, laid out', (name, map) => {
  const edges = layoutEdges(map, { text });

  it('draws every relation', () => {
    expect(edges.map((e) => e.relation.id)).toEqual(map.relations.map((r) => r.id));
  });

  it('routes no relation under a third card', () => {
    expect(routesUnderCards(map, edges)).toEqual([]);
  });

  it('puts no label under a card or over another label', () => {
    expect(labelClashes(map, edges.map((e) => ({ id: e.relation.id, box: e.label })))).toEqual([]);
  });

  it('keeps each label by its relation', () => {
    const far = labelDistances(edges).filter((d) => d > 60);
    // A crowded generated map may push a few labels a little farther out.
    expect(far.length).toBeLessThanOrEqual(name.includes('generated') ? edges.length / 20 : 0);
    expect(Math.max(...labelDistances(edges))).toBeLessThan(140);
  });
});

describe('in the editor', () => {
  const [, map] = laidOutExamples.find(([n]) => n.startsWith('keepsake'))!;

  it('draws a map of hundreds plainly: straight lines, labels in their middle', () => {
    for (const e of layoutEdges(map, { text, avoid: false })) {
      expect(e.route).toHaveLength(2);
      const [a, b] = e.route as [Point, Point];
      expect(e.label.x + e.label.width / 2).toBeCloseTo((a.x + b.x) / 2);
      expect(e.label.y + e.label.height / 2).toBeCloseTo((a.y + b.y) / 2);
    }
  });

  it('while a card is dragged, keeps the other relations as they were and works out its own', () => {
    const before = layoutEdges(map, { text });
    const id = 'bookshops';
    const dragged = moveStakeholders(map, [{ id, position: { x: -900, y: 900 } }]);
    const during = layoutEdges(dragged, { text, previous: { edges: new Map(before.map((e) => [e.relation.id, e])), moved: new Set([id]) } });
    const old = new Map(before.map((e) => [e.relation.id, e]));
    for (const e of during) {
      const touches = e.relation.from === id || e.relation.to === id;
      if (touches) expect(e, e.relation.id).not.toBe(old.get(e.relation.id));
      else expect(e, e.relation.id).toBe(old.get(e.relation.id));
    }
    expect(during.some((e) => e.relation.from === id || e.relation.to === id)).toBe(true);
    expect(labelClashes(dragged, during.map((e) => ({ id: e.relation.id, box: e.label })))).toEqual([]);
  });
});
