// A 16:9 slide around the diagram: title, the diagram fitted, and a panel
// with the legend of the labels and relation kinds the map uses, the map's
// definition of customer and, if asked, a summary of the findings. Laid out
// once as plain blocks, which slide.ts draws as SVG and pptx.ts as
// PowerPoint shapes, so the two agree. Pure.
import { DEFINITION_INFO, definitionOf, type Kind, type Label, type Rect } from '../domain';
import { KIND_STYLE, LABEL_STYLE } from '../canvas/theme';
import type { Palette } from './palette';
import type { Scene } from './scene';
import { countsPhrase, legendOf, SEVERITY_COLOR, summarizeFindings } from './findings';
import { fitLine, wrapText } from './text';

export const SLIDE = { width: 1920, height: 1080 } as const;
const M = 72;
const PANEL_W = 480;
const PANEL_PAD = 28;
const TOP = 236;
const BOTTOM = SLIDE.height - 80;

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
  readonly blocks: readonly Block[];
  /** Where the diagram goes, and the scene bounds it shows there. */
  readonly diagram: { readonly area: Rect; readonly placed: Rect; readonly source: Rect; readonly scale: number };
}

export const SWATCH = { w: 34, h: 24 } as const;

/** Lays out the slide for `scene`; `findings` adds the summary of findings. */
export function layoutSlide(scene: Scene, p: Palette, findings: boolean): SlideLayout {
  const map = scene.map;
  const blocks: Block[] = [];
  const text = (x: number, y: number, w: number, lines: string[], size: number, color: string, extra: Partial<TextBlock> = {}): number => {
    const lineHeight = extra.lineHeight ?? Math.round(size * 1.3);
    blocks.push({ t: 'text', x, y, w, lines, size, lineHeight, color, ...extra });
    return y + lines.length * lineHeight;
  };

  // Header.
  const fullW = SLIDE.width - 2 * M;
  blocks.push({ t: 'bar', x: M, y: M - 8, w: 84, h: 8, fill: p.accent });
  text(M, M + 14, fullW, [fitLine(map.title, fullW, 52, true)], 52, p.ink, { bold: true, lineHeight: 64 });
  const n = map.stakeholders.length;
  const m = map.relations.length;
  const sub = `The ecosystem of ${map.organization.name} · ${n} stakeholder${n === 1 ? '' : 's'} · ${m} relation${m === 1 ? '' : 's'}`;
  text(M, M + 84, fullW, [fitLine(sub, fullW, 24, false)], 24, p.inkSoft);
  text(M, SLIDE.height - 56, 600, ['Drawn with Stakemap'], 16, p.inkSoft);

  // Panel.
  const px = SLIDE.width - M - PANEL_W;
  blocks.push({ t: 'panel', x: px, y: TOP, w: PANEL_W, h: BOTTOM - TOP, fill: p.panel, stroke: p.panelStroke });
  const ix = px + PANEL_PAD;
  const iw = PANEL_W - 2 * PANEL_PAD;
  const limit = BOTTOM - PANEL_PAD;
  let y = TOP + PANEL_PAD;
  const heading = (words: string) => {
    y = text(ix, y, iw, [words], 14, p.inkSoft, { bold: true, caps: true, lineHeight: 20 }) + 10;
  };
  const { labels, kinds } = legendOf(map);
  const colW = iw / 2;
  if (labels.length > 0) {
    heading('Stakeholders');
    labels.forEach((label, i) => {
      const cx = ix + (i % 2) * colW;
      const cy = y + Math.floor(i / 2) * 34;
      blocks.push({ t: 'swatch', x: cx, y: cy, label });
      text(cx + SWATCH.w + 10, cy + 1, colW - SWATCH.w - 14, [LABEL_STYLE[label].title], 18, p.ink, { lineHeight: 22 });
    });
    y += Math.ceil(labels.length / 2) * 34 + 14;
  }
  if (kinds.length > 0) {
    heading('Relations');
    const two = kinds.length > 4;
    const cw = two ? colW : iw;
    kinds.forEach((kind, i) => {
      const kx = ix + (two ? (i % 2) * colW : 0);
      const ky = y + (two ? Math.floor(i / 2) : i) * 30;
      blocks.push({ t: 'kind', x: kx, y: ky + 11, w: 44, kind, color: p.kind(kind) });
      const words = kind === 'serves' && two ? 'Serves' : KIND_STYLE[kind].title;
      text(kx + 56, ky, cw - 60, [fitLine(words, cw - 60, 18, false)], 18, p.ink, { lineHeight: 22 });
    });
    y += (two ? Math.ceil(kinds.length / 2) : kinds.length) * 30 + 14;
  }

  const def = DEFINITION_INFO[definitionOf(map)];
  heading('Our definition of a customer');
  y = text(ix, y, iw, wrapText(def.name, iw, 19, true, 2), 19, p.ink, { bold: true, lineHeight: 25 }) + 4;
  const room = (lineHeight: number) => Math.max(0, Math.floor((limit - y) / lineHeight));
  y = text(ix, y, iw, wrapText(def.statement, iw, 16, false, Math.min(4, room(22))), 16, p.inkSoft, { lineHeight: 22 });
  if (map.definitionNote && room(22) > 0) {
    y = text(ix, y + 6, iw, wrapText(`“${map.definitionNote}”`, iw, 16, false, Math.min(3, room(22))), 16, p.ink, { italic: true, lineHeight: 22 });
  }

  if (findings && room(22) >= 3) {
    y += 18;
    heading('Findings');
    const summary = summarizeFindings(map);
    y = text(ix, y, iw, wrapText(summary.sentence, iw, 16, true, Math.min(3, room(22))), 16, p.ink, { bold: true, lineHeight: 22 }) + 4;
    if (room(22) > 0) y = text(ix, y, iw, [fitLine(countsPhrase(summary.counts), iw, 16, false)], 16, p.inkSoft, { lineHeight: 22 }) + 6;
    for (const f of summary.findings) {
      const lines = wrapText(f.message, iw - 18, 15, false, Math.min(2, room(20)));
      if (lines.length === 0 || room(20) < 1) break;
      blocks.push({ t: 'dot', cx: ix + 5, cy: y + 10, r: 4.5, fill: SEVERITY_COLOR[f.severity] });
      y = text(ix + 18, y, iw - 18, lines, 15, p.ink, { lineHeight: 20 }) + 6;
    }
  }

  // The diagram, fitted into what is left, centred.
  const area: Rect = { x: M, y: TOP, width: px - 40 - M, height: BOTTOM - TOP };
  const pad = 12;
  const source: Rect = {
    x: scene.bounds.x - pad,
    y: scene.bounds.y - pad,
    width: scene.bounds.width + 2 * pad,
    height: scene.bounds.height + 2 * pad,
  };
  const scale = Math.min(area.width / source.width, area.height / source.height, 1.75);
  const w = source.width * scale;
  const h = source.height * scale;
  const placed: Rect = { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
  return { width: SLIDE.width, height: SLIDE.height, blocks, diagram: { area, placed, source, scale } };
}
