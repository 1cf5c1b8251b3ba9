// A 16:9 slide around the diagram: title, the diagram fitted, and a legend of
// the labels and relation kinds the map uses, the map's definition of
// customer and, if asked, a summary of the findings. The legend sits in a
// panel on the right, or in a band below when the diagram is wide and flat
// (whichever shows the diagram larger). Laid out once as plain blocks, which
// slide.ts draws as SVG and pptx.ts as PowerPoint shapes, so the two agree. Pure.
import { DEFINITION_INFO, definitionOf, type Kind, type Label, type Rect, type StakeMap } from '../domain';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import { lighten, type Palette } from './palette';
import type { Scene } from './scene';
import { countsPhrase, legendOf, SEVERITY_COLOR, summarizeFindings } from './findings';
import { fitLine, wrapText } from './text';

export const SLIDE = { width: 1920, height: 1080 } as const;
const M = 72;
const PAD = 28;
const TOP = 236;
const BOTTOM = SLIDE.height - 80;
const PANEL_W = 480;
const BAND_H = 270;
const GAP = 40;

export interface TextBlock {
  readonly t: 'text';
  readonly x: number;
  /** Top of the first line. */
  readonly y: number;
  readonly w: number;
  readonly lines: readonly string[];
  readonly size: number;
  readonly lineHeight: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly caps?: boolean;
  readonly color: string;
}
export type Block =
  | TextBlock
  | { readonly t: 'panel'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string; readonly stroke: string }
  | { readonly t: 'bar'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string }
  | { readonly t: 'swatch'; readonly x: number; readonly y: number; readonly label: Label }
  | { readonly t: 'kind'; readonly x: number; readonly y: number; readonly w: number; readonly kind: Kind; readonly color: string }
  | { readonly t: 'dot'; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: string };

export interface SlideLayout {
  readonly width: number;
  readonly height: number;
  readonly arrangement: 'panel' | 'band';
  readonly blocks: readonly Block[];
  /** Where the diagram goes: `placed` on the slide shows `source` (scene coordinates) at `scale`. */
  readonly diagram: { readonly area: Rect; readonly placed: Rect; readonly source: Rect; readonly scale: number };
  readonly legend: { readonly labels: readonly Label[]; readonly kinds: readonly Kind[] };
}

export const SWATCH = { w: 34, h: 24 } as const;

/** A column of the legend: blocks go in from `y` down, never past `limit`. */
class Column {
  constructor(
    readonly blocks: Block[],
    readonly x: number,
    readonly w: number,
    public y: number,
    readonly limit: number,
  ) {}
  text(lines: string[], size: number, color: string, extra: Partial<TextBlock> = {}, x = this.x, w = this.w): void {
    const lineHeight = extra.lineHeight ?? Math.round(size * 1.3);
    if (lines.length === 0) return;
    this.blocks.push({ t: 'text', x, y: this.y, w, lines, size, lineHeight, color, ...extra });
    this.y += lines.length * lineHeight;
  }
  room(lineHeight: number): number {
    return Math.max(0, Math.floor((this.limit - this.y) / lineHeight));
  }
  heading(words: string, p: Palette): void {
    this.text([words], 14, p.inkSoft, { bold: true, caps: true, lineHeight: 20 });
    this.y += 10;
  }
}

function labelsSection(c: Column, labels: readonly Label[], p: Palette): void {
  c.heading('Stakeholders', p);
  const colW = c.w / 2;
  labels.forEach((label, i) => {
    const x = c.x + (i % 2) * colW;
    const y = c.y + Math.floor(i / 2) * 34;
    c.blocks.push({ t: 'swatch', x, y, label });
    c.blocks.push({ t: 'text', x: x + SWATCH.w + 10, y: y + 1, w: colW - SWATCH.w - 14, lines: [LABEL_STYLE[label].title], size: 18, lineHeight: 22, color: p.ink });
  });
  c.y += Math.ceil(labels.length / 2) * 34 + 14;
}

function kindsSection(c: Column, kinds: readonly Kind[], p: Palette, twoColumns: boolean): void {
  c.heading('Relations', p);
  const two = twoColumns && kinds.length > 1;
  const cw = two ? c.w / 2 : c.w;
  kinds.forEach((kind, i) => {
    const x = c.x + (two ? (i % 2) * cw : 0);
    const y = c.y + (two ? Math.floor(i / 2) : i) * 30;
    c.blocks.push({ t: 'kind', x, y: y + 11, w: 44, kind, color: p.kind(kind) });
    const words = kind === 'serves' && two ? 'Serves' : KIND_STYLE[kind].title;
    c.blocks.push({ t: 'text', x: x + 56, y, w: cw - 60, lines: [fitLine(words, cw - 60, 18, false)], size: 18, lineHeight: 22, color: p.ink });
  });
  c.y += (two ? Math.ceil(kinds.length / 2) : kinds.length) * 30 + 14;
}

