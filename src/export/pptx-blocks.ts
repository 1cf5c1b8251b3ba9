// The blocks of a slide layout (slide-layout.ts) as PowerPoint text and
// shapes: the title in the slide's title placeholder (so PowerPoint knows the
// slide's title, and wraps it), words as editable text, legend samples drawn
// as the diagram's lines are.
import type PptxGenJS from 'pptxgenjs';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import { ARROW } from './scene';
import type { Palette } from './palette';
import { addLine, DASH, FREEFORM, hex, IN, PT } from './pptx-diagram';
import { CAPS_SPACING } from './slide-flow';
import { SLIDE, type Block, type TextBlock } from './slide-layout';
import { drawable } from './text';

export const MASTER = 'STAKEMAP';
const M = 64;
/** Room for three lines of the smallest title size. */
const TITLE_BOX = { x: M, y: M, w: SLIDE.width - 2 * M, h: 3 * 48 } as const;

/** A slide master whose title placeholder sits where slide-layout.ts puts the title. */
export function defineMaster(pptx: PptxGenJS, p: Palette): void {
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: hex(p.background ?? '#ffffff') },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title', type: 'title',
            x: TITLE_BOX.x * IN, y: TITLE_BOX.y * IN, w: TITLE_BOX.w * IN, h: TITLE_BOX.h * IN,
            fontFace: 'Arial', fontSize: 24, bold: true, color: hex(p.ink), align: 'left', valign: 'top', margin: 0,
          },
          text: '',
        },
      },
    ],
  });
}

/** How the legend draws a relation kind: as PowerPoint's preset dashes (beside editable lines) or as the picture's own. */
export type Samples = 'preset' | 'picture';

function addText(slide: PptxGenJS.Slide, b: TextBlock): void {
  const common = {
    fontFace: 'Arial', fontSize: b.size * PT, color: hex(b.color), bold: b.bold ?? false, italic: b.italic ?? false,
    charSpacing: b.caps ? CAPS_SPACING * PT : 0, margin: 0, align: 'left' as const, valign: 'top' as const, fit: 'none' as const,
  };
  if (b.role === 'title') {
    slide.addText(drawable(b.paragraph ?? b.lines.join(' ')), { ...common, placeholder: 'title', lineSpacing: b.lineHeight * PT });
    return;
  }
  const box = { x: b.x * IN, y: b.y * IN, w: (b.w + 8) * IN, h: b.lines.length * b.lineHeight * IN, lineSpacing: b.lineHeight * PT };
  // A paragraph goes whole, for PowerPoint to wrap (and rewrap when edited); lines already broken stay as they are.
  const text = b.paragraph
    ? drawable(b.caps ? b.paragraph.toUpperCase() : b.paragraph)
    : b.lines.map((line, i) => ({ text: drawable(b.caps ? line.toUpperCase() : line), options: { breakLine: i < b.lines.length - 1 } }));
  slide.addText(text, { ...common, ...box });
}

/** The kind's dash pattern, at `scale`, as separate strokes from x0 to x1. */
function dashes(x0: number, x1: number, y: number, dash: string, scale: number): { x: number; y: number; moveTo?: boolean }[] {
  const pattern = dash.split(' ').map((n) => Number(n) * scale);
  const out: { x: number; y: number; moveTo?: boolean }[] = [];
  let x = x0;
  let i = 0;
  while (x < x1) {
    const len = pattern[i % pattern.length]!;
    if (i % 2 === 0) out.push({ x: x * IN, y: y * IN, moveTo: true }, { x: Math.min(x + len, x1) * IN, y: y * IN });
    x += len;
    i++;
  }
  return out;
}

function addSample(slide: PptxGenJS.Slide, b: Extract<Block, { t: 'kind' }>, samples: Samples): void {
  const k = Math.max(b.scale ?? 1, 0.6);
  const width = KIND_STYLE[b.kind].width * k * PT;
  const color = hex(b.color);
  if (samples === 'preset') {
    addLine(slide, [{ x: b.x * IN, y: b.y * IN }, { x: (b.x + b.w) * IN, y: b.y * IN }], { color, width, dashType: DASH[b.kind], endArrowType: 'triangle' }, `Legend: ${b.kind}`);
    return;
  }
  const tip = b.x + b.w;
  const base = tip - ARROW.length * k;
  const dash = KIND_STYLE[b.kind].dash;
  const pts = dash ? dashes(b.x, base + 2, b.y, dash, k) : [{ x: b.x * IN, y: b.y * IN, moveTo: true }, { x: (base + 2) * IN, y: b.y * IN }];
  const x = b.x * IN;
  const y = (b.y - 1) * IN;
  slide.addShape(FREEFORM, { x, y, w: (b.w * IN), h: 2 * IN, points: pts.map((q) => ({ ...q, x: q.x - x, y: q.y - y })), line: { color, width }, objectName: `Legend: ${b.kind}` });
  const hw = ARROW.halfWidth * k;
  slide.addShape(FREEFORM, {
    x: base * IN, y: (b.y - hw) * IN, w: (tip - base) * IN, h: 2 * hw * IN,
    points: [{ x: 0, y: 0, moveTo: true }, { x: (tip - base) * IN, y: hw * IN }, { x: 0, y: 2 * hw * IN }, { close: true }],
    fill: { color }, line: { type: 'none' }, objectName: `Legend arrow: ${b.kind}`,
  });
}

export function addBlock(slide: PptxGenJS.Slide, b: Block, samples: Samples): void {
  switch (b.t) {
    case 'text':
      addText(slide, b);
      return;
    case 'panel':
      slide.addShape('roundRect', {
        x: b.x * IN, y: b.y * IN, w: b.w * IN, h: b.h * IN, rectRadius: 0.12,
        fill: { color: hex(b.fill) }, line: { color: hex(b.stroke), width: 0.75 },
      });
      return;
    case 'bar':
      slide.addShape('roundRect', { x: b.x * IN, y: b.y * IN, w: b.w * IN, h: b.h * IN, rectRadius: (b.h / 2) * IN, fill: { color: hex(b.fill) }, line: { type: 'none' } });
      return;
    case 'swatch': {
      const s = LABEL_STYLE[b.label];
      slide.addShape('roundRect', {
        x: b.x * IN, y: b.y * IN, w: b.w * IN, h: b.h * IN, rectRadius: 6 * IN,
        fill: { color: hex(s.tint) }, line: { color: hex(s.color), width: 1.25 },
      });
      slide.addShape('rect', { x: (b.x + 2) * IN, y: (b.y + 2) * IN, w: b.w * 0.16 * IN, h: (b.h - 4) * IN, fill: { color: hex(s.color) }, line: { type: 'none' } });
      return;
    }
    case 'kind':
      addSample(slide, b, samples);
      return;
    case 'dot':
      slide.addShape('ellipse', { x: (b.cx - b.r) * IN, y: (b.cy - b.r) * IN, w: 2 * b.r * IN, h: 2 * b.r * IN, fill: { color: hex(b.fill) }, line: { type: 'none' } });
      return;
  }
}
