// Boxes and points, and the few tests between them that routing and label
// placement need. Pure.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export function center(b: Box): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

export function inflate(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

export function boxesMeet(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function containsPoint(b: Box, p: Point): boolean {
  return p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height;
}

/** Where the segment from the box's centre towards `toward` crosses its border. */
export function borderPoint(b: Box, toward: Point): Point {
  const c = center(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** Where the ray from `inside` (a point in the box) towards `toward` leaves the box. */
export function exitPoint(b: Box, inside: Point, toward: Point): Point {
  const dx = toward.x - inside.x;
  const dy = toward.y - inside.y;
  if (dx === 0 && dy === 0) return inside;
  const tx = dx > 0 ? (b.x + b.width - inside.x) / dx : dx < 0 ? (b.x - inside.x) / dx : Infinity;
  const ty = dy > 0 ? (b.y + b.height - inside.y) / dy : dy < 0 ? (b.y - inside.y) / dy : Infinity;
  const t = Math.max(0, Math.min(tx, ty));
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}

/**
 * Where the segment p→q enters the box's inside, as a fraction of the way
 * from p (Liang–Barsky), or null when it stays outside. Touching the border
 * does not count.
 */
export function segmentEnters(p: Point, q: Point, b: Box): number | null {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p.x - b.x],
    [dx, b.x + b.width - p.x],
    [-dy, p.y - b.y],
    [dy, b.y + b.height - p.y],
  ];
  for (const [denominator, distance] of edges) {
    if (denominator === 0) {
      if (distance <= 0) return null;
      continue;
    }
    const t = distance / denominator;
    if (denominator < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return null;
  }
  // A glancing touch along a corner is no crossing.
  return t1 - t0 > 1e-9 ? t0 : null;
}

export function length(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return sum;
}

/** The point `distance` along the polyline, and the unit direction there. */
export function pointAlong(points: readonly Point[], distance: number): { point: Point; dir: Point } {
  let left = distance;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    if (left <= len || i === points.length - 1) {
      const t = Math.max(0, Math.min(1, left / len));
      return { point: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, dir: { x: (b.x - a.x) / len, y: (b.y - a.y) / len } };
    }
    left -= len;
  }
  const p = points[0] ?? { x: 0, y: 0 };
  return { point: p, dir: { x: 1, y: 0 } };
}

/**
 * Boxes in square cells, so that a query looks only at boxes near it. Each
 * query returns a box once (boxes spanning several cells are stamped).
 */
export class BoxIndex<T extends Box = Box> {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: T[] = [];
  private stamps = new Uint32Array(64);
  private query = 0;
  constructor(private readonly cell = 200) {}

  add(box: T): void {
    const i = this.boxes.push(box) - 1;
    if (i >= this.stamps.length) {
      const grown = new Uint32Array(this.stamps.length * 2);
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const [x0, y0, x1, y1] = this.span(box);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = cellKey(x, y);
        const list = this.cells.get(key);
        if (list) list.push(i);
        else this.cells.set(key, [i]);
      }
    }
  }

  /** Every box in the cells the area meets. */
  near(area: Box): T[] {
    const out: T[] = [];
    const stamp = this.nextQuery();
    const [x0, y0, x1, y1] = this.span(area);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.collect(cellKey(x, y), stamp, out);
    return out;
  }

  /** Every box in the cells the segment p→q passes through (a grid walk, Amanatides & Woo). */
  along(p: Point, q: Point): T[] {
    const out: T[] = [];
    const stamp = this.nextQuery();
    const s = this.cell;
    let cx = Math.floor(p.x / s);
    let cy = Math.floor(p.y / s);
    const ex = Math.floor(q.x / s);
    const ey = Math.floor(q.y / s);
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const stepX = Math.sign(dx);
    const stepY = Math.sign(dy);
    let tMaxX = dx !== 0 ? ((cx + (stepX > 0 ? 1 : 0)) * s - p.x) / dx : Infinity;
    let tMaxY = dy !== 0 ? ((cy + (stepY > 0 ? 1 : 0)) * s - p.y) / dy : Infinity;
    const tDeltaX = dx !== 0 ? s / Math.abs(dx) : Infinity;
    const tDeltaY = dy !== 0 ? s / Math.abs(dy) : Infinity;
    for (let n = Math.abs(ex - cx) + Math.abs(ey - cy) + 1; n > 0; n--) {
      this.collect(cellKey(cx, cy), stamp, out);
      if (tMaxX < tMaxY) {
        cx += stepX;
        tMaxX += tDeltaX;
      } else {
        cy += stepY;
        tMaxY += tDeltaY;
      }
    }
    return out;
  }

  private collect(key: number, stamp: number, out: T[]): void {
    const list = this.cells.get(key);
    if (!list) return;
    for (const i of list) {
      if (this.stamps[i] === stamp) continue;
      this.stamps[i] = stamp;
      out.push(this.boxes[i]!);
    }
  }

  private nextQuery(): number {
    if (++this.query >= 0xffffffff) {
      this.stamps.fill(0);
      this.query = 1;
    }
    return this.query;
  }

  private span(b: Box): [number, number, number, number] {
    const s = this.cell;
    return [Math.floor(b.x / s), Math.floor(b.y / s), Math.floor((b.x + b.width) / s), Math.floor((b.y + b.height) / s)];
  }
}

/** One number per cell (cells within ±2^20 of the origin: far beyond any map). */
function cellKey(x: number, y: number): number {
  return (x + 1048576) * 2097152 + (y + 1048576);
}
