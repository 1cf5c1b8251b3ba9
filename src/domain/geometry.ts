// Where things sit on the canvas: node sizes, the organization's boundary, and
// a simple placement for stakeholders drawn without positions.
import { ORG_ID, type Position, type StakeMap, type Stakeholder } from './model';
import { clampPosition } from './field-rules';

/**
 * Cards are sized for their text: a name of up to three lines at `CARD_TEXT.name` px
 * above a small tag, read from the back of a room once the map is fitted to a
 * projector's screen (src/layout/fit.ts).
 */
export const CARD_TEXT = { name: 17, nameLine: 19, nameLines: 3, tag: 11, tagLine: 13 } as const;
export const NODE_SIZE = { width: 200, height: 76 } as const;
export const ORG_SIZE = { width: 208, height: 76 } as const;
export const BOUNDARY_PADDING = 32;
export const BOUNDARY_MIN = { width: ORG_SIZE.width + 2 * BOUNDARY_PADDING, height: 200 } as const;
/** The "Inside …" tab on the boundary's top edge sticks out this far above it. */
export const BOUNDARY_TAB_RISE = 14;
const COLUMN_GAP = 120;
const ROW_GAP = 40;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const ORIGIN: Position = { x: 0, y: 0 };

export function orgPosition(map: StakeMap): Position {
  return map.organization.position ?? ORIGIN;
}

/**
 * The organization's boundary: the organization card and every internal
 * stakeholder, padded. `exclude` leaves out stakeholders being dragged, so
 * that a node dragged out of the boundary does not drag the boundary along.
 */
export function boundaryRect(map: StakeMap, exclude?: ReadonlySet<string>): Rect {
  const org = orgPosition(map);
  let minX = org.x;
  let minY = org.y;
  let maxX = org.x + ORG_SIZE.width;
  let maxY = org.y + ORG_SIZE.height;
  for (const s of map.stakeholders) {
    if (s.side !== 'internal' || !s.position || exclude?.has(s.id)) continue;
    minX = Math.min(minX, s.position.x);
    minY = Math.min(minY, s.position.y);
    maxX = Math.max(maxX, s.position.x + NODE_SIZE.width);
    maxY = Math.max(maxY, s.position.y + NODE_SIZE.height);
  }
  const x = minX - BOUNDARY_PADDING;
  const y = minY - BOUNDARY_PADDING;
  return {
    x,
    y,
    width: Math.max(BOUNDARY_MIN.width, maxX + BOUNDARY_PADDING - x),
    height: Math.max(BOUNDARY_MIN.height, maxY + BOUNDARY_PADDING - y),
  };
}

/** A node whose centre lies inside the boundary belongs to the organization. */
export function isInside(position: Position, rect: Rect): boolean {
  const cx = position.x + NODE_SIZE.width / 2;
  const cy = position.y + NODE_SIZE.height / 2;
  return cx >= rect.x && cx <= rect.x + rect.width && cy >= rect.y && cy <= rect.y + rect.height;
}

/**
 * Gives every stakeholder without a position one, leaving placed ones alone:
 * internal stakeholders in rows inside the boundary, suppliers in a column to
 * its left, everyone else in columns by how many offering steps they are from
 * us; moved down past any card already there (a map with some cards placed:
 * one whose position was unreadable or off the canvas). Deterministic, so the
 * same file always opens the same way.
 */
export function placeMissing(map: StakeMap): StakeMap {
  if (map.stakeholders.every((s) => s.position)) return map;
  // Only cards placed before can be in the way: the columns never overlap each other.
  const taken = map.stakeholders.flatMap((s) => (s.position ? [s.position] : []));
  const org = orgPosition(map);
  const depth = offeringDepth(map);
  const suppliers = new Set(
    map.relations.filter((r) => r.kind === 'supply' && r.to === ORG_ID).map((r) => r.from),
  );
  // Clamped: an organization at the edge of the drawable range would place its neighbours past it.
  const clear = (wanted: Position): Position => {
    if (taken.length === 0) return clampPosition(wanted);
    let spot = clampPosition(wanted);
    for (let i = 0; i < 200 && taken.some((p) => overlaps(p, spot)); i++) spot = clampPosition({ x: spot.x, y: spot.y + NODE_SIZE.height + 16 });
    taken.push(spot);
    return spot;
  };
  const columns = new Map<number, number>(); // column → next row
  const internalCount = { n: 0 };
  const next = (s: Stakeholder): Position => {
    if (s.side === 'internal') {
      const i = internalCount.n++;
      return {
        x: org.x + (i % 2) * (NODE_SIZE.width + 32),
        y: org.y + ORG_SIZE.height + ROW_GAP + Math.floor(i / 2) * (NODE_SIZE.height + ROW_GAP),
      };
    }
    const col = suppliers.has(s.id) && !depth.has(s.id) ? -1 : depth.get(s.id) ?? maxDepth(depth) + 1;
    const row = columns.get(col) ?? 0;
    columns.set(col, row + 1);
    const baseX = col < 0 ? org.x - BOUNDARY_PADDING - COLUMN_GAP - NODE_SIZE.width : org.x + 2 * NODE_SIZE.width + 32;
    return {
      x: col < 0 ? baseX : baseX + BOUNDARY_PADDING + COLUMN_GAP + (col - 1) * (NODE_SIZE.width + COLUMN_GAP),
      y: org.y + row * (NODE_SIZE.height + ROW_GAP),
    };
  };
  return {
    ...map,
    stakeholders: map.stakeholders.map((s) => (s.position ? s : { ...s, position: clear(next(s)) })),
  };
}

/** Offering steps from us (1 = we hand it to them directly). */
function offeringDepth(map: StakeMap): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const r of map.relations) {
    if (r.kind !== 'offering') continue;
    const list = out.get(r.from);
    if (list) list.push(r.to);
    else out.set(r.from, [r.to]);
  }
  const depth = new Map<string, number>();
  let frontier = [ORG_ID];
  for (let d = 1; frontier.length > 0; d++) {
    const nextFrontier: string[] = [];
    for (const id of frontier) {
      for (const to of out.get(id) ?? []) {
        if (to === ORG_ID || depth.has(to)) continue;
        depth.set(to, d);
        nextFrontier.push(to);
      }
    }
    frontier = nextFrontier;
  }
  return depth;
}

function maxDepth(depth: Map<string, number>): number {
  let max = 0;
  for (const d of depth.values()) max = Math.max(max, d);
  return max;
}

/** Everything the canvas draws of the map's parties: the boundary (with its tab) and every card. */
export function drawingBounds(map: StakeMap): Rect {
  const b = boundaryRect(map);
  let minX = b.x;
  let minY = b.y - BOUNDARY_TAB_RISE;
  let maxX = b.x + b.width;
  let maxY = b.y + b.height;
  for (const s of map.stakeholders) {
    if (!s.position) continue;
    minX = Math.min(minX, s.position.x);
    minY = Math.min(minY, s.position.y);
    maxX = Math.max(maxX, s.position.x + NODE_SIZE.width);
    maxY = Math.max(maxY, s.position.y + NODE_SIZE.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Whether two cards at these positions would cover each other. */
function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < NODE_SIZE.width && Math.abs(a.y - b.y) < NODE_SIZE.height;
}
