// Relations routed around cards rather than under them: an arrow from A to B
// never passes under a third card C, so "A serves B" cannot read as a chain
// through C. A route is the straight line between the two cards; where a card
// is in the way, it bends: first a quick try around the card in the way (both
// sides, the shorter wins), then the shortest way along the lines of the
// cards' edges (gridSearch.ts), straightened wherever a straight line is clear.
// Relations sharing a pair run side by side, like lines on a transit map.
// The work per drawing is bounded, so a map of thousands stays quick (its
// last routes may then pass under cards). Pure.
import { LineGrid } from './gridSearch';
import { BoxIndex, center, containsPoint, exitPoint, inflate, length, segmentEnters, type Box, type Point } from './shapes';

/** Room kept between a route and a card it passes. */
export const ROUTE_MARGIN = 10;
/** The quick try bends around at most this many cards in a row. */
const QUICK_DEPTH = 1;
/** Above this many crossings (about 270 cards), no grid is built: the quick try only. */
const MAX_GRID = 300_000;
/** Work one drawing may spend going around cards (card tests and grid steps): some tens of ms at most. */
export const ROUTE_BUDGET = 250_000;

export interface Card extends Box {
  readonly id: string;
}

/** The cards of a drawing, to route around, and the work left to spend. */
export class Obstacles {
  private readonly cards = new BoxIndex<Card>();
  private readonly grown: Card[];
  private readonly order = new Map<string, number>();
  private grid: LineGrid | null = null;
  /** Work left (card tests, grid steps). */
  readonly budget: { left: number };

  constructor(cards: readonly Card[], budget = ROUTE_BUDGET) {
    this.budget = { left: budget };
    this.grown = cards.map((c) => ({ ...inflate(c, ROUTE_MARGIN), id: c.id }));
    this.grown.forEach((g, i) => {
      this.cards.add(g);
      this.order.set(g.id, i);
    });
  }

  /** The first card (grown by the margin) the segment enters, but for `skip`'s. */
  firstHit(p: Point, q: Point, skip: ReadonlySet<string>): Card | null {
    let best: Card | null = null;
    let bestT = Infinity;
    for (const card of this.cards.along(p, q)) {
      if (skip.has(card.id)) continue;
      this.budget.left--;
      const t = segmentEnters(p, q, card);
      if (t !== null && t < bestT) {
        best = card;
        bestT = t;
      }
    }
    return best;
  }

  /** Whether the point lies inside any card grown by the margin. */
  covers(p: Point): boolean {
    for (const card of this.cards.near({ x: p.x, y: p.y, width: 0, height: 0 })) if (containsPoint(card, p)) return true;
    return false;
  }

  /** The way from a (in card `from`) to b (in card `to`) along the cards' edges, at its turns; or null. */
  around(a: Point, b: Point, from: string, to: string): Point[] | null {
    if (LineGrid.size(this.grown.length) > MAX_GRID) return null;
    if (!this.grid) {
      this.grid = new LineGrid(this.grown);
      this.budget.left -= LineGrid.size(this.grown.length) / 20;
    }
    return this.grid.search(a, b, this.order.get(from) ?? -1, this.order.get(to) ?? -1, this.budget);
  }
}

