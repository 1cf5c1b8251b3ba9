// A 16:9 slide around the diagram: the title (wrapped), the diagram fitted,
// and a legend of the labels and relation kinds the map uses, the map's
// definition of customer and, if asked, its findings. The legend and findings
// flow into a panel on the right or a band below, whichever shows the
// diagram largest with every word whole at 12 pt (24 px on the 1920-px slide);
// only when nothing fits does the text shrink, and the layout says so. Laid
// out once as plain blocks, which slide.ts draws as SVG and pptx.ts as
// PowerPoint shapes, so the two agree. Pure.
import { CARD_TEXT, DEFINITION_INFO, definitionOf, type Kind, type Label, type Rect, type StakeMap } from '../domain';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import type { Palette } from './palette';
import type { Scene } from './scene';
import { legendOf, summarizeFindings } from './findings';
import { findingItem, findingsHead, moreItem } from './slide-findings';
import { capsLines, flow, lineHeight, textItem, together, wrapAll, type Col, type Item } from './slide-flow';
import { textWidth, wrapText } from './text';

export const SLIDE = { width: 1920, height: 1080 } as const;
/** Text sizes in slide px; 1 pt is 2 px on a 13.33-inch slide 1920 px wide. */
export const MIN_TEXT = 24;
export const MIN_NAME = 28;
const SIZES = [MIN_TEXT, 22, 20, 18, 16] as const;
const M = 64;
const PAD = 28;
const GAP = 40;
const FOOTER = 24;
const BOTTOM = SLIDE.height - 44 - lineHeight(FOOTER) - 20;

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
  /** The slide's title (PowerPoint: its title placeholder). */
  readonly role?: 'title';
  /** Marks the lines of one finding (`finding-3`), so a reader can check each is whole. */
  readonly group?: string;
  /** The text the lines were wrapped from: PowerPoint gets it whole and wraps it itself. */
  readonly paragraph?: string;
}
export type Block =
  | TextBlock
  | { readonly t: 'panel'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string; readonly stroke: string }
  | { readonly t: 'bar'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string }
  | { readonly t: 'swatch'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly label: Label }
  | { readonly t: 'kind'; readonly x: number; readonly y: number; readonly w: number; readonly kind: Kind; readonly color: string; readonly scale?: number }
  | { readonly t: 'dot'; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: string };

/** How readable the slide is, for the export dialog to tell. */
export interface Legibility {
  /** Size of the legend and findings text, in slide px. */
  readonly textPx: number;
  /** Stakeholder names on the slide, in pt. */
  readonly namePt: number;
  readonly findingsShown: number;
  readonly findingsTotal: number;
  /** Whether the slide draws the map otherwise than the team did, for its names to read (slide-fit.ts). */
  readonly arranged?: 'closer' | 'lanes';
}

export interface SlideLayout {
  readonly width: number;
  readonly height: number;
  readonly arrangement: 'panel' | 'band';
  readonly blocks: readonly Block[];
  /** Where the diagram goes: `placed` on the slide shows `source` (scene coordinates) at `scale`. */
  readonly diagram: { readonly area: Rect; readonly placed: Rect; readonly source: Rect; readonly scale: number };
  readonly legend: { readonly labels: readonly Label[]; readonly kinds: readonly Kind[] };
  readonly legibility: Legibility;
}

/** What the slide says about findings: nothing, a summary (the deck has findings slides), or every one. */
export type FindingsOnSlide = 'none' | 'summary' | 'beside' | 'below';

/** The title (wrapped, never cut while it fits three lines) and subtitle of a slide; `top` is where content starts. */
export function slideHeader(title: string, subtitle: string, p: Palette): { blocks: Block[]; top: number } {
  const w = SLIDE.width - 2 * M;
  let size = 48;
  let lines = wrapText(title, w, size, true, 2);
  if (lines.length === 2 && wrapText(title, w, size, true, 3).length > 2) {
    size = 40;
    lines = wrapText(title, w, size, true, 3);
  }
  const lh = Math.round(size * 1.2);
  const blocks: Block[] = [
    { t: 'bar', x: M, y: M - 16, w: 84, h: 8, fill: p.accent },
    { t: 'text', role: 'title', x: M, y: M, w, lines, size, lineHeight: lh, bold: true, color: p.ink, paragraph: title },
  ];
  const y = M + lines.length * lh + 8;
  blocks.push({ t: 'text', x: M, y, w, lines: wrapText(subtitle, w, MIN_TEXT, false, 1), size: MIN_TEXT, lineHeight: lineHeight(MIN_TEXT), color: p.inkSoft });
  return { blocks, top: y + lineHeight(MIN_TEXT) + 24 };
}

