// A map drawn for the canvas is spread for a screen that pans, its names
// small against its cards' spacing: on a slide it is scaled down to fit
// whole, and its names shrink with it (a row of six cards, fitted above the
// legend, left names at 8.5 pt). For a slide, a map of up to a dozen
// stakeholders is drawn so that its names reach 14 pt, by these means in
// turn, each only as far as needed:
//   1. the names larger, the cards a little taller where names need it,
//      while every name shows whole;
//   2. the cards closer together, across or down, whichever holds the map's
//      scale back, each card kept where it was relative to the others
//      (nothing changes sides or order), as close as relations and their
//      labels allow;
//   3. if that is not enough, the map in lanes (the layout the app offers)
//      shaped for the slide, and 2 again.
// Only the slide's drawing changes: the map itself, and the map a picture
// carries, keep their own positions. Pure.
import { boundaryRect, CARD_TEXT, moveOrganization, moveStakeholders, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Rect, type StakeMap } from '../domain';
import { boxesMeet, segmentEnters } from '../drawing/shapes';
import { gridLanes } from '../layout/grid';
import { fromLaneLayout, toLaneGraph } from '../layout/lanes';
import { largestCardText, type CardFit } from './card-text';
import type { Palette } from './palette';
import { buildScene, type Scene } from './scene';
import { layoutSlide, MIN_NAME, type FindingsOnSlide, type SlideLayout } from './slide-layout';

/** Maps this small are drawn closer together on a slide; larger ones read best in parts (the dialog says so). */
export const CLOSER_UP_TO = 12;
/** The least room kept between two cards across and down: a relation and its label pass between them. */
export const CARD_GAP = { x: 48, y: 36 } as const;
/** The least room kept between the boundary and a card outside it (its tab rises above it). */
const BOUNDARY_GAP = 40;
/** Each step draws the cards this much closer along one axis. */
const STEP = 0.93;

/** Card text at most this many times its canvas size, the cards at most this much taller. */
const MOST_TEXT = 1.4;
const MOST_GROW = 36;

interface Squeeze {
  readonly x: number;
  readonly y: number;
}

/** The map with every card's centre moved `f` of the way it was from the organization's centre, axis by axis. */
export function squeezed(map: StakeMap, f: Squeeze): StakeMap {
  const org = orgPosition(map);
  const ox = org.x + ORG_SIZE.width / 2;
  const oy = org.y + ORG_SIZE.height / 2;
  return {
    ...map,
    stakeholders: map.stakeholders.map((s) => {
      if (!s.position) return s;
      const cx = s.position.x + NODE_SIZE.width / 2;
      const cy = s.position.y + NODE_SIZE.height / 2;
      return { ...s, position: { x: ox + (cx - ox) * f.x - NODE_SIZE.width / 2, y: oy + (cy - oy) * f.y - NODE_SIZE.height / 2 } };
    }),
  };
}

const grown = (b: Rect, x: number, y: number): Rect => ({ x: b.x - x / 2, y: b.y - y / 2, width: b.width + x, height: b.height + y });

/** The pairs of cards (and cards and boundary) too close together in `map`, as keys. */
function crowding(map: StakeMap, grow: number): Set<string> {
  const taller = (b: Rect): Rect => ({ ...b, y: b.y - grow / 2, height: b.height + grow });
  const cards: { id: string; box: Rect; outside: boolean }[] = [{ id: '', box: taller({ ...orgPosition(map), ...ORG_SIZE }), outside: false }];
  for (const s of map.stakeholders) if (s.position) cards.push({ id: s.id, box: taller({ ...s.position, ...NODE_SIZE }), outside: s.side !== 'internal' });
  const out = new Set<string>();
  const boundary = grown(boundaryRect(map), 2 * BOUNDARY_GAP, 2 * BOUNDARY_GAP);
  for (let i = 0; i < cards.length; i++) {
    const a = grown(cards[i]!.box, CARD_GAP.x, CARD_GAP.y);
    for (let j = i + 1; j < cards.length; j++) if (boxesMeet(a, cards[j]!.box)) out.add(`${cards[i]!.id}|${cards[j]!.id}`);
    if (cards[i]!.outside && boxesMeet(boundary, cards[i]!.box)) out.add(`${cards[i]!.id}|boundary`);
  }
  return out;
}

/** Shapes of the room a slide leaves the diagram: beside the legend, or above it. */
const LANE_SCREENS = [
  { width: 1272, height: 800 },
  { width: 1792, height: 480 },
] as const;

export interface Fitted {
  readonly scene: Scene;
  readonly layout: SlideLayout;
  /** How the slide drew the map to make its names larger: as the team drew it, closer together, or in lanes. */
  readonly arranged: 'as-drawn' | 'closer' | 'lanes';
}

const readable = (l: SlideLayout) => l.legibility.namePt >= MIN_NAME / 2;

