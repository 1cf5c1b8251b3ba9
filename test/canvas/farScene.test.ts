import { describe, expect, it } from 'vitest';
import { LABELS, NODE_SIZE, type StakeMap } from '../../src/domain';
import { KIND_STYLE, LABEL_STYLE } from '../../src/drawing/theme';
import { drawScene, packScene, scenePaths, stakeholderAt, viewRect, type SceneContext } from '../../src/canvas/farScene';

const map: StakeMap = {
  title: 'Far',
  organization: { name: 'Us', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'a', name: 'A', label: 'customer', side: 'external', position: { x: 400, y: 0 } },
    { id: 'b', name: 'B', label: 'partner', side: 'external', position: { x: 400, y: 200 } },
    { id: 'gone', name: 'Far away', label: 'customer', side: 'external', position: { x: 90_000, y: 90_000 } },
  ],
  relations: [
    { id: 'r1', from: 'us', to: 'a', kind: 'offering' },
    { id: 'r2', from: 'a', to: 'b', kind: 'money' },
    { id: 'r3', from: 'gone', to: 'gone', kind: 'money' },
  ],
};

/** A 2D context that writes down what is drawn: each path's rects and lines, and how it was filled or stroked. */
function recorder() {
  const paths: { rects: number[][]; lines: number[][]; fill?: string; stroke?: string; width?: number }[] = [];
  let current = { rects: [] as number[][], lines: [] as number[][], at: [0, 0] };
  const ctx: SceneContext = {
    setTransform: () => undefined,
    clearRect: () => undefined,
    beginPath: () => void (current = { rects: [], lines: [], at: [0, 0] }),
    moveTo: (x, y) => void (current.at = [x, y]),
    lineTo: (x, y) => void current.lines.push([...current.at, x, y]),
    rect: (x, y, w, h) => void current.rects.push([x, y, w, h]),
    setLineDash: () => undefined,
    fill: () => void paths.push({ rects: current.rects, lines: [], fill: ctx.fillStyle as string }),
    stroke: () => void paths.push({ rects: current.rects, lines: current.lines, stroke: ctx.strokeStyle as string, width: ctx.lineWidth }),
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
  };
  return { ctx, paths };
}

const options = { selected: new Set<string>(), emphasised: new Set<string>(), only: null };
const view = (zoom: number, x = 0, y = 0) => ({ transform: { x, y, zoom }, width: 1000, height: 600, dpr: 1 });

describe('packScene', () => {
  it('packs each card by index, and each relation between two known ends', () => {
    const scene = packScene(map, { ...options, selected: new Set(['b']), emphasised: new Set(['r2']) });
    expect([...scene.xs]).toEqual([400, 400, 90_000]);
    expect([...scene.labels]).toEqual([LABELS.indexOf('customer'), LABELS.indexOf('partner'), LABELS.indexOf('customer')]);
    expect([...scene.selected]).toEqual([0, 1, 0]);
    expect(scene.kinds.length).toBe(3);
    expect([...scene.emphasis]).toEqual([0, 1, 0]);
    // Us → A: from the organization's centre to A's.
    expect(scene.lines[2]).toBe(400 + NODE_SIZE.width / 2);
  });

  it('packs only the relations asked for, and then no boxes', () => {
    const scene = packScene(map, { ...options, only: new Set(['r2']) });
    expect(scene.kinds.length).toBe(1);
    expect(scene.linesOnly).toBe(true);
  });
});

describe('scenePaths', () => {
  it('gives one path per kind in flow coordinates, the emphasised ones after, thicker, with the lines drawScene strokes', () => {
    const scene = packScene(map, { ...options, emphasised: new Set(['r2']), only: new Set(['r1', 'r2']) });
    const paths = scenePaths(scene);
    expect(paths.map((p) => [p.color, p.width])).toEqual([
      [KIND_STYLE.offering.color, 1],
      [KIND_STYLE.money.color, 3],
    ]);
    const centre = (x: number, y: number) => [x + NODE_SIZE.width / 2, y + NODE_SIZE.height / 2];
    const [ax, ay] = centre(400, 0);
    const [bx, by] = centre(400, 200);
    expect(paths[1]!.d).toBe(`M${ax} ${ay}L${bx} ${by}`);
    // The same lines as the canvas draws at zoom 1, untransformed.
    const { ctx, paths: drawn } = recorder();
    drawScene(ctx, scene, view(1));
    expect(drawn.map((p) => p.lines.map((l) => `M${l[0]} ${l[1]}L${l[2]} ${l[3]}`).join(''))).toEqual(paths.map((p) => p.d));
  });

  it('gives no path when nothing crosses', () => {
    expect(scenePaths(packScene(map, { ...options, only: new Set() }))).toEqual([]);
  });
});

