// The lanes layout: lanes of the value chain as blocks of cards, left to
// right, shaped to fill a screen. A lane with more cards than fit one column
// wraps into several columns, and when the lanes side by side would be much
// wider than the screen, they wrap into a second band below (like words in a
// line). Every shape is tried (rows per column × where the bands break) and
// the one that fits the screen at the largest zoom wins, preferring one band
// while names are still readable at that zoom. Linear in the map per shape,
// so it serves every size of map, in the layout worker and in unit tests.
//
// Lane 0 is the organization: its block is the boundary (padded, at least
// its minimum size), and the next lane keeps a clearance from it.
import { BOUNDARY_MIN, BOUNDARY_PADDING, BOUNDARY_TAB_RISE } from '../domain';
import { orderLanes } from './order';

export interface LaneNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly lane: number;
}

export interface LaneGraph {
  readonly nodes: readonly LaneNode[];
  /** Pairs of node ids; only used to order each lane. */
  readonly edges: readonly (readonly [string, string])[];
}

/** The screen the map is shaped for, in px, and the zoom from which names read well. */
export interface Screen {
  readonly width: number;
  readonly height: number;
  readonly readableZoom: number;
}

export interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export const GAPS = {
  /** Between two lanes: room for relation labels. */
  lane: 96,
  /** Between the columns of one lane. */
  column: 48,
  row: 36,
  band: 72,
  /** Between the boundary and the next lane. */
  clearance: 64,
} as const;

interface Block {
  readonly lane: number;
  readonly count: number;
  readonly columns: number;
  readonly rows: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly width: number;
  readonly height: number;
  /** Where the cards start inside the block (the boundary's padding). */
  readonly inset: { readonly x: number; readonly y: number };
}

export interface Shape {
  readonly rows: number;
  /** The lanes' blocks, band by band. */
  readonly bands: readonly (readonly Block[])[];
  readonly width: number;
  readonly height: number;
  /** The zoom at which the whole shape fits the screen. */
  readonly zoom: number;
}

function block(lane: number, nodes: readonly LaneNode[], maxRows: number): Block {
  const count = nodes.length;
  const columns = Math.max(1, Math.ceil(count / maxRows));
  const rows = Math.max(1, Math.ceil(count / columns));
  const cellWidth = Math.max(0, ...nodes.map((n) => n.width));
  const cellHeight = Math.max(0, ...nodes.map((n) => n.height));
  const width = columns * cellWidth + (columns - 1) * GAPS.column;
  const height = rows * cellHeight + (rows - 1) * GAPS.row;
  if (lane !== 0) return { lane, count, columns, rows, cellWidth, cellHeight, width, height, inset: { x: 0, y: 0 } };
  // The organization's boundary: padded on every side, at least its minimum size, its tab above.
  return {
    lane, count, columns, rows, cellWidth, cellHeight,
    width: Math.max(BOUNDARY_MIN.width, width + 2 * BOUNDARY_PADDING),
    height: Math.max(BOUNDARY_MIN.height, height + 2 * BOUNDARY_PADDING) + BOUNDARY_TAB_RISE,
    inset: { x: BOUNDARY_PADDING, y: BOUNDARY_PADDING + BOUNDARY_TAB_RISE },
  };
}

function gapAfter(b: Block): number {
  return b.lane === 0 ? GAPS.clearance : GAPS.lane;
}

function bandWidth(band: readonly Block[]): number {
  return band.reduce((w, b, i) => w + b.width + (i < band.length - 1 ? gapAfter(b) : 0), 0);
}

/** Every way to cut `blocks` into consecutive bands (at most 2^(lanes − 1), lanes ≤ 5). */
function bandings(blocks: readonly Block[]): Block[][][] {
  const out: Block[][][] = [];
  const cuts = blocks.length - 1;
  for (let mask = 0; mask < 1 << cuts; mask++) {
    const bands: Block[][] = [[blocks[0]!]];
    for (let i = 1; i < blocks.length; i++) {
      if (mask & (1 << (i - 1))) bands.push([blocks[i]!]);
      else bands[bands.length - 1]!.push(blocks[i]!);
    }
    out.push(bands);
  }
  return out;
}