function definitionSection(c: Column, map: StakeMap, p: Palette): void {
  const def = DEFINITION_INFO[definitionOf(map)];
  c.heading('Our definition of a customer', p);
  c.text(wrapText(def.name, c.w, 19, true, Math.min(2, c.room(25))), 19, p.ink, { bold: true, lineHeight: 25 });
  c.y += 4;
  c.text(wrapText(def.statement, c.w, 16, false, Math.min(4, c.room(22))), 16, p.inkSoft, { lineHeight: 22 });
  if (map.definitionNote && c.room(22) > 0) {
    c.y += 6;
    c.text(wrapText(`“${map.definitionNote}”`, c.w, 16, false, Math.min(3, c.room(22))), 16, p.ink, { italic: true, lineHeight: 22 });
  }
  c.y += 18;
}

function findingsSection(c: Column, map: StakeMap, p: Palette): void {
  if (c.room(22) < 3) return;
  c.heading('Findings', p);
  const summary = summarizeFindings(map);
  c.text(wrapText(summary.sentence, c.w, 16, true, Math.min(3, c.room(22))), 16, p.ink, { bold: true, lineHeight: 22 });
  c.y += 4;
  if (c.room(22) > 0) c.text([fitLine(countsPhrase(summary.counts), c.w, 16, false)], 16, p.inkSoft, { lineHeight: 22 });
  c.y += 6;
  for (const f of summary.findings) {
    if (c.room(20) < 1) break;
    const color = p.background === null || p.chip === '#ffffff' ? SEVERITY_COLOR[f.severity] : lighten(SEVERITY_COLOR[f.severity], 0.4);
    c.blocks.push({ t: 'dot', cx: c.x + 5, cy: c.y + 10, r: 4.5, fill: color });
    c.text(wrapText(f.message, c.w - 18, 15, false, Math.min(2, c.room(20))), 15, p.ink, { lineHeight: 20 }, c.x + 18, c.w - 18);
    c.y += 6;
  }
}

function fit(scene: Scene, area: Rect) {
  const pad = 12;
  const b = scene.bounds;
  const source: Rect = { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
  const scale = Math.min(area.width / source.width, area.height / source.height, 1.75);
  const w = source.width * scale;
  const h = source.height * scale;
  const placed: Rect = { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
  return { area, placed, source, scale };
}

/** Lays out the slide for `scene`; `findings` adds the summary of findings. */
export function layoutSlide(scene: Scene, p: Palette, findings: boolean): SlideLayout {
  const map = scene.map;
  const blocks: Block[] = [];
  const fullW = SLIDE.width - 2 * M;

  // Header and footer.
  const header = new Column(blocks, M, fullW, M + 14, SLIDE.height);
  blocks.push({ t: 'bar', x: M, y: M - 8, w: 84, h: 8, fill: p.accent });
  header.text([fitLine(map.title, fullW, 52, true)], 52, p.ink, { bold: true, lineHeight: 64 });
  const n = map.stakeholders.length;
  const m = map.relations.length;
  header.y = M + 84;
  header.text([fitLine(`The ecosystem of ${map.organization.name} · ${n} stakeholder${n === 1 ? '' : 's'} · ${m} relation${m === 1 ? '' : 's'}`, fullW, 24, false)], 24, p.inkSoft);
  header.y = SLIDE.height - 56;
  header.text(['Drawn with Stakemap'], 16, p.inkSoft);

  const legend = legendOf(map);
  const panelFit = fit(scene, { x: M, y: TOP, width: fullW - PANEL_W - GAP, height: BOTTOM - TOP });
  const bandFit = fit(scene, { x: M, y: TOP, width: fullW, height: BOTTOM - TOP - BAND_H - 24 });
  const arrangement = bandFit.scale > panelFit.scale * 1.15 ? 'band' : 'panel';

  if (arrangement === 'panel') {
    const x = SLIDE.width - M - PANEL_W;
    blocks.push({ t: 'panel', x, y: TOP, w: PANEL_W, h: BOTTOM - TOP, fill: p.panel, stroke: p.panelStroke });
    const c = new Column(blocks, x + PAD, PANEL_W - 2 * PAD, TOP + PAD, BOTTOM - PAD);
    if (legend.labels.length > 0) labelsSection(c, legend.labels, p);
    if (legend.kinds.length > 0) kindsSection(c, legend.kinds, p, legend.kinds.length > 4);
    definitionSection(c, map, p);
    if (findings) findingsSection(c, map, p);
    return { width: SLIDE.width, height: SLIDE.height, arrangement, blocks, diagram: panelFit, legend };
  }

  const y = BOTTOM - BAND_H;
  blocks.push({ t: 'panel', x: M, y, w: fullW, h: BAND_H, fill: p.panel, stroke: p.panelStroke });
  const sections: ((c: Column) => void)[] = [];
  if (legend.labels.length > 0) sections.push((c) => labelsSection(c, legend.labels, p));
  if (legend.kinds.length > 0) sections.push((c) => kindsSection(c, legend.kinds, p, true));
  sections.push((c) => definitionSection(c, map, p));
  if (findings) sections.push((c) => findingsSection(c, map, p));
  const colW = (fullW - 2 * PAD - (sections.length - 1) * GAP) / sections.length;
  sections.forEach((draw, i) => draw(new Column(blocks, M + PAD + i * (colW + GAP), colW, y + PAD, y + BAND_H - PAD + 6)));
  return { width: SLIDE.width, height: SLIDE.height, arrangement, blocks, diagram: bandFit, legend };
}
