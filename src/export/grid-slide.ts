// A grid (src/domain/grids.ts) as an editable PowerPoint slide: the frame and
// its middle lines, the four quadrants named (the top-right shaded: the one to
// aim for), each placed stakeholder a dot with its name beside it, and those
// without the grid's numbers listed on the right. Placed by the same numbers
// as the screen's grid, so the two agree. Text is 12 pt or more; every name is
// a plain text run (pptxgenjs escapes it), so a name is only ever text.
// pptxgenjs is loaded by the caller (buildPptx) or here, only when a deck is written.
import type PptxGenJS from 'pptxgenjs';
import { GRID_AXES, GRID_QUADRANTS, GRID_TITLES, gridOf, type GridData, type GridKind } from '../domain/grids';
import type { StakeMap } from '../domain';
import { defineMaster, MASTER } from './pptx-blocks';
import { hex, IN } from './pptx-diagram';
import { paletteFor, type Palette } from './palette';
import { fitLine, slideText, wrapText } from './text';

/** The plot's frame on the 13.333 × 7.5-inch slide, in inches. */
export const PLOT = { x: 1.6, y: 1.95, w: 7.9, h: 4.35 } as const;
const LIST = { x: 9.9, y: 1.95, w: 2.95 } as const;
const LINE = 0.26;
/** Names in the list at most; the rest are counted (all are in the notes). */
export const LIST_ROWS = 15;
const DOT = 0.18;
const NAME_W = 2.3;
const FONT = 'Arial';
/** Slide px (1920 wide) per inch, for measuring text as text.ts does. */
const PX = 1 / IN;

/** A band below the zero line, inside the frame, for the bottom quadrants' names: no dot goes there. */
const STRIP = 0.36;
const px = (x: number) => PLOT.x + x * PLOT.w;
const py = (y: number) => PLOT.y + (1 - y) * (PLOT.h - STRIP);

/** The heading in the title placeholder: at most two lines of the master's 24 pt. */
export function gridSlideTitle(map: StakeMap, kind: GridKind): string {
  return wrapText(slideText(`${GRID_TITLES[kind]}: ${map.title}`), 11.9 * PX, 48, true, 2).join(' ');
}

/** Every dot and every stakeholder left off, in words, for the speaker notes. */
export function gridNotes(map: StakeMap, kind: GridKind, data: GridData): string {
  const lines = [`${GRID_TITLES[kind]} of ${slideText(map.title)}: ${GRID_AXES[kind].x.replace(' →', '')} across, ${GRID_AXES[kind].y.replace(' →', '').toLowerCase()} up.`];
  for (const d of data.dots) lines.push(`${slideText(d.name)}: ${d.detail}.`);
  if (data.unplaced.length > 0) lines.push('', 'Not on the grid yet:', ...data.unplaced.map((u) => `${slideText(u.name)} (${u.missing})`));
  return lines.join('\n');
}

function addFrame(slide: PptxGenJS.Slide, kind: GridKind, p: Palette, dark: boolean): void {
  // The quadrant to aim for, shaded first so everything else draws over it.
  slide.addShape('rect', { x: px(0.5), y: py(1), w: PLOT.w / 2, h: py(0.5) - py(1), fill: { color: dark ? '1A2E4A' : 'EEF4FF' }, line: { type: 'none' }, objectName: 'Quadrant: top right' });
  // Value starts at zero; power and interest start at 1, with no line of their own.
  if (kind === 'relationship') slide.addShape('line', { x: PLOT.x, y: py(0), w: PLOT.w, h: 0, line: { color: hex(p.panelStroke), width: 0.75 }, objectName: 'Zero line' });
  slide.addShape('rect', { x: PLOT.x, y: PLOT.y, w: PLOT.w, h: PLOT.h, fill: { type: 'none' }, line: { color: hex(p.boundaryStroke), width: 1 }, objectName: 'Frame' });
  const mid = { color: hex(p.panelStroke), width: 1, dashType: 'dash' as const };
  slide.addShape('line', { x: px(0.5), y: PLOT.y, w: 0, h: PLOT.h, line: mid, objectName: 'Middle line' });
  slide.addShape('line', { x: PLOT.x, y: py(0.5), w: PLOT.w, h: 0, line: mid, objectName: 'Middle line' });
  // The quadrants are named where no dot goes: the top ones above the frame
  // (the largest values reach its top), the bottom ones in the band below the zero line.
  GRID_QUADRANTS[kind].forEach((q, i) => {
    const right = i % 2 === 1;
    const top = i >= 2;
    const aim = i === 3;
    const lines = aim ? [{ text: q.name, options: { bold: true, breakLine: true } }, { text: q.hint, options: { fontSize: 12, bold: false } }] : [{ text: q.name, options: { bold: true } }];
    const h = lines.length * LINE + 0.04;
    // Above the frame the top-right's hint may reach left of the middle, past the top-left's short name.
    const box = top ? (right ? { x: PLOT.x + 2.5, w: PLOT.w - 2.5 } : { x: PLOT.x, w: 2.5 }) : { x: (right ? px(0.5) : PLOT.x) + 0.1, w: PLOT.w / 2 - 0.2 };
    slide.addText(lines, {
      ...box, y: top ? PLOT.y - h - 0.06 : PLOT.y + PLOT.h - h - 0.05, h,
      fontFace: FONT, fontSize: 13, color: aim ? (dark ? '9EC5FF' : '175CD3') : hex(p.inkSoft), align: right ? 'right' : 'left', valign: 'bottom',
      margin: 0, objectName: `Quadrant label: ${q.name}`,
    });
  });
}

