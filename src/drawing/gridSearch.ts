// The way around cards when a straight line is blocked: A* over the lines
// that run along the cards' edges (each card grown by the route margin).
// Every gap between two cards has such lines on both sides, so a way through
// a gap is always found; a step between neighbouring crossings lies either
// wholly inside a card or wholly outside, so the test is a lookup. Steps are
// horizontal or vertical, each bend costs a little more, and the result is
// then straightened by the caller. One grid serves every relation of a
// drawing; its buffers are reused between searches. Pure.
import type { Box, Point } from './shapes';

/** A bend costs as much as this many px of route: fewer, cleaner bends. */
const BEND = 24;
/** How much the estimate of the way left is trusted over the way so far (1: exact shortest). */
const GREED = 1.4;
const DIRS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

function lines(values: number[]): Float64Array {
  return Float64Array.from([...new Set(values)].sort((a, b) => a - b));
}

function indexOf(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LineGrid {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** Cell (i, j) between xs[i]..xs[i+1] and ys[j]..ys[j+1]: 0 free, k + 1 inside card k only, -1 inside several. */
  private readonly owner: Int32Array;
  private readonly spans: { x0: number; x1: number; y0: number; y1: number }[];
  private readonly g: Float64Array;
  private readonly parent: Int32Array;
  private readonly seen: Uint32Array;
  private readonly done: Uint32Array;
  private generation = 0;
  private readonly heap = new Heap();

  /** How many crossings a grid over these cards has (to decide whether to build one). */
  static size(cards: number): number {
    return (2 * cards + 2) ** 2;
  }

  constructor(cards: readonly Box[]) {
    this.xs = lines(cards.flatMap((c) => [c.x, c.x + c.width]));
    this.ys = lines(cards.flatMap((c) => [c.y, c.y + c.height]));
    const cw = this.xs.length - 1;
    this.owner = new Int32Array(Math.max(1, cw * (this.ys.length - 1)));
    this.spans = cards.map((c) => ({ x0: indexOf(this.xs, c.x), x1: indexOf(this.xs, c.x + c.width), y0: indexOf(this.ys, c.y), y1: indexOf(this.ys, c.y + c.height) }));
    this.spans.forEach((s, k) => {
      for (let j = s.y0; j < s.y1; j++) {
        for (let i = s.x0; i < s.x1; i++) this.owner[j * cw + i] = this.owner[j * cw + i] === 0 ? k + 1 : -1;
      }
    });
    // States: a crossing and the direction it was reached in, plus one for "arrived".
    const states = this.xs.length * this.ys.length * 4 + 1;
    this.g = new Float64Array(states);
    this.parent = new Int32Array(states);
    this.seen = new Uint32Array(states);
    this.done = new Uint32Array(states);
  }

  /** Whether the cell is inside a card other than the two ends (outside the grid counts as free). */
  private blocks(i: number, j: number, from: number, to: number): boolean {
    const cw = this.xs.length - 1;
    if (i < 0 || j < 0 || i >= cw || j >= this.ys.length - 1) return false;
    const o = this.owner[j * cw + i]!;
    return o === -1 || (o !== 0 && o !== from + 1 && o !== to + 1);
  }

  /** Whether the step from crossing (i, j) one line on in direction d runs inside a card. */
  private stepBlocked(i: number, j: number, d: number, from: number, to: number): boolean {
    const [dx, dy] = DIRS[d]!;
    if (dx !== 0) {
      const ci = dx > 0 ? i : i - 1;
      return this.blocks(ci, j - 1, from, to) && this.blocks(ci, j, from, to) && this.sameCard(ci, j - 1, ci, j);
    }
    const cj = dy > 0 ? j : j - 1;
    return this.blocks(i - 1, cj, from, to) && this.blocks(i, cj, from, to) && this.sameCard(i - 1, cj, i, cj);
  }

  /** Both cells inside one card (a line between two touching cards is a way through). */
  private sameCard(i1: number, j1: number, i2: number, j2: number): boolean {
    const cw = this.xs.length - 1;
    const a = this.owner[j1 * cw + i1]!;
    return a === -1 || a === this.owner[j2 * cw + i2];
  }

  /**
   * The turns of the shortest way from `a` (inside card `from`) to `b`
   * (inside card `to`), starting and ending on those cards' edges; null when
   * there is none or `budget.left` runs out (each step taken costs one).
   */
  search(a: Point, b: Point, from: number, to: number, budget: { left: number }): Point[] | null {
    const nx = this.xs.length;
    const ny = this.ys.length;
    const arrived = nx * ny * 4;
    const gen = ++this.generation;
    const at = (node: number): Point => ({ x: this.xs[node % nx]!, y: this.ys[Math.floor(node / nx)]! });
    const target = this.spans[to]!;
    const source = this.spans[from]!;
    // An estimate of the way left: straight along both axes to the target card, a bend if both are
    // needed, then into it; weighted a little, which finds a near-shortest way much sooner.
    const box = { x0: this.xs[target.x0]!, x1: this.xs[target.x1]!, y0: this.ys[target.y0]!, y1: this.ys[target.y1]! };
    const into = Math.min(b.x - box.x0, box.x1 - b.x, b.y - box.y0, box.y1 - b.y);
    const h = (node: number) => {
      const x = this.xs[node % nx]!;
      const y = this.ys[Math.floor(node / nx)]!;
      const dx = x < box.x0 ? box.x0 - x : x > box.x1 ? x - box.x1 : 0;
      const dy = y < box.y0 ? box.y0 - y : y > box.y1 ? y - box.y1 : 0;
      return GREED * (dx + dy + (dx > 0 && dy > 0 ? BEND : 0) + Math.max(0, into));
    };
    const onEdge = (s: { x0: number; x1: number; y0: number; y1: number }, i: number, j: number) =>
      i >= s.x0 && i <= s.x1 && j >= s.y0 && j <= s.y1 && (i === s.x0 || i === s.x1 || j === s.y0 || j === s.y1);
    this.heap.clear();
    const relax = (state: number, g: number, parent: number, f: number) => {
      if (this.seen[state] === gen && g >= this.g[state]!) return;
      this.seen[state] = gen;
      this.g[state] = g;
      this.parent[state] = parent;
      this.heap.push(state, f);
    };
    // Start anywhere on the source card's edge, having come straight from a.
    for (let j = source.y0; j <= source.y1; j++) {
      for (let i = source.x0; i <= source.x1; i++) {
        if (!onEdge(source, i, j)) continue;
        const node = j * nx + i;
        const p = at(node);
        const g = Math.hypot(p.x - a.x, p.y - a.y);
        for (let d = 0; d < 4; d++) relax(node * 4 + d, g, -1, g + h(node));
      }
    }
    while (this.heap.size > 0) {
      if (budget.left-- <= 0) return null;
      const state = this.heap.pop();
      if (this.done[state] === gen) continue;
      this.done[state] = gen;
      if (state === arrived) return this.turns(arrived, at);
      const node = state >> 2;
      const dir = state & 3;
      const i = node % nx;
      const j = (node - i) / nx;
      const g = this.g[state]!;
      if (onEdge(target, i, j)) {
        const p = at(node);
        const total = g + Math.hypot(p.x - b.x, p.y - b.y);
        relax(arrived, total, state, total);
      }
      for (let d = 0; d < 4; d++) {
        const [dx, dy] = DIRS[d]!;
        const ni = i + dx;
        const nj = j + dy;
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny || this.stepBlocked(i, j, d, from, to)) continue;
        const next = nj * nx + ni;
        const step = dx !== 0 ? Math.abs(this.xs[ni]! - this.xs[i]!) : Math.abs(this.ys[nj]! - this.ys[j]!);
        const ng = g + step + (d === dir ? 0 : BEND);
        relax(next * 4 + d, ng, state, ng + h(next));
      }
    }
    return null;
  }

  /** The crossings where the way turns, first to last. */
  private turns(arrived: number, at: (node: number) => Point): Point[] {
    const nodes: number[] = [];
    for (let s = this.parent[arrived]!; s >= 0; s = this.parent[s]!) {
      const node = s >> 2;
      if (nodes[0] !== node) nodes.unshift(node);
    }
    const out: Point[] = [];
    nodes.forEach((node, k) => {
      const p = at(node);
      const prev = k > 0 ? at(nodes[k - 1]!) : null;
      const next = k < nodes.length - 1 ? at(nodes[k + 1]!) : null;
      const straight = prev && next && ((prev.x === p.x && p.x === next.x) || (prev.y === p.y && p.y === next.y));
      if (!straight) out.push(p);
    });
    return out;
  }
}

/** A binary min-heap of states by priority (duplicates allowed; stale ones are skipped by the caller). */
class Heap {
  private keys = new Int32Array(1024);
  private prio = new Float64Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, priority: number): void {
    if (this.size === this.keys.length) {
      const keys = new Int32Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const prio = new Float64Array(this.size * 2);
      prio.set(this.prio);
      this.prio = prio;
    }
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.prio[up]! <= priority) break;
      this.keys[i] = this.keys[up]!;
      this.prio[i] = this.prio[up]!;
      i = up;
    }
    this.keys[i] = key;
    this.prio[i] = priority;
  }

  pop(): number {
    const top = this.keys[0]!;
    const key = this.keys[--this.size]!;
    const priority = this.prio[this.size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const m = r < this.size && this.prio[r]! < this.prio[l]! ? r : l;
      if (this.prio[m]! >= priority) break;
      this.keys[i] = this.keys[m]!;
      this.prio[i] = this.prio[m]!;
      i = m;
    }
    this.keys[i] = key;
    this.prio[i] = priority;
    return top;
  }
}
