import { describe, expect, it } from 'vitest';
import { boundaryRect, CARD_TEXT, drawingBounds, generateMap, isInside, NODE_SIZE, type StakeMap } from '../../src/domain';
import { fitViewport, LAYOUT_SCREEN, PROJECTOR_CANVAS, READABLE_NAME_PX } from '../../src/layout/fit';
import { GAPS, gridLanes } from '../../src/layout/grid';
import { laneOf, toLaneGraph } from '../../src/layout/lanes';
import { layOut } from './laidOut';
import { expectLanesInOrder, expectNoOverlap, expectSidesKept, scenarios } from './layoutChecks';

const examples = scenarios.filter(([, m]) => m.stakeholders.length > 0);
const maps: (readonly [string, StakeMap])[] = [
  ...examples,
  ['45 generated', generateMap({ stakeholders: 45, relations: 90, seed: 3 })],
  ['150 generated', generateMap({ stakeholders: 150, relations: 300, seed: 4 })],
  ['1,000 generated', generateMap({ stakeholders: 1000, relations: 2000, seed: 1 })],
];

function brightfoods(): StakeMap {
  return scenarios.find(([f]) => f.startsWith('brightfoods'))![1];
}

/** The zoom a laid-out map opens at in the editor on a 1280×720 projector. */
const openingZoom = (laid: StakeMap) => fitViewport(drawingBounds(laid), PROJECTOR_CANVAS).zoom;

describe('lanes', () => {
  it('puts each stakeholder in its lane of the value chain', () => {
    const lanes = laneOf(brightfoods());
    expect(lanes.get('trade-marketing')).toBe('organization');
    expect(lanes.get('oat-farm')).toBe('suppliers');
    expect(lanes.get('distributor')).toBe('channels');
    expect(lanes.get('grocers')).toBe('channels');
    expect(lanes.get('shoppers')).toBe('customers');
  });

  it('puts the customers of a client in the last lane', () => {
    const reliance = scenarios.find(([f]) => f.startsWith('reliance'))![1];
    const served = reliance.relations.filter((r) => r.kind === 'serves').map((r) => r.to);
    expect(served.length).toBeGreaterThan(0);
    for (const id of served) expect(laneOf(reliance).get(id)).toBe('customers-customers');
  });

  it.each(maps)('lays out %s with no two nodes overlapping, lanes in reading order', (_, map) => {
    const laid = layOut(map);
    expectNoOverlap(laid);
    expectLanesInOrder(laid);
  });

  it.each(maps)('keeps the sides of %s: internal inside the organization, external clear of it', (_, map) => {
    expectSidesKept(layOut(map));
  });

  it('keeps internal stakeholders inside the organization and external ones outside', () => {
    const laid = layOut(brightfoods());
    const rect = boundaryRect(laid);
    for (const s of laid.stakeholders) expect(isInside(s.position!, rect), s.id).toBe(s.side === 'internal');
  });

  it('keeps the organization where it was, and gives the same layout every time', () => {
    const map = { ...generateMap({ stakeholders: 200, relations: 400, seed: 2 }), organization: { name: 'Us', position: { x: 500, y: -200 } } };
    const laid = layOut(map);
    expect(laid.organization.position).toEqual({ x: 500, y: -200 });
    expect(layOut(map)).toEqual(laid);
  });
});

describe('readable on a projector', () => {
  it.each(examples)('%s opens with names at least 14 px tall at 1280×720', (_, map) => {
    const zoom = openingZoom(layOut(map));
    expect(zoom * CARD_TEXT.name).toBeGreaterThanOrEqual(READABLE_NAME_PX);
  });

  it.each([1, 2, 3, 4, 5])('a generated map of a dozen stakeholders (seed %i) opens readable too', (seed) => {
    const map = generateMap({ stakeholders: 12, relations: 24, seed });
    expect(openingZoom(layOut(map)) * CARD_TEXT.name).toBeGreaterThanOrEqual(READABLE_NAME_PX);
  });

  it.each(examples)('%s is shaped for the screen, not a wide strip: its aspect is near the canvas', (_, map) => {
    const b = drawingBounds(layOut(map));
    const screen = LAYOUT_SCREEN.width / LAYOUT_SCREEN.height;
    const aspect = b.width / b.height;
    // A strip of five lanes would be ~4:1; fitted to the screen, little of it is wasted.
    expect(aspect).toBeLessThan(2.2 * screen);
    const zoom = openingZoom(layOut(map));
    const used = (b.width * zoom * b.height * zoom) / (LAYOUT_SCREEN.width * LAYOUT_SCREEN.height);
    expect(used).toBeGreaterThan(0.3);
  });

  it('wraps a long lane of 45 stakeholders into a grid, not one tall column', () => {
    const map = generateMap({ stakeholders: 45, relations: 90, seed: 3 });
    const laid = layOut(map);
    const lanes = laneOf(laid);
    const b = drawingBounds(laid);
    const screen = LAYOUT_SCREEN.width / LAYOUT_SCREEN.height;
    expect(b.width / b.height).toBeGreaterThan(screen / 1.6);
    expect(b.width / b.height).toBeLessThan(screen * 1.6);
    // Each lane's cards stand in columns of a few rows.
    for (const lane of new Set(lanes.values())) {
      const ys = laid.stakeholders.filter((s) => lanes.get(s.id) === lane).map((s) => s.position!.y);
      const xs = new Set(laid.stakeholders.filter((s) => lanes.get(s.id) === lane).map((s) => s.position!.x));
      if (ys.length >= 8) expect(xs.size, lane).toBeGreaterThan(1);
    }
    // A grid fitted to the screen shows the cards about twice as large as one column of the longest lane would.
    const longest = Math.max(...[...new Set(lanes.values())].map((l) => [...lanes.values()].filter((x) => x === l).length));
    const columnHeight = longest * NODE_SIZE.height + (longest - 1) * GAPS.row;
    expect(openingZoom(laid)).toBeGreaterThan(1.5 * ((PROJECTOR_CANVAS.height - 112) / columnHeight));
  });

  it('lays out a large map about as wide as the screen, not a tower', () => {
    const laid = layOut(generateMap({ stakeholders: 1000, relations: 2000, seed: 1 }));
    const b = drawingBounds(laid);
    expect(b.width).toBeGreaterThan(b.height);
    expect(b.width).toBeLessThan(2 * b.height);
  });

  it('puts connected stakeholders nearer each other than a random order does', () => {
    const map = generateMap({ stakeholders: 300, relations: 600, seed: 5 });
    const graph = toLaneGraph(map);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shuffled = { ...graph, nodes: graph.nodes.map((c) => [random(), c] as const).sort((a, b) => a[0] - b[0]).map(([, c]) => c) };
    const length = (placed: { id: string; x: number; y: number }[]) => {
      const at = new Map(placed.map((p) => [p.id, p]));
      return graph.edges.reduce((sum, [a, b]) => sum + Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y), 0);
    };
    // Same lanes, same shape: only the order within lanes differs.
    expect(length(gridLanes(shuffled, LAYOUT_SCREEN))).toBeLessThan(0.85 * length(gridLanes({ ...shuffled, edges: [] }, LAYOUT_SCREEN)));
  });
});
