// Nothing is placed on anything: where a stakeholder goes when it is added,
// dropped, or moved across the organization's boundary. Each takes the free
// spot nearest to where it was wanted, on the side it belongs to: clear of
// every card, an external stakeholder clear of the boundary, an internal one
// inside it without the boundary growing over anyone outside. Pure.
import { BOUNDARY_MIN, BOUNDARY_PADDING, boundaryRect, isInside, NODE_SIZE, ORG_SIZE, orgPosition, type Rect } from './geometry';
import type { Position, Side, StakeMap } from './model';
import { moveStakeholders, type Move } from './edits';

/** Space kept between a placed card and any other card or the boundary. */
export const CARD_GAP = 16;
/** Candidate spots are this far apart. */
const STEP = 16;
/** How far the search goes, in steps, before falling back below everything. */
const RINGS = 80;
/** A drop changes side only when the card's centre is this far inside or outside the boundary. */
export const CLEAR_MARGIN = 28;

export interface SpotOptions {
  /** The side the spot must be on; by default the side `wanted` lies on. */
  readonly side?: Side;
  /** A stakeholder being placed again: its old spot does not count as taken. */
  readonly exclude?: string;
}

function intersects(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

const cardAt = (p: Position): Rect => ({ x: p.x, y: p.y, ...NODE_SIZE });

/** Side of the squares cards are filed under, px: about a card's width. */
const CELL = 256;

/**
 * Rectangles filed by the squares of the plane they reach into, so that
 * "does this spot meet any card?" looks at the few cards near the spot, not
 * at all of them: with 5,000 stakeholders and every spot near the one wanted
 * taken, the search tried ~26,000 spots against every card.
 */
class RectIndex {
  private readonly cells = new Map<number, Rect[]>();
  constructor(rects: readonly Rect[]) {
    for (const r of rects) this.each(r, 0, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    });
  }
  /** Whether any rectangle comes within `gap` of `r`. */
  meets(r: Rect, gap: number): boolean {
    let found = false;
    this.each(r, gap, (key) => {
      if (!found) found = this.cells.get(key)?.some((c) => intersects(r, c, gap)) ?? false;
    });
    return found;
  }
  private each(r: Rect, gap: number, visit: (key: number) => void): void {
    for (let x = Math.floor((r.x - gap) / CELL); x <= Math.floor((r.x + r.width + gap) / CELL); x++) {
      // One number per square (squares within ±2^20 of the origin: far beyond the ±1,000,000 px a map may reach).
      for (let y = Math.floor((r.y - gap) / CELL); y <= Math.floor((r.y + r.height + gap) / CELL); y++) visit((x + 2 ** 20) * 2 ** 21 + (y + 2 ** 20));
    }
  }
}

/** Candidate offsets, nearest first: rings of STEP around the wanted spot, each worked out once, when first reached. */
const rings: (readonly Position[])[] = [];
function ringAt(ring: number): readonly Position[] {
  const known = rings[ring];
  if (known) return known;
  const points: (Position & { d: number })[] = [];
  for (let i = -ring; i <= ring; i++) {
    for (let j = -ring; j <= ring; j++) {
      if (Math.max(Math.abs(i), Math.abs(j)) === ring) points.push({ x: i * STEP, y: j * STEP, d: i * i + j * j });
    }
  }
  points.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x);
  return (rings[ring] = points.map(({ x, y }) => ({ x, y })));
}

function* around(wanted: Position): Generator<Position> {
  // Ring by ring: most searches end in the first few, and all 80 took ~13 ms to work out on a page's first add.
  for (let ring = 0; ring <= RINGS; ring++) for (const o of ringAt(ring)) yield { x: wanted.x + o.x, y: wanted.y + o.y };
}