function addAxes(slide: PptxGenJS.Slide, kind: GridKind, data: GridData, p: Palette): void {
  const tick = { fontFace: FONT, fontSize: 12, color: hex(p.ink), margin: 0 };
  const colW = PLOT.w / data.xTicks.length;
  for (const t of data.xTicks) slide.addText(t.text, { ...tick, x: px(t.at) - colW / 2, y: PLOT.y + PLOT.h + 0.06, w: colW, h: LINE, align: 'center', valign: 'top', objectName: 'Tick' });
  for (const t of data.yTicks) slide.addText(t.text, { ...tick, x: 0.5, y: py(t.at) - LINE / 2, w: PLOT.x - 0.6, h: LINE, align: 'right', valign: 'middle', objectName: 'Tick' });
  const title = { fontFace: FONT, fontSize: 13, bold: true, color: hex(p.ink), margin: 0 };
  slide.addText(GRID_AXES[kind].x, { ...title, x: PLOT.x, y: PLOT.y + PLOT.h + 0.42, w: PLOT.w, h: 0.3, align: 'center', valign: 'middle', objectName: 'Axis: across' });
  slide.addText(GRID_AXES[kind].y, { ...title, x: 0.1, y: PLOT.y, w: 0.32, h: PLOT.h, align: 'center', valign: 'middle', vert: 'vert270', objectName: 'Axis: up' });
}

function addDots(slide: PptxGenJS.Slide, data: GridData, p: Palette): void {
  for (const d of data.dots) {
    const name = slideText(d.name);
    const x = px(d.x);
    const y = py(d.y);
    slide.addShape('ellipse', {
      x: x - DOT / 2, y: y - DOT / 2, w: DOT, h: DOT,
      fill: { color: hex(p.label(d.label)) }, line: { color: hex(p.background ?? '#ffffff'), width: 1.5 },
      objectName: `Dot: ${name}`,
    });
    // Near the right edge the name goes to the left of its dot, so it stays inside the frame.
    const left = d.x > 0.7;
    slide.addText(fitLine(name, NAME_W * PX, 24, false), {
      x: left ? x - DOT / 2 - 0.06 - NAME_W : x + DOT / 2 + 0.06, y: y - LINE / 2, w: NAME_W, h: LINE,
      fontFace: FONT, fontSize: 12, color: hex(p.ink), align: left ? 'right' : 'left', valign: 'middle', margin: 0,
      objectName: `Name: ${name}`,
    });
  }
}

function addUnplaced(slide: PptxGenJS.Slide, kind: GridKind, data: GridData, p: Palette): void {
  if (data.unplaced.length === 0) return;
  const hint = kind === 'relationship' ? 'Set a depth and a value to place them.' : 'Set power and interest to place them.';
  slide.addText([{ text: 'Not on the grid yet', options: { bold: true, fontSize: 14, color: hex(p.ink), breakLine: true } }, { text: hint, options: { fontSize: 12, color: hex(p.inkSoft) } }], {
    x: LIST.x, y: LIST.y, w: LIST.w, h: 0.85, fontFace: FONT, valign: 'top', margin: 0, objectName: 'Not placed: heading',
  });
  const shown = data.unplaced.slice(0, LIST_ROWS);
  const more = data.unplaced.length - shown.length;
  const rows = shown.map((u) => fitLine(`${slideText(u.name)} (${u.missing})`, LIST.w * PX, 24, false));
  if (more > 0) rows.push(`…and ${more.toLocaleString('en-US')} more (in the notes)`);
  slide.addText(
    rows.map((text, i) => ({ text, options: { breakLine: i < rows.length - 1 } })),
    { x: LIST.x, y: LIST.y + 0.72, w: LIST.w, h: rows.length * LINE, fontFace: FONT, fontSize: 12, color: hex(p.ink), valign: 'top', margin: 0, lineSpacing: LINE * 72, objectName: 'Not placed' },
  );
}

/** Adds the grid's slide to a deck whose master (pptx-blocks.ts) is defined. */
export function addGridSlide(pptx: PptxGenJS, map: StakeMap, kind: GridKind, p: Palette): void {
  const data = gridOf(map, kind);
  // Light words mean a dark slide: the shaded quadrant and its name follow.
  const dark = parseInt(p.ink.slice(1, 3), 16) > 0x80;
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.background = { color: hex(p.background ?? '#ffffff') };
  slide.addText(gridSlideTitle(map, kind), { placeholder: 'title' });
  addFrame(slide, kind, p, dark);
  addAxes(slide, kind, data, p);
  addDots(slide, data, p);
  addUnplaced(slide, kind, data, p);
  slide.addNotes(gridNotes(map, kind, data));
}

/** A deck of the grid's slide alone (16:9), for the grid's own download. */
export async function gridDeck(map: StakeMap, kind: GridKind): Promise<Blob> {
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${GRID_TITLES[kind]}: ${slideText(map.title)}`;
  pptx.company = 'Stakemap';
  const palette = paletteFor('white');
  defineMaster(pptx, palette);
  addGridSlide(pptx, map, kind, palette);
  const out = await pptx.write({ outputType: 'blob', compression: true });
  return out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
