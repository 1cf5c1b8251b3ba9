// The diagram as PowerPoint shapes a leader can edit: each stakeholder a
// rounded rectangle holding its name as real text, each relation a connector
// glued to its two cards with an arrowhead, and its label on it, the
// boundary a shape; cards and boundary where the exported picture draws them
// (scene.ts), relations straight between the cards' facing sides, as slide
// apps lay out glued connectors.
// pptxgenjs writes no connectors: each relation is written as a stand-in that
// pptx-connectors.ts turns into one once the deck is written.
import type PptxGenJS from 'pptxgenjs';
import { ORG_ID, type Kind, type Rect } from '../domain';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import type { Point } from '../drawing/shapes';
import type { Palette } from './palette';
import { BOUNDARY_TAB, PILL, type Scene } from './scene';
import { SLIDE } from './slide-layout';
import { cardTextAt } from './card-text';
import { cardMarker, facingSites, relationMarker, sitePoint, type Glue } from './pptx-connectors';
import { boundaryTab } from '../drawing/edges';
import { placeLabels } from '../drawing/labels';
import { drawable, oneLine } from './text';

/** Inches per slide px, and points per slide px (a 13.333-inch slide 1920 px wide). */
export const IN = 13.333 / SLIDE.width;
export const PT = IN * 72;
export const hex = (color: string) => color.replace('#', '').toUpperCase();
/** pptxgenjs writes free shapes (custGeom) though its types leave the name out. */
export const FREEFORM = 'custGeom' as PptxGenJS.SHAPE_NAME;

export type Dash = 'solid' | 'dash' | 'dashDot' | 'lgDash' | 'lgDashDot' | 'lgDashDotDot' | 'sysDash' | 'sysDot';
/** PowerPoint's nearest preset to each kind's dash pattern (legend samples use the same). */
export const DASH: Record<Kind, Dash> = {
  offering: 'solid',
  serves: 'solid',
  supply: 'lgDashDot',
  money: 'dash',
  advice: 'sysDot',
  support: 'lgDashDotDot',
  referral: 'lgDash',
  insight: 'sysDot',
};

export interface Placement {
  readonly placed: Rect;
  readonly source: Rect;
  readonly scale: number;
}

