// The one drawing of a map that every export starts from: a pure function
// from a scene to SVG text. Text is text, shapes are shapes, and every word
// from the map goes through escapeXml. Only presentation attributes are used
// (no CSS, no markers, no clip paths, no dominant-baseline), because that is
// what PowerPoint and Keynote read reliably.
import type { Kind, Label } from '../domain';
import { cardTextAt, TEXT_LEFT, TEXT_RIGHT, type CardText } from './card-text';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import { routePath } from '../drawing/routes';
import type { Box, Point } from '../drawing/shapes';
import { glyph, r } from './glyphs';
import { paletteFor, type Background, type Palette } from './palette';
import { ARROW, BOUNDARY_TAB, PILL, type Scene, type SceneEdge } from './scene';
import { svgMetadata } from './svg-embed';
import { escapeXml, fitLine, FONT_ATTR, FONT_FAMILY, textWidth, wrapText } from './text';

export interface SvgDocument {
  readonly svg: string;
  /** Size in px at 1x. */
  readonly width: number;
  readonly height: number;
}

export interface DiagramOptions {
  readonly background: Background;
  /** Written as the width and height in px: the SVG's natural size is `scale` times its layout size. */
  readonly scale?: number;
  readonly padding?: number;
  /** serializeMap JSON to carry in <metadata>; omitted when null or absent. */
  readonly embed?: string | null;
  readonly title: string;
}

const TAG_SPACING = 0.6;
export const DEFAULT_PADDING = 40;

/** Vertical offset from a line's middle to its baseline, for Arial. */
export const baselineShift = (size: number): number => size * 0.36;

export function svgDocument(width: number, height: number, viewBox: string, body: string, o: DiagramOptions & { desc: string }): string {
  const scale = o.scale ?? 1;
  const palette = paletteFor(o.background);
  const bg = palette.background ? `<rect x="${viewBox.split(' ')[0]}" y="${viewBox.split(' ')[1]}" width="${r(width)}" height="${r(height)}" fill="${palette.background}"/>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${r(width * scale)}" height="${r(height * scale)}" ` +
    `viewBox="${viewBox}" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title>${escapeXml(o.title)}</title><desc>${escapeXml(o.desc)}</desc>` +
    (o.embed ? svgMetadata(o.embed) : '') +
    bg +
    body +
    '</svg>'
  );
}

/** The diagram alone, padded evenly on every side. */
export function diagramSvg(scene: Scene, o: DiagramOptions): SvgDocument {
  const pad = o.padding ?? DEFAULT_PADDING;
  const b = scene.bounds;
  const width = Math.ceil(b.width + 2 * pad);
  const height = Math.ceil(b.height + 2 * pad);
  // Centre the drawing in the rounded-up size, so padding stays even.
  const x = b.x - (width - b.width) / 2;
  const y = b.y - (height - b.height) / 2;
  const viewBox = `${r(x)} ${r(y)} ${width} ${height}`;
  const body = drawScene(scene, paletteFor(o.background));
  return { svg: svgDocument(width, height, viewBox, body, { ...o, desc: describeScene(scene) }), width, height };
}

export function describeScene(scene: Scene): string {
  const n = scene.nodes.length;
  const m = scene.edges.length;
  return `Stakeholder map of ${scene.map.organization.name}: ${n} stakeholder${n === 1 ? '' : 's'}, ${m} relation${m === 1 ? '' : 's'}.`;
}

/** Every element of the scene, in canvas coordinates: boundary, edges, edge labels, then cards. */
export function drawScene(scene: Scene, p: Palette): string {
  const out: string[] = [];
  if (scene.boundary) out.push(drawBoundary(scene.boundary, scene.map.organization.name, p));
  out.push('<g data-layer="relations">');
  for (const e of scene.edges) out.push(drawEdge(e, p));
  out.push('</g><g data-layer="relation-labels">');
  for (const e of scene.edges) out.push(drawPill(e, p));
  out.push('</g><g data-layer="parties">');
  if (scene.showOrganization) out.push(drawOrganization(scene.org, scene.map.organization.name, p, cardTextAt(scene.cardText, scene.org.height)));
  for (const n of scene.nodes) out.push(drawStakeholder(n.box, n.stakeholder.id, n.stakeholder.name, n.stakeholder.label, cardTextAt(scene.cardText, n.box.height)));
  out.push('</g>');
  return out.join('');
}

function drawBoundary(b: Box, orgName: string, p: Palette): string {
  const tabText = fitLine(`Inside ${orgName}`, Math.max(40, b.width - 2 * BOUNDARY_TAB.inset - 24), 13, true);
  const tabW = textWidth(tabText, 13, true) + 24;
  const tx = b.x + BOUNDARY_TAB.inset;
  const ty = b.y - BOUNDARY_TAB.rise;
  return (
    `<g data-boundary="us"><rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" rx="22" ` +
    `fill="${p.boundaryFill}"${p.boundaryFillOpacity < 1 ? ` fill-opacity="${p.boundaryFillOpacity}"` : ''} stroke="${p.boundaryStroke}" stroke-width="2" stroke-dasharray="8 6"/>` +
    `<rect x="${r(tx)}" y="${r(ty)}" width="${r(tabW)}" height="${BOUNDARY_TAB.height}" rx="13" fill="${p.chip}" ` +
    `stroke="${p.boundaryStroke}" stroke-width="2" stroke-dasharray="6 4"/>` +
    `<text${FONT_ATTR} x="${r(tx + 12)}" y="${r(ty + BOUNDARY_TAB.height / 2 + baselineShift(13))}" font-size="13" font-weight="700" fill="${p.boundaryText}">${escapeXml(tabText)}</text></g>`
  );
}