describe('drawScene', () => {
  it('draws the organization\'s boundary under everything, then the boxes and lines in view, one path per colour, in screen px', () => {
    const { ctx, paths } = recorder();
    const drawn = drawScene(ctx, packScene(map, options), view(0.5));
    expect(paths[0]!.fill).toMatch(/^rgba/);
    expect(paths[1]!.stroke).toBe('#7d93ad');
    expect(drawn).toEqual({ boxes: 2, lines: 2 }); // not the stakeholder far away, nor its relation
    const customers = paths.find((p) => p.fill === LABEL_STYLE.customer.color)!;
    expect(customers.rects).toEqual([[200, 0, 100, 38]]); // 400 × 0.5, NODE_SIZE × 0.5
    const offering = paths.find((p) => p.stroke === KIND_STYLE.offering.color)!;
    expect(offering.lines).toHaveLength(1);
    expect(offering.width).toBe(1);
  });

  it('keeps every card a visible dot however far out', () => {
    const { ctx, paths } = recorder();
    drawScene(ctx, packScene(map, options), view(0.001));
    const [, , w, h] = paths.find((p) => p.fill === LABEL_STYLE.customer.color)!.rects[0]!;
    expect(w).toBeGreaterThanOrEqual(3);
    expect(h).toBeGreaterThanOrEqual(3);
  });

  it('draws emphasised relations thicker, after the others, and outlines the selected cards', () => {
    const { ctx, paths } = recorder();
    drawScene(ctx, packScene(map, { ...options, selected: new Set(['a']), emphasised: new Set(['r1']) }), view(1));
    const strokes = paths.filter((p) => p.lines.length > 0);
    expect(strokes.at(-1)!.width).toBe(3);
    expect(strokes.at(-1)!.stroke).toBe(KIND_STYLE.offering.color);
    const outline = paths.at(-1)!;
    expect(outline.rects).toHaveLength(1);
    expect(outline.rects[0]![0]).toBeLessThan(400);
  });

  it('draws no boxes for the lines-only scene of a detailed view', () => {
    const { ctx, paths } = recorder();
    expect(drawScene(ctx, packScene(map, { ...options, only: new Set(['r1', 'r2']) }), view(1)).boxes).toBe(0);
    expect(paths.every((p) => !p.fill && p.rects.length === 0)).toBe(true);
  });

  it('shows the flow rectangle the transform puts on the canvas', () => {
    expect(viewRect(view(0.5, 100, -50))).toEqual({ x: -200, y: 100, width: 2000, height: 1200 });
  });
});

describe('stakeholderAt', () => {
  it('finds the card under a point, a few px of slack around a dot, and nothing on empty canvas', () => {
    expect(stakeholderAt(map, { x: 450, y: 30 }, 1)).toBe('a');
    expect(stakeholderAt(map, { x: 450, y: 230 }, 1)).toBe('b');
    // 3 screen px beside A at zoom 0.01 is 300 flow px: still A.
    expect(stakeholderAt(map, { x: 400 + NODE_SIZE.width + 300, y: 30 }, 0.01)).toBe('a');
    expect(stakeholderAt(map, { x: 2000, y: 2000 }, 1)).toBeNull();
  });

  it('takes the card drawn on top where two overlap', () => {
    const stacked: StakeMap = { ...map, stakeholders: [...map.stakeholders, { id: 'top', name: 'Top', label: 'other', side: 'external', position: { x: 410, y: 10 } }] };
    expect(stakeholderAt(stacked, { x: 450, y: 30 }, 1)).toBe('top');
  });
});