/** Draws `scene` as shapes on `slide`, scene coordinates mapped by `at`. Returns what glueConnectors needs to make the relations connectors. */
export function addDiagram(slide: PptxGenJS.Slide, scene: Scene, at: Placement, p: Palette): Glue {
  const k = at.scale;
  const X = (x: number) => (at.placed.x + (x - at.source.x) * k) * IN;
  const Y = (y: number) => (at.placed.y + (y - at.source.y) * k) * IN;
  const L = (n: number) => n * k * IN;
  const pt = (px: number) => Math.max(1, Math.round(px * k * PT * 2) / 2);
  // pptxgenjs margins are in points, in the order left, right, bottom, top.
  const font = { fontFace: 'Arial', margin: 0 } as const;

  if (scene.boundary) {
    const b = scene.boundary;
    slide.addShape('roundRect', {
      x: X(b.x), y: Y(b.y), w: L(b.width), h: L(b.height), rectRadius: L(22),
      fill: { color: hex(p.boundaryFill), transparency: Math.round((1 - p.boundaryFillOpacity) * 100) },
      line: { color: hex(p.boundaryStroke), width: 2 * k * PT, dashType: 'dash' },
      objectName: 'Boundary',
    });
    const name = `Inside ${oneLine(drawable(scene.map.organization.name))}`;
    slide.addText(name, {
      shape: 'roundRect', x: X(b.x + BOUNDARY_TAB.inset), y: Y(b.y - BOUNDARY_TAB.rise),
      w: Math.min(L(b.width - 2 * BOUNDARY_TAB.inset), L(name.length * BOUNDARY_TAB.font * 0.62 + 24)), h: L(BOUNDARY_TAB.height), rectRadius: L(13),
      fill: { color: hex(p.chip) }, line: { color: hex(p.boundaryStroke), width: 2 * k * PT, dashType: 'dash' },
      ...font, fontSize: pt(BOUNDARY_TAB.font), bold: true, color: hex(p.boundaryText), margin: [L(12) * 72, L(12) * 72, 0, 0], valign: 'middle', fit: 'shrink',
      objectName: 'Boundary name',
    });
  }

  // Each card's box as drawn (a pixel inside the scene's) and marker, by stakeholder id (the organization's too).
  const boxes = new Map<string, { box: Rect; marker: string }>();
  const drawn = (b: Rect): Rect => ({ x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 });
  if (scene.showOrganization) boxes.set(ORG_ID, { box: drawn(scene.org), marker: cardMarker(0) });
  scene.nodes.forEach((n, i) => boxes.set(n.stakeholder.id, { box: drawn(n.box), marker: cardMarker(i + 1) }));
  // Each relation straight between the sites of its cards that face each other (pptx-connectors.ts), its label placed on that line.
  const lines = scene.edges.map((e) => {
    const from = boxes.get(e.relation.from)!;
    const to = boxes.get(e.relation.to)!;
    const [startSite, endSite] = facingSites(from.box, to.box);
    return { e, from, to, startSite, endSite, first: sitePoint(from.box, startSite), last: sitePoint(to.box, endSite) };
  });
  const keepOff: Rect[] = [...[...boxes.values()].map((c) => c.box), ...(scene.boundary ? [boundaryTab(scene.map)] : [])];
  const labels = placeLabels(lines.map((l) => ({ id: l.e.relation.id, route: [l.first, l.last], width: l.e.label.width, height: l.e.label.height })), keepOff);
  const glue: Glue = { cards: new Map(), connectors: new Map() };
  lines.forEach(({ e, from, to, startSite, endSite, first, last }, i) => {
    const marker = relationMarker(i);
    // The stand-in: any shape will do, it is replaced whole.
    slide.addShape('line', { x: X(first.x), y: Y(first.y), w: 0.01, h: 0.01, objectName: marker });
    glue.connectors.set(marker, {
      name: `Relation: ${KIND_STYLE[e.relation.kind].verb}`,
      from: from.marker,
      to: to.marker,
      start: { x: X(first.x), y: Y(first.y) },
      end: { x: X(last.x), y: Y(last.y) },
      startSite,
      endSite,
      color: hex(p.kind(e.relation.kind)),
      width: KIND_STYLE[e.relation.kind].width * k * PT,
      dash: DASH[e.relation.kind],
    });
  });
  for (const e of scene.edges) {
    const color = hex(p.kind(e.relation.kind));
    const at = labels.get(e.relation.id) ?? e.label;
    slide.addText(KIND_STYLE[e.relation.kind].verb, {
      shape: 'roundRect', x: X(at.x), y: Y(at.y), w: L(at.width), h: L(at.height), rectRadius: L(at.height / 2),
      fill: { color: hex(p.chip) }, line: { color, width: 1.5 * k * PT },
      ...font, fontSize: pt(PILL.font), bold: true, color, align: 'center', valign: 'middle', fit: 'none',
      objectName: 'Relation label',
    });
  }

  const text = cardTextAt(scene.cardText);
  const card = (x: number, y: number, w: number, h: number, name: string, tag: string, fill: string, stroke: string, nameColor: string, tagColor: string, objectName: string, marker: string) => {
    glue.cards.set(marker, objectName);
    slide.addText(
      [
        { text: oneLine(drawable(name)), options: { bold: true, color: nameColor, fontSize: pt(text.name), breakLine: true } },
        { text: tag.toUpperCase(), options: { bold: true, color: tagColor, fontSize: pt(text.tag), charSpacing: 0.5 } },
      ],
      {
        shape: 'roundRect', x: X(x + 1), y: Y(y + 1), w: L(w - 2), h: L(h - 2), rectRadius: L(10),
        fill: { color: fill }, line: { color: stroke, width: 2 * k * PT },
        ...font, margin: [L(14) * 72, L(10) * 72, 0, 0], valign: 'middle', fit: 'shrink', objectName: marker,
      },
    );
  };
  if (scene.showOrganization) {
    card(scene.org.x, scene.org.y, scene.org.width, scene.org.height, scene.map.organization.name, 'Us', hex(p.orgFill), hex(p.orgStroke), 'FFFFFF', hex(p.accent), 'Organization', cardMarker(0));
  }
  scene.nodes.forEach((n, i) => {
    const s = LABEL_STYLE[n.stakeholder.label];
    card(n.box.x, n.box.y, n.box.width, n.box.height, n.stakeholder.name, s.title, hex(s.tint), hex(s.color), '17212B', hex(s.color), `Stakeholder: ${s.title}`, cardMarker(i + 1));
  });
  return glue;
}

/** One freeform line through `pts` (inches on the slide). */
export function addLine(slide: PptxGenJS.Slide, pts: readonly Point[], line: PptxGenJS.ShapeLineProps, objectName: string): void {
  const xs = pts.map((q) => q.x);
  const ys = pts.map((q) => q.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  // A straight line still gets a box with some size: some apps drop a shape of zero width or height.
  const w = Math.max(Math.max(...xs) - x, 0.01);
  const h = Math.max(Math.max(...ys) - y, 0.01);
  slide.addShape(FREEFORM, { x, y, w, h, points: pts.map((q, i) => ({ x: q.x - x, y: q.y - y, ...(i === 0 ? { moveTo: true } : {}) })), line, objectName });
}
