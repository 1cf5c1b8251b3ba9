// What an export draws, in canvas coordinates: the same boxes, boundary,
// routes and labels as the canvas (src/diagram/edges.ts), computed from the
// map alone. Pure.
import { boundaryRect, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, placeMissing, type Rect, type Relation, type StakeMap, type Stakeholder } from '../domain';
import { BOUNDARY_TAB, layoutEdges } from '../drawing/edges';
import type { Route } from '../drawing/routes';
import type { Box, Point } from '../drawing/shapes';
import { KIND_STYLE } from '../drawing/theme';

export { BOUNDARY_TAB, LABEL_PILL as PILL } from '../drawing/edges';
export const ARROW = { length: 11, halfWidth: 5.5 } as const;

export interface SceneEdge {
  readonly relation: Relation;
  /** From the source's border to the arrow's tip on the target's border. */
  readonly route: Route;
  /** Where the drawn line stops: just inside the arrowhead. */
  readonly lineEnd: Point;
  /** The arrow's tip, on the target's border. */
  readonly tip: Point;
  /** Unit vector of the direction the arrow points. */
  readonly dir: Point;
  /** The label's pill. */
  readonly label: Box;
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
  /** Card text drawn this many times its canvas size (card-text.ts): a slide draws a small map's names larger. 1 if absent. */
  readonly cardText?: number;
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

/** `card` draws the cards' text larger (a scale of CARD_TEXT) and the cards `grow` px taller, half above and half below: a slide's small map (slide-fit.ts). */
export function buildScene(input: StakeMap, showOrganization = true, card: { readonly text: number; readonly grow: number } = { text: 1, grow: 0 }): Scene {
  const map = placeMissing(input);
  const g = card.grow;
  const org: Box = { ...orgPosition(map), ...ORG_SIZE };
  const nodes = map.stakeholders.map((s) => {
    const box: Box = { x: s.position?.x ?? 0, y: (s.position?.y ?? 0) - g / 2, width: NODE_SIZE.width, height: NODE_SIZE.height + g };
    return { stakeholder: s, box };
  });
  const boundary = showOrganization ? boundaryRect(map) : null;
  const edges = sceneEdges(map, showOrganization, g);

  const b = new Bounds();
  if (boundary) {
    b.add(boundary.x, boundary.y - BOUNDARY_TAB.rise);
    b.add(boundary.x + boundary.width, boundary.y + boundary.height);
  }
  if (showOrganization) b.box({ ...org, y: org.y - g / 2, height: org.height + g });
  for (const n of nodes) b.box(n.box);
  for (const e of edges) {
    for (const p of e.route) b.add(p.x, p.y);
    b.box(e.label);
  }
  return { map, showOrganization, org: { ...org, y: org.y - g / 2, height: org.height + g }, boundary, nodes, edges, bounds: b.rect(), cardText: card.text };
}

function sceneEdges(map: StakeMap, showOrganization: boolean, grow: number): SceneEdge[] {
  return layoutEdges(map, { showOrganization, grow, text: (r) => KIND_STYLE[r.kind].verb }).map(({ relation, route, label }) => {
    const tip = route[route.length - 1]!;
    const from = route[route.length - 2] ?? tip;
    const len = Math.hypot(tip.x - from.x, tip.y - from.y);
    const dir = len > 0 ? { x: (tip.x - from.x) / len, y: (tip.y - from.y) / len } : { x: 0, y: 0 };
    const back = Math.min(ARROW.length * 0.7, len / 2);
    return { relation, route, lineEnd: { x: tip.x - dir.x * back, y: tip.y - dir.y * back }, tip, dir, label };
  });
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
