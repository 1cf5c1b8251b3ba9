// What an export draws, in canvas coordinates: the same boxes, boundary and
// floating edges as the canvas (src/canvas/floating.ts), computed from the
// map alone. Pure.
import {
  boundaryRect,
  NODE_SIZE,
  ORG_ID,
  ORG_SIZE,
  orgPosition,
  placeMissing,
  type Rect,
  type Relation,
  type StakeMap,
  type Stakeholder,
} from '../domain';
import { edgeGeometry, type Box, type Point } from '../drawing/floating';
import { KIND_STYLE } from '../drawing/theme';
import { textWidth } from './text';

/** As in src/canvas/adapter.ts: parallel relations between one pair fan out by this much. */
const PARALLEL_GAP = 34;
export const ARROW = { length: 11, halfWidth: 5.5 } as const;
export const PILL = { size: 11, height: 19, padX: 8 } as const;
/** The "Inside …" tab on the boundary's top edge sticks out this far. */
export const BOUNDARY_TAB = { height: 26, rise: 14, inset: 18 } as const;

export interface SceneEdge {
  readonly relation: Relation;
  readonly start: Point;
  /** Where the drawn line stops: just inside the arrowhead. */
  readonly lineEnd: Point;
  /** The arrow's tip, on the target's border. */
  readonly tip: Point;
  readonly control: Point | null;
  /** Unit vector of the direction the arrow points. */
  readonly dir: Point;
  readonly label: Point;
  readonly labelWidth: number;
}

export interface Scene {
  /** The map drawn: the whole map, or the part chosen (always a valid map). */
  readonly map: StakeMap;
  readonly showOrganization: boolean;
  readonly org: Box;
  readonly boundary: Rect | null;
  readonly nodes: readonly { readonly stakeholder: Stakeholder; readonly box: Box }[];
  readonly edges: readonly SceneEdge[];
  /** Everything drawn, without padding. */
  readonly bounds: Rect;
}

export interface Part {
  readonly stakeholders: readonly string[];
  readonly relations: readonly string[];
  readonly organization: boolean;
}

/**
 * The part of the map a selection picks: the selected stakeholders, the
 * organization if selected, the ends of selected relations, and every
 * relation between them. Returns the map itself when nothing is selected.
 */
export function partOf(map: StakeMap, part: Part): { map: StakeMap; showOrganization: boolean } {
  const parties = new Set<string>(part.stakeholders);
  if (part.organization) parties.add(ORG_ID);
  const chosen = new Set(part.relations);
  for (const r of map.relations) {
    if (chosen.has(r.id)) {
      parties.add(r.from);
      parties.add(r.to);
    }
  }
  if (parties.size === 0) return { map, showOrganization: true };
  return {
    map: {
      ...map,
      stakeholders: map.stakeholders.filter((s) => parties.has(s.id)),
      relations: map.relations.filter((r) => parties.has(r.from) && parties.has(r.to)),
    },
    showOrganization: parties.has(ORG_ID),
  };
}

export function labelWidth(verb: string): number {
  return Math.ceil(textWidth(verb, PILL.size, true)) + 2 * PILL.padX;
}

export function buildScene(input: StakeMap, showOrganization = true): Scene {
  const map = placeMissing(input);
  const org: Box = { ...orgPosition(map), ...ORG_SIZE };
  const boxes = new Map<string, Box>();
  if (showOrganization) boxes.set(ORG_ID, org);
  const nodes = map.stakeholders.map((s) => {
    const box: Box = { x: s.position?.x ?? 0, y: s.position?.y ?? 0, ...NODE_SIZE };
    boxes.set(s.id, box);
    return { stakeholder: s, box };
  });
  const boundary = showOrganization ? boundaryRect(map) : null;
  const edges = sceneEdges(map, boxes);

  const b = new Bounds();
  if (boundary) {
    b.add(boundary.x, boundary.y - BOUNDARY_TAB.rise);
    b.add(boundary.x + boundary.width, boundary.y + boundary.height);
  }
  if (showOrganization) b.box(org);
  for (const n of nodes) b.box(n.box);
  for (const e of edges) {
    b.add(e.start.x, e.start.y);
    b.add(e.tip.x, e.tip.y);
    if (e.control) b.add((e.start.x + 2 * e.control.x + e.tip.x) / 4, (e.start.y + 2 * e.control.y + e.tip.y) / 4);
    b.box({ x: e.label.x - e.labelWidth / 2, y: e.label.y - PILL.height / 2, width: e.labelWidth, height: PILL.height });
  }
  return { map, showOrganization, org, boundary, nodes, edges, bounds: b.rect() };
}

function sceneEdges(map: StakeMap, boxes: ReadonlyMap<string, Box>): SceneEdge[] {
  const pairs = new Map<string, Relation[]>();
  for (const r of map.relations) {
    if (!boxes.has(r.from) || !boxes.has(r.to)) continue;
    const key = r.from < r.to ? `${r.from}|${r.to}` : `${r.to}|${r.from}`;
    const list = pairs.get(key);
    if (list) list.push(r);
    else pairs.set(key, [r]);
  }
  const offsets = new Map<string, number>();
  for (const list of pairs.values()) {
    list.forEach((r, i) => {
      const canonical = (i - (list.length - 1) / 2) * PARALLEL_GAP;
      offsets.set(r.id, r.from < r.to ? canonical : -canonical);
    });
  }
  const edges: SceneEdge[] = [];
  // File order, so that later relations are drawn over earlier ones as on the canvas.
  for (const r of map.relations) {
    const offset = offsets.get(r.id);
    if (offset === undefined) continue;
    edges.push(edgeOf(r, boxes.get(r.from)!, boxes.get(r.to)!, offset));
  }
  return edges;
}

const NUMBERS = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

function edgeOf(relation: Relation, from: Box, to: Box, offset: number): SceneEdge {
  const g = edgeGeometry(from, to, offset);
  const n = (g.path.match(NUMBERS) ?? []).map(Number);
  const start = { x: n[0] ?? 0, y: n[1] ?? 0 };
  const curved = n.length >= 6;
  const control = curved ? { x: n[2]!, y: n[3]! } : null;
  const tip = curved ? { x: n[4]!, y: n[5]! } : { x: n[2] ?? start.x, y: n[3] ?? start.y };
  const from2 = control ?? start;
  const len = Math.hypot(tip.x - from2.x, tip.y - from2.y);
  const dir = len > 0 ? { x: (tip.x - from2.x) / len, y: (tip.y - from2.y) / len } : { x: 0, y: 0 };
  const back = Math.min(ARROW.length * 0.7, len / 2);
  const lineEnd = { x: tip.x - dir.x * back, y: tip.y - dir.y * back };
  return {
    relation,
    start,
    lineEnd,
    tip,
    control,
    dir,
    label: { x: g.labelX, y: g.labelY },
    labelWidth: labelWidth(KIND_STYLE[relation.kind].verb),
  };
}

class Bounds {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;
  add(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x);
    this.maxY = Math.max(this.maxY, y);
  }
  box(b: Box): void {
    this.add(b.x, b.y);
    this.add(b.x + b.width, b.y + b.height);
  }
  rect(): Rect {
    if (this.minX > this.maxX) return { x: 0, y: 0, width: NODE_SIZE.width, height: NODE_SIZE.height };
    return { x: this.minX, y: this.minY, width: this.maxX - this.minX, height: this.maxY - this.minY };
  }
}