/** How many relations pass under a card other than their own two: a slide draws no more of them than the map has. */
function underCards(scene: Scene): number {
  const cards = [...(scene.showOrganization ? [{ id: ORG_ID, box: scene.org }] : []), ...scene.nodes.map((n) => ({ id: n.stakeholder.id, box: n.box }))];
  let count = 0;
  for (const e of scene.edges) {
    for (const c of cards) {
      if (c.id === e.relation.from || c.id === e.relation.to) continue;
      if (e.route.some((q, i) => i > 0 && segmentEnters(e.route[i - 1]!, q, c.box) !== null)) count++;
    }
  }
  return count;
}

/** The scene to draw on the slide, and the slide laid out around it; its legibility says if the map is drawn otherwise than the team did. */
export function slideScene(scene: Scene, p: Palette, findings: FindingsOnSlide | boolean): Fitted {
  const fit = fitScene(scene, p, findings);
  if (fit.arranged === 'as-drawn') return fit;
  return { ...fit, layout: { ...fit.layout, legibility: { ...fit.layout.legibility, arranged: fit.arranged } } };
}

function fitScene(scene: Scene, p: Palette, findings: FindingsOnSlide | boolean): Fitted {
  const first = layoutSlide(scene, p, findings);
  const n = scene.map.stakeholders.length;
  if (n === 0 || n > CLOSER_UP_TO || readable(first)) return { scene, layout: first, arranged: 'as-drawn' };
  const names = [scene.map.organization.name, ...scene.map.stakeholders.map((s) => s.name)];
  const show = scene.showOrganization;
  const lay = (s: Scene) => layoutSlide(s, p, findings);
  const under = underCards(scene);
  const fitted = (map: StakeMap, card: CardFit, arranged: Fitted['arranged']): Fitted | null => {
    const s = buildScene(map, show, card);
    return underCards(s) > under ? null : { scene: s, layout: lay(s), arranged };
  };

  // 1. Larger names, as much as they need and the cards allow.
  const wanted = (MIN_NAME / 2 / first.legibility.namePt) * (scene.cardText ?? 1);
  const named = fitted(scene.map, largestCardText(names, Math.min(MOST_TEXT, wanted + 0.049), MOST_GROW), 'as-drawn');
  if (named && readable(named.layout)) return named;

  // 2. As large as they can be, and closer together.
  const card = largestCardText(names, MOST_TEXT, MOST_GROW);
  const larger = fitted(scene.map, card, 'as-drawn');
  let best: Fitted = { scene, layout: first, arranged: 'as-drawn' };
  if (larger) best = squeeze(larger, card, lay, under);
  if (readable(best.layout)) return best;

  // 3. In lanes shaped for the slide's room for the diagram (beside the legend, or above it), and closer.
  for (const screen of [best.layout.diagram.area, ...LANE_SCREENS]) {
    const result = fromLaneLayout(scene.map, gridLanes(toLaneGraph(scene.map), { width: screen.width, height: screen.height, readableZoom: (MIN_NAME + 1) / (CARD_TEXT.name * card.text) }));
    const laned = moveStakeholders(moveOrganization(scene.map, result.organization), result.stakeholders);
    const start = fitted(laned, card, 'lanes');
    if (!start) continue;
    const lanes = squeeze(start, card, lay, under);
    if (lanes.layout.legibility.namePt > best.layout.legibility.namePt + 1e-9) best = lanes;
    if (readable(best.layout)) break;
  }
  return best;
}

/** `from` drawn closer together, step by step, until its names read or its cards can come no closer: the best found. */
function squeeze(from: Fitted, card: CardFit, lay: (s: Scene) => SlideLayout, under: number): Fitted {
  const map = from.scene.map;
  // Cards the map already has too close together (drawn so by its team) are no reason to stop.
  const before = crowding(map, card.grow);
  let best = from;
  let layout = from.layout;
  let f: Squeeze = { x: 1, y: 1 };
  const stuck = { x: false, y: false };
  let misses = 0;
  for (let step = 0; step < 60 && !(stuck.x && stuck.y) && misses < 6 && !readable(best.layout); step++) {
    const { area, source } = layout.diagram;
    // Squeeze the axis that holds the map's scale back; once it can go no further, the other.
    const across = area.width / source.width <= area.height / source.height;
    const axis: 'x' | 'y' = (across && !stuck.x) || stuck.y ? 'x' : 'y';
    const next = { ...f, [axis]: f[axis] * STEP };
    const candidate = squeezed(map, next);
    let crowded = false;
    for (const pair of crowding(candidate, card.grow)) if (!before.has(pair)) crowded = true;
    const scene = crowded ? null : buildScene(candidate, from.scene.showOrganization, card);
    // Too close for a card's room, or for the relations to find their way around the cards.
    if (!scene || underCards(scene) > under) {
      stuck[axis] = true;
      continue;
    }
    f = next;
    layout = lay(scene);
    if (layout.legibility.namePt > best.layout.legibility.namePt + 1e-9) {
      best = { scene, layout, arranged: from.arranged === 'lanes' ? 'lanes' : 'closer' };
      misses = 0;
    } else misses++;
  }
  return best;
}