export function arrowHead(tip: Point, dir: Point, scale = 1): string {
  const len = ARROW.length * scale;
  const hw = ARROW.halfWidth * scale;
  const bx = tip.x - dir.x * len;
  const by = tip.y - dir.y * len;
  return `M ${r(tip.x)},${r(tip.y)} L ${r(bx - dir.y * hw)},${r(by + dir.x * hw)} L ${r(bx + dir.y * hw)},${r(by - dir.x * hw)} Z`;
}

/** A kind's stroke; `scale` scales its width and dashes alike (a slide's legend drawn as its diagram is). */
export function strokeAttrs(kind: Kind, color: string, widthScale = 1, dashScale = 1): string {
  const k = KIND_STYLE[kind];
  const dash = k.dash && dashScale !== 1 ? k.dash.split(' ').map((n) => r(Number(n) * dashScale)).join(' ') : k.dash;
  return `stroke="${color}" stroke-width="${r(k.width * widthScale)}"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
}

function drawEdge(e: SceneEdge, p: Palette): string {
  const kind = e.relation.kind;
  const color = p.kind(kind);
  const d = routePath(e.route, e.lineEnd);
  const id = escapeXml(e.relation.id);
  const arrow = e.dir.x === 0 && e.dir.y === 0 ? '' : `<path d="${arrowHead(e.tip, e.dir)}" fill="${color}"/>`;
  return `<g data-relation="${id}" data-kind="${kind}"><path d="${d}" fill="none" ${strokeAttrs(kind, color)}/>${arrow}</g>`;
}

function drawPill(e: SceneEdge, p: Palette): string {
  const color = p.kind(e.relation.kind);
  const verb = KIND_STYLE[e.relation.kind].verb;
  const { x, y, width, height } = e.label;
  const cy = y + height / 2;
  const dot = e.relation.note ? `<circle cx="${r(x + width - PILL.padX - PILL.noteDot / 2)}" cy="${r(cy)}" r="${PILL.noteDot / 2}" fill="${color}"/>` : '';
  return (
    `<g data-relation-label="${escapeXml(e.relation.id)}"><rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${height}" ` +
    `rx="${height / 2}" fill="${p.chip}" stroke="${color}" stroke-width="1.5"/>` +
    `<text${FONT_ATTR} x="${r(x + PILL.padX)}" y="${r(cy + baselineShift(PILL.font))}" font-size="${PILL.font}" font-weight="700" fill="${color}">${escapeXml(verb)}</text>${dot}</g>`
  );
}

/**
 * The name (up to three lines, broken between words) above a line with the
 * label's icon and its tag, centred as a block on the card.
 */
function cardText(b: Box, h: number, maxWidth: number, name: string, tag: string, icon: Label | 'organization', nameColor: string, tagColor: string, t: CardText): string {
  const x = b.x + TEXT_LEFT;
  const lines = wrapText(name, maxWidth, t.name, true, t.nameLines);
  const blockH = lines.length * t.nameLine + t.tagLine;
  let y = b.y + h / 2 - blockH / 2;
  let out = '';
  for (const line of lines) {
    out += `<text${FONT_ATTR} x="${r(x)}" y="${r(y + t.nameLine / 2 + baselineShift(t.name))}" font-size="${r(t.name)}" font-weight="700" fill="${nameColor}">${escapeXml(line)}</text>`;
    y += t.nameLine;
  }
  const iconSize = t.tagLine;
  out += glyph(icon, x, y, iconSize, tagColor);
  const tagX = x + iconSize + 4;
  const tagText = fitLine(tag.toUpperCase(), maxWidth - iconSize - 4 - TAG_SPACING * tag.length, t.tag, true);
  out += `<text${FONT_ATTR} x="${r(tagX)}" y="${r(y + t.tagLine / 2 + baselineShift(t.tag))}" font-size="${r(t.tag)}" font-weight="700" letter-spacing="${TAG_SPACING}" fill="${tagColor}">${escapeXml(tagText)}</text>`;
  return out;
}

function drawStakeholder(b: Box, id: string, name: string, label: Label, t: CardText): string {
  const s = LABEL_STYLE[label];
  const { width: w, height: h } = b;
  const left = b.x + 2;
  const right = b.x + 8;
  const stripe = `M ${r(right)},${r(b.y + 2)} V ${r(b.y + h - 2)} A 6 8 0 0 1 ${r(left)},${r(b.y + h - 10)} V ${r(b.y + 10)} A 6 8 0 0 1 ${r(right)},${r(b.y + 2)} Z`;
  return (
    `<g data-stakeholder="${escapeXml(id)}" data-label="${label}">` +
    `<rect x="${r(b.x + 1)}" y="${r(b.y + 1)}" width="${w - 2}" height="${h - 2}" rx="10" fill="${s.tint}" stroke="${s.color}" stroke-width="2"/>` +
    `<path d="${stripe}" fill="${s.color}"/>` +
    cardText(b, h, w - TEXT_LEFT - TEXT_RIGHT, name, s.title, label, '#17212b', s.color, t) +
    '</g>'
  );
}

function drawOrganization(b: Box, name: string, p: Palette, t: CardText): string {
  const { width: w, height: h } = b;
  return (
    `<g data-organization="us">` +
    `<rect x="${r(b.x + 1)}" y="${r(b.y + 1)}" width="${w - 2}" height="${h - 2}" rx="10" fill="${p.orgFill}" stroke="${p.orgStroke}" stroke-width="2"/>` +
    cardText(b, h, w - TEXT_LEFT - TEXT_RIGHT, name, 'Us', 'organization', '#ffffff', p.accent, t) +
    '</g>'
  );
}
