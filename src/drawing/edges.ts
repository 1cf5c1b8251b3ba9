// Every relation of a map as drawn: its route around the cards and its
// label's box. The one computation behind the editor's edges and every
// export, so that what is exported is what was seen. Pure.
import { boundaryRect, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Relation, type StakeMap } from '../domain';
import { textWidth } from './textWidth';
import { LABEL_BUDGET, placeLabels, type LabelRequest } from './labels';
import { Obstacles, parallelOffsets, ROUTE_BUDGET, routeBetween, type Card, type Route } from './routes';
import type { Box } from './shapes';

/** A relation's label: a pill of bold text (and a dot when the relation has a note). */
export const LABEL_PILL = { font: 12, height: 20, padX: 8, noteDot: 6, noteGap: 5 } as const;
/** How far apart relations sharing a pair of cards run. */
export const PARALLEL_GAP = 26;
/** The "Inside …" tab on the boundary (as drawn by the canvas and the exports): labels keep off it. */
export const BOUNDARY_TAB = { height: 26, rise: 14, inset: 18, font: 13, padX: 12 } as const;

export function labelSize(text: string, hasNote: boolean): { width: number; height: number } {
  const dot = hasNote ? LABEL_PILL.noteGap + LABEL_PILL.noteDot : 0;
  return { width: Math.ceil(textWidth(text, LABEL_PILL.font, true) + dot) + 2 * LABEL_PILL.padX, height: LABEL_PILL.height };
}

export interface EdgeLayout {
  readonly relation: Relation;
  readonly route: Route;
  readonly label: Box;
}

export interface EdgeOptions {
  /** The words on a relation's label. */
  readonly text: (relation: Relation) => string;
  /** Whether the organization's card (and boundary) is drawn; its relations are left out when not. */
  readonly showOrganization?: boolean;
  /**
   * False: straight lines with their labels in the middle, whatever is under
   * them (the editor on a map of hundreds, where the full work would slow
   * every edit). True by default.
   */
  readonly avoid?: boolean;
  /**
   * While cards are dragged: the layout from before, kept for every relation
   * that touches none of the `moved` cards, so that only the dragged cards'
   * relations are worked out again on each frame.
   */
  readonly previous?: { readonly edges: ReadonlyMap<string, EdgeLayout>; readonly moved: ReadonlySet<string> };
  /** Cards this much taller than the canvas draws them (cardsOf). */
  readonly grow?: number;
}

/** The cards of the map as drawn: the organization's (if shown) and every placed stakeholder's; `grow` makes each taller, half above and half below (a slide's larger names). */
export function cardsOf(map: StakeMap, showOrganization = true, grow = 0): Card[] {
  const cards: Card[] = [];
  const taller = (c: Card): Card => (grow ? { ...c, y: c.y - grow / 2, height: c.height + grow } : c);
  if (showOrganization) cards.push(taller({ id: ORG_ID, ...orgPosition(map), ...ORG_SIZE }));
  for (const s of map.stakeholders) if (s.position) cards.push(taller({ id: s.id, ...s.position, ...NODE_SIZE }));
  return cards;
}

/** The boundary's tab, about as wide as its words. */
export function boundaryTab(map: StakeMap): Box {
  const rect = boundaryRect(map);
  const width = Math.min(rect.width - 2 * BOUNDARY_TAB.inset, textWidth(`Inside ${map.organization.name}`, BOUNDARY_TAB.font, true) + 2 * BOUNDARY_TAB.padX);
  return { x: rect.x + BOUNDARY_TAB.inset, y: rect.y - BOUNDARY_TAB.rise, width, height: BOUNDARY_TAB.height };
}

/** Each relation whose two ends are drawn, in file order (later ones are drawn over earlier ones). */
export function layoutEdges(map: StakeMap, options: EdgeOptions): EdgeLayout[] {
  const show = options.showOrganization ?? true;
  const avoid = options.avoid ?? true;
  const cards = cardsOf(map, show, options.grow ?? 0);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const relations = map.relations.filter((r) => byId.has(r.from) && byId.has(r.to) && r.from !== r.to);
  const prev = options.previous;
  const kept = (r: Relation): EdgeLayout | undefined => {
    const old = prev?.edges.get(r.id);
    return old && old.relation === r && !prev!.moved.has(r.from) && !prev!.moved.has(r.to) ? old : undefined;
  };
  // Without avoiding, routes are straight and labels sit in the middle: cards
  // to keep off would never be looked at, and indexing 5,000 of them took
  // most of each frame of a drag.
  const obstacles = new Obstacles(avoid ? cards : [], avoid ? ROUTE_BUDGET : 0);
  const offsets = parallelOffsets(relations, PARALLEL_GAP);
  const routes = relations.map((r) => kept(r)?.route ?? routeBetween(byId.get(r.from)!, byId.get(r.to)!, offsets.get(r.id) ?? 0, obstacles));
  // Labels kept count as taken; the others are placed around them.
  const keepOff: Box[] = !avoid ? [] : show ? [...cards, boundaryTab(map)] : [...cards];
  const requests: LabelRequest[] = [];
  relations.forEach((r, i) => {
    const old = kept(r);
    if (old && avoid) keepOff.push(old.label);
    else requests.push({ id: r.id, route: routes[i]!, ...labelSize(options.text(r), Boolean(r.note)) });
  });
  const labels = placeLabels(requests, keepOff, avoid ? LABEL_BUDGET : 0);
  return relations.map((relation, i) => kept(relation) ?? { relation, route: routes[i]!, label: labels.get(relation.id)! });
}