function legendItems(map: StakeMap, p: Palette, w: number, s: number): Item[] {
  const { labels, kinds } = legendOf(map);
  const items: Item[] = [];
  const heading = (words: string) => textItem(capsLines(words, w, s), w, s, { color: p.inkSoft, bold: true, caps: true }, 8);
  const row = Math.round(s * 1.45);
  const sw = { w: Math.round(s * 1.45), h: s };
  if (labels.length > 0) {
    const two = labels.every((l) => textWidth(LABEL_STYLE[l].title, s, false) <= w / 2 - sw.w - 16);
    const perRow = two ? 2 : 1;
    const rows = Math.ceil(labels.length / perRow);
    items.push(
      together([heading('Stakeholders')], 0, true),
      {
        height: rows * row,
        after: 18,
        place: (x, y) =>
          labels.flatMap((label, i) => {
            const cx = x + (i % perRow) * (w / perRow);
            const cy = y + Math.floor(i / perRow) * row;
            return [
              { t: 'swatch' as const, x: cx, y: cy + (row - sw.h) / 2 - 2, w: sw.w, h: sw.h, label },
              { t: 'text' as const, x: cx + sw.w + 10, y: cy, w: w / perRow - sw.w - 10, lines: [LABEL_STYLE[label].title], size: s, lineHeight: row - 4, color: p.ink },
            ];
          }),
      },
    );
  }
  if (kinds.length > 0) {
    const sample = Math.round(s * 2.2);
    const title = (k: Kind, two: boolean) => (k === 'serves' && two ? 'Serves' : KIND_STYLE[k].title);
    const two = kinds.length > 2 && kinds.every((k) => textWidth(title(k, true), s, false) <= w / 2 - sample - 24);
    const perRow = two ? 2 : 1;
    const texts = kinds.map((k) => wrapAll(title(k, two), w / perRow - sample - 14, s));
    const heights: number[] = [];
    for (let i = 0; i < kinds.length; i += perRow) heights.push(Math.max(...texts.slice(i, i + perRow).map((t) => t.length)) * (row - 4) + 4);
    items.push(together([heading('Relations')], 0, true), {
      height: heights.reduce((a, b) => a + b, 0),
      after: 18,
      place: (x, y) => {
        const out: Block[] = [];
        let at = y;
        kinds.forEach((kind, i) => {
          const cx = x + (i % perRow) * (w / perRow);
          out.push({ t: 'kind', x: cx, y: at + (row - 4) / 2, w: sample, kind, color: p.kind(kind) });
          out.push({ t: 'text', x: cx + sample + 12, y: at, w: w / perRow - sample - 12, lines: texts[i]!, size: s, lineHeight: row - 4, color: p.ink });
          if (i % perRow === perRow - 1 || i === kinds.length - 1) at += heights[Math.floor(i / perRow)]!;
        });
        return out;
      },
    });
  }
  const def = DEFINITION_INFO[definitionOf(map)];
  const definition = [
    heading('Our definition of a customer'),
    textItem(wrapAll(def.name, w, s, true), w, s, { color: p.ink, bold: true }, 4),
    textItem(wrapAll(def.statement, w, s), w, s, { color: p.inkSoft }, 6),
  ];
  // The team's own words: a quotation, kept to six lines.
  if (map.definitionNote) definition.push(textItem(wrapText(`“${map.definitionNote}”`, w, s, false, 6), w, s, { color: p.ink, italic: true }));
  items.push(together(definition, 22));
  return items;
}

interface Region {
  readonly kind: 'panel' | 'band';
  /** Panel width or band height. */
  readonly size: number;
  readonly cols: number;
}

const PANELS: Region[] = [
  { kind: 'panel', size: 480, cols: 1 },
  { kind: 'panel', size: 600, cols: 1 },
  { kind: 'panel', size: 760, cols: 1 },
  { kind: 'panel', size: 760, cols: 2 },
  { kind: 'panel', size: 960, cols: 2 },
];
const BANDS: Region[] = [240, 300, 380, 460, 560].flatMap((size) => [3, 4].map((cols) => ({ kind: 'band' as const, size, cols })));

