// Where each relation's label goes: on its route, as near the middle as it
// can be, never under a card or over another label. Tries points along the
// route (middle first, then outwards), each on the line and then a little to
// either side of it; if the whole route is crowded, the free spot nearest to
// its middle. Greedy, in the order given, so the same map always gives the
// same labels. The work is bounded: past it (a map of thousands), labels go
// to their route's middle. Pure: the editor and every export place labels with it.
import { BoxIndex, boxesMeet, length, pointAlong, type Box, type Point } from './shapes';

/** Space kept between a label and a card or another label. */
export const LABEL_GAP = 3;
/** Along the route, from the middle outwards. */
const FRACTIONS = [0.5, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((i) => [0.5 - i * 0.04, 0.5 + i * 0.04])];
/** To either side of the route, in steps of most of a label's height. */
const SIDE_STEPS = [0, 1, -1, 2, -2, 3, -3];
/** The fallback search: rings this far apart, this many of them. */
const RING_STEP = 12;
const RINGS = 24;
/** Spots one drawing may try before labels go to their route's middle whatever is there (a map of thousands). */
export const LABEL_BUDGET = 150_000;

export interface LabelRequest {
  readonly id: string;
  readonly route: readonly Point[];
  readonly width: number;
  readonly height: number;
}

export function placeLabels(requests: readonly LabelRequest[], cards: readonly Box[], budget = LABEL_BUDGET): Map<string, Box> {
  // Small cells: labels crowd around a hub, and a query should see only its neighbours.
  const cardIndex = new BoxIndex(64);
  for (const c of cards) cardIndex.add(c);
  const labelIndex = new BoxIndex(64);
  const free = (b: Box): boolean => {
    const area = { x: b.x - LABEL_GAP, y: b.y - LABEL_GAP, width: b.width + 2 * LABEL_GAP, height: b.height + 2 * LABEL_GAP };
    for (const c of cardIndex.near(area)) if (boxesMeet(area, c)) return false;
    for (const l of labelIndex.near(area)) if (boxesMeet(area, l)) return false;
    return true;
  };
  const tryFree = (b: Box): boolean => budget-- > 0 && free(b);
  const placed = new Map<string, Box>();
  for (const r of requests) {
    const box = place(r, tryFree, () => budget <= 0);
    placed.set(r.id, box);
    labelIndex.add(box);
  }
  return placed;
}

function boxAt(p: Point, r: LabelRequest): Box {
  return { x: p.x - r.width / 2, y: p.y - r.height / 2, width: r.width, height: r.height };
}

function place(r: LabelRequest, free: (b: Box) => boolean, spent: () => boolean): Box {
  const total = length(r.route);
  const step = r.height * 0.8;
  for (const f of FRACTIONS) {
    if (spent()) break;
    const { point, dir } = pointAlong(r.route, total * f);
    for (const k of SIDE_STEPS) {
      const b = boxAt({ x: point.x - dir.y * step * k, y: point.y + dir.x * step * k }, r);
      if (free(b)) return b;
    }
  }
  const middle = pointAlong(r.route, total / 2).point;
  for (let ring = 1; ring <= RINGS && !spent(); ring++) {
    const d = ring * RING_STEP;
    // Around a square ring, nearest points first.
    const spots: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      spots.push({ x: middle.x + i * RING_STEP, y: middle.y - d }, { x: middle.x + i * RING_STEP, y: middle.y + d });
      if (Math.abs(i) < ring) spots.push({ x: middle.x - d, y: middle.y + i * RING_STEP }, { x: middle.x + d, y: middle.y + i * RING_STEP });
    }
    spots.sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
    for (const s of spots) {
      const b = boxAt(s, r);
      if (free(b)) return b;
    }
  }
  return boxAt(middle, r);
}