function better(a: Shape, b: Shape, screen: Screen): boolean {
  const readableA = a.zoom >= screen.readableZoom;
  const readableB = b.zoom >= screen.readableZoom;
  if (readableA !== readableB) return readableA;
  // Both readable: one band reads as one value chain; then the larger zoom.
  if (readableA && a.bands.length !== b.bands.length) return a.bands.length < b.bands.length;
  if (Math.abs(a.zoom - b.zoom) > 1e-9) return a.zoom > b.zoom;
  return a.rows < b.rows;
}

/** Above this many combinations, every lane gets the same number of rows. */
const FREE_SHAPES = 4096;

/** Distinct column counts a lane of `n` cards can take. */
function columnChoices(n: number): number[] {
  const out: number[] = [];
  for (let rows = n; rows >= 1; rows--) {
    const columns = Math.ceil(n / rows);
    if (out[out.length - 1] !== columns) out.push(columns);
  }
  return out.length > 0 ? out : [1];
}

/**
 * Rows per lane to try: for a small map, every combination of each lane's
 * own column count; for a large one, the same number of rows in every lane.
 */
function rowChoices(lanes: readonly (readonly LaneNode[])[]): number[][] {
  const choices = lanes.map((l) => columnChoices(l.length).map((c) => Math.max(1, Math.ceil(l.length / c))));
  const combinations = choices.reduce((p, c) => p * c.length, 1);
  if (combinations <= FREE_SHAPES) {
    let out: number[][] = [[]];
    for (const c of choices) out = out.flatMap((prefix) => c.map((rows) => [...prefix, rows]));
    return out;
  }
  const largest = Math.max(1, ...lanes.map((l) => l.length));
  const seen = new Set<string>();
  const out: number[][] = [];
  for (let rows = 1; rows <= largest; rows++) {
    const each = lanes.map(() => rows);
    const key = lanes.map((l) => Math.ceil(l.length / rows)).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(each);
  }
  return out;
}

/** The shape that fits `screen` best (see the file's comment). */
export function chooseShape(lanes: readonly (readonly LaneNode[])[], laneIds: readonly number[], screen: Screen): Shape {
  let best: Shape | null = null;
  for (const rowsOf of rowChoices(lanes)) {
    const blocks = lanes.map((nodes, i) => block(laneIds[i]!, nodes, rowsOf[i]!));
    const rows = Math.max(...blocks.map((b) => b.rows));
    for (const bands of bandings(blocks)) {
      const width = Math.max(...bands.map(bandWidth));
      const height = bands.reduce((h, band) => h + Math.max(...band.map((b) => b.height)), 0) + (bands.length - 1) * GAPS.band;
      const zoom = Math.min(screen.width / Math.max(1, width), screen.height / Math.max(1, height));
      const shape: Shape = { rows, bands, width, height, zoom };
      if (!best || better(shape, best, screen)) best = shape;
    }
  }
  return best!;
}

/** Positions (top-left corners) of every node, the organization's lane first. */
export function gridLanes(graph: LaneGraph, screen: Screen): Placed[] {
  const laneIds = [...new Set(graph.nodes.map((n) => n.lane))].sort((a, b) => a - b);
  const grouped = laneIds.map((lane) => graph.nodes.filter((n) => n.lane === lane));
  const shape = chooseShape(grouped, laneIds, screen);
  const blocks = shape.bands.flat();
  const ordered = orderLanes(graph, laneIds, blocks.map((b) => b.columns));
  const placed: Placed[] = [];
  let top = 0;
  for (const band of shape.bands) {
    const height = Math.max(...band.map((b) => b.height));
    let x = 0;
    for (const b of band) {
      const nodes = ordered[laneIds.indexOf(b.lane)]!;
      // Each block centred on the band's height.
      const y0 = top + (height - b.height) / 2 + b.inset.y;
      nodes.forEach((n, k) => {
        const column = k % b.columns;
        const row = Math.floor(k / b.columns);
        placed.push({
          id: n.id,
          x: Math.round(x + b.inset.x + column * (b.cellWidth + GAPS.column) + (b.cellWidth - n.width) / 2),
          y: Math.round(y0 + row * (b.cellHeight + GAPS.row) + (b.cellHeight - n.height) / 2),
        });
      });
      x += b.width + gapAfter(b);
    }
    top += height + GAPS.band;
  }
  return placed;
}