function fit(scene: Scene, area: Rect) {
  const pad = 12;
  const b = scene.bounds;
  const source: Rect = { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
  const scale = Math.max(0, Math.min(area.width / source.width, area.height / source.height, 1.75));
  const w = source.width * scale;
  const h = source.height * scale;
  const placed: Rect = { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
  return { area, placed, source, scale };
}

/** The region's frame, its text columns and the area left for the diagram. */
function geometry(r: Region, top: number) {
  const fullW = SLIDE.width - 2 * M;
  const frame = r.kind === 'panel' ? { x: SLIDE.width - M - r.size, y: top, w: r.size, h: BOTTOM - top } : { x: M, y: BOTTOM - r.size, w: fullW, h: r.size };
  const colW = (frame.w - 2 * PAD - (r.cols - 1) * GAP) / r.cols;
  const cols: Col[] = Array.from({ length: r.cols }, (_, i) => ({ x: frame.x + PAD + i * (colW + GAP), y: frame.y + PAD, w: colW, bottom: frame.y + frame.h - PAD + 6 }));
  const area: Rect = r.kind === 'panel' ? { x: M, y: top, width: fullW - r.size - GAP, height: BOTTOM - top } : { x: M, y: top, width: fullW, height: frame.y - GAP / 2 - top };
  return { frame, cols, colW, area };
}

/** Lays out the slide for `scene`, with its findings as `findings` asks. */
export function layoutSlide(scene: Scene, p: Palette, findings: FindingsOnSlide | boolean): SlideLayout {
  const mode: FindingsOnSlide = findings === true ? 'beside' : findings === false ? 'none' : findings;
  const map = scene.map;
  const n = map.stakeholders.length;
  const m = map.relations.length;
  const subtitle = `The ecosystem of ${map.organization.name} · ${n} stakeholder${n === 1 ? '' : 's'} · ${m} relation${m === 1 ? '' : 's'}`;
  const header = slideHeader(map.title, subtitle, p);
  const footer: Block = { t: 'text', x: M, y: SLIDE.height - 44 - lineHeight(FOOTER), w: 400, lines: ['Drawn with Stakemap'], size: FOOTER, lineHeight: lineHeight(FOOTER), color: p.inkSoft };
  const all = summarizeFindings(map).findings;
  const listed = mode === 'beside' || mode === 'below';
  const regions = mode === 'beside' ? PANELS : mode === 'below' ? BANDS : [...PANELS, ...BANDS];

  /** The items for columns `w` wide; `complete` is false when they were left unbuilt past what `room` could hold. */
  const itemsFor = (w: number, s: number, room: number, shown = all.length): { items: Item[]; complete: boolean } => {
    const items = legendItems(map, p, w, s);
    if (mode === 'none') return { items, complete: true };
    items.push(...findingsHead(map, p, w, s, mode === 'summary'));
    if (!listed) return { items, complete: true };
    let height = items.reduce((h, it) => h + it.height, 0);
    for (let i = 0; i < shown; i++) {
      // Wrapping hundreds of findings for a layout that cannot hold them is wasted: stop once past the room.
      if (height > room) return { items, complete: false };
      const item = findingItem(all[i]!, i, p, w, s);
      items.push(item);
      height += item.height;
    }
    if (shown < all.length) items.push(moreItem(all.length - shown, p, w, s));
    return { items, complete: true };
  };
  const build = (r: Region, s: number, shown = all.length) => {
    const g = geometry(r, header.top);
    const room = g.cols.reduce((h, c) => h + c.bottom - c.y, 0);
    const { items, complete } = itemsFor(g.colW, s, room, shown);
    const flowed = flow(items, g.cols);
    return { r, s, g, flowed, fits: complete && flowed.placed === items.length, diagram: fit(scene, g.area), shown };
  };

  let best: ReturnType<typeof build> | null = null;
  for (const s of SIZES) {
    for (const r of regions) {
      const c = build(r, s);
      if (c.fits && (!best || c.diagram.scale > best.diagram.scale + 1e-9)) best = c;
    }
    if (best) break;
  }
  if (!best) {
    // Not even the smallest text holds every finding: as many whole as fit, and a line that counts the rest.
    const s = SIZES[SIZES.length - 1]!;
    const r = regions[regions.length - 1]!;
    let c = build(r, s);
    // Start from what flowed in (less the items before the findings), then step back until the closing line fits too.
    let shown = Math.min(all.length, Math.max(0, c.flowed.placed - (itemsFor(c.g.colW, s, Infinity, 0).items.length - 1)));
    c = build(r, s, shown);
    while (!c.fits && shown > 0) c = build(r, s, --shown);
    best = c;
  }

  const { g, flowed, r, s } = best;
  // Legend samples at the diagram's own scale, so their dashes are the diagram's.
  const legendBlocks = flowed.blocks.map((b) => (b.t === 'kind' ? { ...b, scale: best.diagram.scale } : b));
  const blocks: Block[] = [...header.blocks, footer, { t: 'panel', x: g.frame.x, y: g.frame.y, w: g.frame.w, h: g.frame.h, fill: p.panel, stroke: p.panelStroke }, ...legendBlocks];
  return {
    width: SLIDE.width,
    height: SLIDE.height,
    arrangement: r.kind,
    blocks,
    diagram: best.diagram,
    legend: legendOf(map),
    legibility: {
      textPx: s,
      namePt: (CARD_TEXT.name * (scene.cardText ?? 1) * best.diagram.scale) / 2,
      findingsShown: listed ? best.shown : 0,
      findingsTotal: all.length,
    },
  };
}
