// Which part of a large map React Flow is given (Canvas.tsx): the cards and
// relations in a region around the view, not the whole map. React Flow's own
// culling (onlyRenderVisibleElements) looks at every node and edge on every
// frame of a pan and mounts and unmounts cards as they cross the edge of the
// view; at 5,000 stakeholders and 10,000 relations that was most of each
// frame. The region is larger than the view and changes only when the view
// nears its edge or is much smaller than it (zoomed in), so most frames of a
// pan change nothing, and one frame in many brings a strip of cards in. Pure.
import { NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Rect, type StakeMap } from '../domain';
import { segmentEnters } from '../drawing/shapes';

/** How far the region reaches past the view on each side, as a share of the view's size. */
export const REGION_MARGIN = 0.5;

export function regionAround(view: Rect, margin = REGION_MARGIN): Rect {
  return { x: view.x - view.width * margin, y: view.y - view.height * margin, width: view.width * (1 + 2 * margin), height: view.height * (1 + 2 * margin) };
}

/**
 * Whether `region` still serves `view`: the view is inside it, and not so
 * much smaller (zoomed in) that most of what the region holds is far away.
 */
export function serves(region: Rect | null, view: Rect, margin = REGION_MARGIN): boolean {
  if (!region) return false;
  const inside = view.x >= region.x && view.y >= region.y && view.x + view.width <= region.x + region.width && view.y + view.height <= region.y + region.height;
  return inside && view.width * (1 + 2 * margin) >= region.width / 1.5;
}

export interface Shown {
  readonly region: Rect;
  /** Stakeholders whose card reaches into the region. */
  readonly stakeholders: ReadonlySet<string>;
  /** Relations between two of those (or one of those and the organization, always shown): React Flow's edges. */
  readonly relations: ReadonlySet<string>;
  /**
   * Relations whose straight line crosses the region from a card
   * outside it: drawn as plain lines by the canvas (FarCanvas.tsx). React Flow
   * draws an edge only between nodes it holds, and the far ends of these would
   * be most of the map: on a generated map of 5,000 every region is crossed by
   * about 2,000 relations to the organization.
   */
  readonly through: ReadonlySet<string>;
}

const meets = (a: Rect, x0: number, y0: number, x1: number, y1: number) => x1 >= a.x && x0 <= a.x + a.width && y1 >= a.y && y0 <= a.y + a.height;

/** Whether the segment from `a` to `b` passes through `r` (not just along its edge). */
export function crosses(r: Rect, a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return segmentEnters(a, b, r) !== null;
}

/** What of `map` the region shows; lines are straight between card centres on maps this large (edgeLayout.ts). */
export function shownIn(map: StakeMap, region: Rect): Shown {
  const stakeholders = new Set<string>();
  const centres = new Map<string, { x: number; y: number }>();
  const org = orgPosition(map);
  centres.set(ORG_ID, { x: org.x + ORG_SIZE.width / 2, y: org.y + ORG_SIZE.height / 2 });
  for (const s of map.stakeholders) {
    const p = s.position ?? { x: 0, y: 0 };
    centres.set(s.id, { x: p.x + NODE_SIZE.width / 2, y: p.y + NODE_SIZE.height / 2 });
    if (meets(region, p.x, p.y, p.x + NODE_SIZE.width, p.y + NODE_SIZE.height)) stakeholders.add(s.id);
  }
  const relations = new Set<string>();
  const through = new Set<string>();
  const held = (id: string) => id === ORG_ID || stakeholders.has(id);
  for (const r of map.relations) {
    const a = centres.get(r.from);
    const b = centres.get(r.to);
    if (!a || !b || !meets(region, Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)) || !crosses(region, a, b)) continue;
    (held(r.from) && held(r.to) ? relations : through).add(r.id);
  }
  return { region, stakeholders, relations, through };
}

/** Whether two Shown hold the same ids (a drag makes a new one each frame; most are the same). */
export function sameShown(a: Shown | null, b: Shown): boolean {
  if (!a || a.region !== b.region) return false;
  const same = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...y].every((id) => x.has(id));
  return same(a.stakeholders, b.stakeholders) && same(a.relations, b.relations) && same(a.through, b.through);
}