/** The free spot nearest to `wanted` (a card's top-left corner) on the side it belongs to. */
export function freeSpotNear(map: StakeMap, wanted: Position, options: SpotOptions = {}): Position {
  const exclude = options.exclude ? new Set([options.exclude]) : undefined;
  const rect = boundaryRect(map, exclude);
  const side = options.side ?? (isInside(wanted, rect) ? 'internal' : 'external');
  const others = map.stakeholders.filter((s) => s.position && s.id !== options.exclude);
  const cards: Rect[] = [{ ...orgPosition(map), ...ORG_SIZE }, ...others.map((s) => cardAt(s.position!))];
  const taken = new RectIndex(cards);
  // What the boundary is made of, so that its growth is known without recomputing it.
  const org = orgPosition(map);
  const content = { minX: org.x, minY: org.y, maxX: org.x + ORG_SIZE.width, maxY: org.y + ORG_SIZE.height };
  for (const s of others) {
    if (s.side !== 'internal') continue;
    content.minX = Math.min(content.minX, s.position!.x);
    content.minY = Math.min(content.minY, s.position!.y);
    content.maxX = Math.max(content.maxX, s.position!.x + NODE_SIZE.width);
    content.maxY = Math.max(content.maxY, s.position!.y + NODE_SIZE.height);
  }
  // External cards the boundary already covers (a hand-made map) do not forbid anything.
  const outside = others.filter((s) => s.side === 'external').map((s) => cardAt(s.position!)).filter((c) => !intersects(c, rect));

  const fits = (p: Position): boolean => {
    const card = cardAt(p);
    if (taken.meets(card, CARD_GAP)) return false;
    if (side === 'external') return !intersects(card, rect, CARD_GAP);
    const x = Math.min(content.minX, p.x) - BOUNDARY_PADDING;
    const y = Math.min(content.minY, p.y) - BOUNDARY_PADDING;
    const grown: Rect = {
      x,
      y,
      width: Math.max(BOUNDARY_MIN.width, Math.max(content.maxX, p.x + NODE_SIZE.width) + BOUNDARY_PADDING - x),
      height: Math.max(BOUNDARY_MIN.height, Math.max(content.maxY, p.y + NODE_SIZE.height) + BOUNDARY_PADDING - y),
    };
    // Inside, or just by the edge: the boundary grows by a card at most, never across empty space.
    const near = Math.abs(p.x + NODE_SIZE.width / 2 - (rect.x + rect.width / 2)) <= rect.width / 2 + NODE_SIZE.width / 2 + CARD_GAP &&
      Math.abs(p.y + NODE_SIZE.height / 2 - (rect.y + rect.height / 2)) <= rect.height / 2 + NODE_SIZE.height / 2 + CARD_GAP;
    return near && isInside(p, grown) && !outside.some((c) => intersects(c, grown, CARD_GAP));
  };

  const start = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (const p of around(start)) if (fits(p)) return p;
  // Nothing near: below every card on the chosen side.
  const bottom = Math.max(rect.y + rect.height, ...cards.map((c) => c.y + c.height));
  const below = { x: side === 'internal' ? rect.x + BOUNDARY_PADDING : rect.x + rect.width + 2 * CARD_GAP, y: bottom + 2 * CARD_GAP };
  return fits(below) ? below : { x: below.x, y: below.y + NODE_SIZE.height + CARD_GAP };
}

/**
 * Where a stakeholder goes when its side is changed from the inspector or the
 * keyboard: the free spot nearest to it just across the boundary, so the
 * canvas always agrees with the side.
 */
export function positionForSide(map: StakeMap, id: string, side: Side): Position {
  const rect = boundaryRect(map, new Set([id]));
  const current = map.stakeholders.find((s) => s.id === id)?.position;
  const { width: w, height: h } = NODE_SIZE;
  if (side === 'internal') {
    // Into the boundary, as little as possible (its lower left when the stakeholder has no place yet).
    const p = current ?? { x: rect.x, y: rect.y + rect.height };
    const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(Math.max(lo, hi), v));
    const wanted = {
      x: clamp(p.x, rect.x + BOUNDARY_PADDING, rect.x + rect.width - BOUNDARY_PADDING - w),
      y: clamp(p.y, rect.y + BOUNDARY_PADDING, rect.y + rect.height - BOUNDARY_PADDING - h),
    };
    return freeSpotNear(map, wanted, { side, exclude: id });
  }
  const p = current ?? { x: rect.x + rect.width, y: rect.y };
  // Out through the nearest edge of the boundary.
  const exits: Position[] = [
    { x: rect.x - w - 2 * CARD_GAP, y: p.y },
    { x: rect.x + rect.width + 2 * CARD_GAP, y: p.y },
    { x: p.x, y: rect.y - h - 2 * CARD_GAP },
    { x: p.x, y: rect.y + rect.height + 2 * CARD_GAP },
  ];
  exits.sort((a, b) => Math.hypot(a.x - p.x, a.y - p.y) - Math.hypot(b.x - p.x, b.y - p.y));
  return freeSpotNear(map, exits[0]!, { side, exclude: id });
}

/**
 * The side a dropped card takes: the other side only when its centre is
 * clearly across the boundary, otherwise the side it had (a drop on the edge
 * changes nothing).
 */
export function sideForDrop(position: Position, rect: Rect, current: Side): Side {
  const cx = position.x + NODE_SIZE.width / 2;
  const cy = position.y + NODE_SIZE.height / 2;
  // Positive inside, negative outside: how far the centre is from the nearest edge.
  const inside = Math.min(cx - rect.x, rect.x + rect.width - cx, cy - rect.y, rect.y + rect.height - cy);
  if (inside >= CLEAR_MARGIN) return 'internal';
  if (inside <= -CLEAR_MARGIN) return 'external';
  return current;
}

export interface Settled {
  readonly map: StakeMap;
  /** The stakeholders whose side the drop changed. */
  readonly crossed: readonly { readonly id: string; readonly side: Side }[];
}

/**
 * The end of a drag: each dropped stakeholder takes the side it was clearly
 * dropped on, and the free spot nearest to where it was let go, so a drop on
 * another card or across the boundary's edge never leaves things overlapping.
 * `rect` is the boundary as it stood without the dragged cards.
 */
export function settleDrop(map: StakeMap, ids: readonly string[], rect: Rect): Settled {
  let next = map;
  const crossed: { id: string; side: Side }[] = [];
  for (const id of ids) {
    const s = next.stakeholders.find((x) => x.id === id);
    if (!s?.position) continue;
    const side = sideForDrop(s.position, rect, s.side);
    if (side !== s.side) crossed.push({ id, side });
    // Placed as if it had this side already, so the boundary takes it in (or lets it go).
    const sided = side === s.side ? next : moveStakeholders(next, [{ id, position: s.position, side }]);
    const position = freeSpotNear(sided, s.position, { side, exclude: id });
    const move: Move = { id, position, side };
    next = moveStakeholders(next, [move]);
  }
  return { map: next, crossed };
}