/** Just outside the box's four corners. */
function cornersOf(b: Box): Point[] {
  return [
    { x: b.x - 1, y: b.y - 1 },
    { x: b.x + b.width + 1, y: b.y - 1 },
    { x: b.x + b.width + 1, y: b.y + b.height + 1 },
    { x: b.x - 1, y: b.y + b.height + 1 },
  ];
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** The two corners of the box farthest to either side of the line p→q: the ways around it. */
function waysAround(b: Box, p: Point, q: Point): Point[] {
  const corners = cornersOf(b);
  const side = (c: Point) => (q.x - p.x) * (c.y - p.y) - (q.y - p.y) * (c.x - p.x);
  let left = corners[0]!;
  let right = corners[0]!;
  for (const c of corners) {
    if (side(c) > side(left)) left = c;
    if (side(c) < side(right)) right = c;
  }
  return [left, right];
}

/** The quick try: points to pass between p and q around the cards in the way (p and q excluded), or null. */
function quickDetour(p: Point, q: Point, obstacles: Obstacles, skip: ReadonlySet<string>, depth: number): Point[] | null {
  const hit = obstacles.firstHit(p, q, skip);
  if (!hit) return [];
  if (depth === 0 || obstacles.budget.left <= 0) return null;
  let best: Point[] | null = null;
  let bestLength = Infinity;
  for (const c of waysAround(hit, p, q)) {
    if (obstacles.covers(c)) continue;
    const before = quickDetour(p, c, obstacles, skip, depth - 1);
    if (!before) continue;
    const after = quickDetour(c, q, obstacles, skip, depth - 1);
    if (!after) continue;
    const path = [...before, c, ...after];
    const len = length([p, ...path, q]);
    if (len < bestLength) {
      best = path;
      bestLength = len;
    }
  }
  return best;
}

/** Drops bends that a straight segment can skip without entering a card. */
function straighten(points: Point[], obstacles: Obstacles, skip: ReadonlySet<string>): Point[] {
  const out = [points[0]!];
  let i = 0;
  while (i < points.length - 1) {
    let j = points.length - 1;
    while (j > i + 1 && obstacles.firstHit(points[i]!, points[j]!, skip)) j--;
    out.push(points[j]!);
    i = j;
  }
  return out;
}

/** A route: from the source's border to the target's border, through its bends. */
export type Route = readonly Point[];

/**
 * The route of one relation between two cards, run `offset` px to the side
 * when it shares the pair with other relations (see parallelOffsets).
 */
export function routeBetween(from: Card, to: Card, offset: number, obstacles: Obstacles): Route {
  const ca = center(from);
  const cb = center(to);
  const skip = new Set([from.id, to.id]);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  // The straight line moved `offset` px to its side; never so far that it leaves either card's middle.
  const room = Math.min(from.width, from.height, to.width, to.height) / 2 - 6;
  const o = Math.max(-room, Math.min(room, offset));
  const n = { x: (-(cb.y - ca.y) / len) * o, y: ((cb.x - ca.x) / len) * o };
  const a = { x: ca.x + n.x, y: ca.y + n.y };
  const b = { x: cb.x + n.x, y: cb.y + n.y };
  let between = obstacles.budget.left > 0 ? quickDetour(a, b, obstacles, skip, QUICK_DEPTH) : null;
  if (!between && obstacles.budget.left > 0) {
    // Turns inside either end's card are no bends: the route leaves the card where it must.
    between = obstacles.around(a, b, from.id, to.id)?.filter((p) => !containsPoint(from, p) && !containsPoint(to, p)) ?? null;
  }
  // No clear way (cards packed all around, or the work spent): the straight line.
  const inner = between && between.length > 0 ? straighten([a, ...between, b], obstacles, skip).slice(1, -1) : [];
  // The route starts and ends where it leaves each card.
  return [exitPoint(from, a, inner[0] ?? b), ...inner, exitPoint(to, b, inner[inner.length - 1] ?? a)];
}

/**
 * Offsets of relations sharing a pair of cards: fanned out evenly around the
 * straight line, measured along the pair's own direction (lower id first) so
 * that A→B and B→A bow to opposite sides.
 */
export function parallelOffsets(relations: readonly { id: string; from: string; to: string }[], gap: number): Map<string, number> {
  const pairs = new Map<string, { id: string; from: string; to: string }[]>();
  for (const r of relations) {
    const key = r.from < r.to ? `${r.from}|${r.to}` : `${r.to}|${r.from}`;
    const list = pairs.get(key);
    if (list) list.push(r);
    else pairs.set(key, [r]);
  }
  const offsets = new Map<string, number>();
  for (const list of pairs.values()) {
    list.forEach((r, i) => {
      const canonical = (i - (list.length - 1) / 2) * gap;
      offsets.set(r.id, r.from < r.to ? canonical : -canonical);
    });
  }
  return offsets;
}

/** Bends are rounded with this radius (less on short segments). */
export const BEND_RADIUS = 14;

/** An SVG path along the route to `end` (the route's last point unless the line stops short of it), its bends rounded. */
export function routePath(pts: Route, end: Point = pts[pts.length - 1]!, radius = BEND_RADIUS, digits = 2): string {
  const f = (n: number) => String(Number(n.toFixed(digits)));
  if (pts.length === 0) return '';
  let d = `M ${f(pts[0]!.x)},${f(pts[0]!.y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const prev = pts[i - 1]!;
    const here = pts[i]!;
    const next = pts[i + 1]!;
    const inLen = Math.hypot(here.x - prev.x, here.y - prev.y);
    const outLen = Math.hypot(next.x - here.x, next.y - here.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r <= 0.5) {
      d += ` L ${f(here.x)},${f(here.y)}`;
      continue;
    }
    const a = { x: here.x - ((here.x - prev.x) / inLen) * r, y: here.y - ((here.y - prev.y) / inLen) * r };
    const b = { x: here.x + ((next.x - here.x) / outLen) * r, y: here.y + ((next.y - here.y) / outLen) * r };
    d += ` L ${f(a.x)},${f(a.y)} Q ${f(here.x)},${f(here.y)} ${f(b.x)},${f(b.y)}`;
  }
  return `${d} L ${f(end.x)},${f(end.y)}`;
}
