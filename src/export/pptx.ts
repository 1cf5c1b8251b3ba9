// PowerPoint export: one 16:9 slide laid out as the slide SVG is
// (slide-layout.ts), with the title, legend and definition as editable
// PowerPoint text and shapes, the diagram as a high-resolution PNG (which
// carries the map, so it opens again in Stakemap), and the findings as
// speaker notes. pptxgenjs is loaded only when a deck is written.
import type PptxGenJS from 'pptxgenjs';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import { compareBreakouts, type Kind, type Report } from '../domain';
import { addComparisonSlide, comparisonSlide } from './compare-slide';
import { findingsNotes } from './findings';
import type { ExportOptions } from './options';
import { paletteFor } from './palette';
import { svgToPng } from './png';
import { fitScale, type Prepared } from './render';
import { layoutSlide, SLIDE, SWATCH, type Block } from './slide-layout';
import { diagramSvg } from './svg';
import { addReportSlides } from './report-slides';

const WIDE = { w: 13.333, h: 7.5 } as const;
const IN = WIDE.w / SLIDE.width; // inches per slide px
const PT = IN * 72; // points per slide px
const hex = (color: string) => color.replace('#', '').toUpperCase();

type Dash = 'solid' | 'dash' | 'dashDot' | 'lgDash' | 'lgDashDot' | 'lgDashDotDot' | 'sysDash' | 'sysDot';
const DASH: Record<Kind, Dash> = {
  offering: 'solid',
  serves: 'solid',
  supply: 'lgDashDot',
  money: 'dash',
  advice: 'sysDot',
  support: 'lgDashDotDot',
  referral: 'lgDash',
  insight: 'sysDot',
};

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function addBlock(slide: PptxGenJS.Slide, b: Block): void {
  switch (b.t) {
    case 'text':
      slide.addText(
        b.lines.map((line, i) => ({ text: b.caps ? line.toUpperCase() : line, options: { breakLine: i < b.lines.length - 1 } })),
        {
          x: b.x * IN,
          y: b.y * IN,
          w: (b.w + 8) * IN,
          h: b.lines.length * b.lineHeight * IN,
          fontFace: 'Arial',
          fontSize: b.size * PT,
          lineSpacing: b.lineHeight * PT,
          color: hex(b.color),
          bold: b.bold ?? false,
          italic: b.italic ?? false,
          charSpacing: b.caps ? 1 : 0,
          margin: 0,
          valign: 'middle',
          fit: 'none',
        },
      );
      return;
    case 'panel':
      slide.addShape('roundRect', {
        x: b.x * IN, y: b.y * IN, w: b.w * IN, h: b.h * IN, rectRadius: 0.05,
        fill: { color: hex(b.fill) }, line: { color: hex(b.stroke), width: 0.75 },
      });
      return;
    case 'bar':
      slide.addShape('roundRect', { x: b.x * IN, y: b.y * IN, w: b.w * IN, h: b.h * IN, rectRadius: 0.5, fill: { color: hex(b.fill) }, line: { type: 'none' } });
      return;
    case 'swatch': {
      const s = LABEL_STYLE[b.label];
      slide.addShape('roundRect', {
        x: b.x * IN, y: b.y * IN, w: SWATCH.w * IN, h: SWATCH.h * IN, rectRadius: 0.25,
        fill: { color: hex(s.tint) }, line: { color: hex(s.color), width: 1.25 },
      });
      slide.addShape('rect', { x: (b.x + 2) * IN, y: (b.y + 2) * IN, w: 5 * IN, h: (SWATCH.h - 4) * IN, fill: { color: hex(s.color) }, line: { type: 'none' } });
      return;
    }
    case 'kind':
      slide.addShape('line', {
        x: b.x * IN, y: b.y * IN, w: b.w * IN, h: 0,
        line: { color: hex(b.color), width: KIND_STYLE[b.kind].width * 1.15 * PT * 1.6, dashType: DASH[b.kind], endArrowType: 'triangle' },
      });
      return;
    case 'dot':
      slide.addShape('ellipse', { x: (b.cx - b.r) * IN, y: (b.cy - b.r) * IN, w: 2 * b.r * IN, h: 2 * b.r * IN, fill: { color: hex(b.fill) }, line: { type: 'none' } });
      return;
  }
}

/** The map's slide, then, given a workshop report, one slide per report section. */
export async function buildPptx(p: Prepared, options: ExportOptions, onStep: (step: string) => void = () => {}, report?: Report): Promise<Blob> {
  onStep('Loading the PowerPoint writer');
  const { default: Pptx } = await import('pptxgenjs');
  const palette = paletteFor(options.background);
  const layout = layoutSlide(p.scene, palette, options.findings);

  // The diagram: drawn at twice the slide's resolution, at the very least 2,400 px wide.
  const { placed } = layout.diagram;
  // On a light slide the picture is transparent, so the slide's own white shows through.
  const background = options.background === 'dark' ? 'dark' : 'transparent';
  const image = diagramSvg(p.scene, { background, padding: 12, title: p.map.title, embed: null });
  const wanted = Math.max(2, 2400 / image.width, (placed.width * 2) / image.width);
  const scale = fitScale(image.width, image.height, Math.min(wanted, 6));
  const pw = Math.round(image.width * scale);
  const ph = Math.round(image.height * scale);
  const drawn = diagramSvg(p.scene, { background, padding: 12, title: p.map.title, embed: null, scale: pw / image.width });
  const png = await svgToPng(drawn.svg, pw, ph, p.json, scale, onStep);

  onStep('Writing the slide');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = p.map.title;
  pptx.subject = `Stakeholder map of ${p.map.organization.name}`;
  pptx.company = 'Stakemap';
  const slide = pptx.addSlide();
  slide.background = { color: hex(palette.background ?? '#ffffff') };
  for (const b of layout.blocks) addBlock(slide, b);
  // Keep the image's own proportions inside the placed box.
  const k = Math.min(placed.width / image.width, placed.height / image.height);
  const w = image.width * k;
  const h = image.height * k;
  slide.addImage({
    data: `image/png;base64,${toBase64(png)}`,
    x: (placed.x + (placed.width - w) / 2) * IN,
    y: (placed.y + (placed.height - h) / 2) * IN,
    w: w * IN,
    h: h * IN,
    altText: `Stakeholder map: ${p.map.title}`,
  });
  slide.addNotes(findingsNotes(p.map));
  // Breakout teams (docs/FACILITATION.md): their comparison follows the map.
  if (p.map.breakouts && p.map.breakouts.teams.length > 0) addComparisonSlide(pptx, comparisonSlide(compareBreakouts(p.map), p.map.title));
  if (report) {
    onStep('Writing the report slides');
    addReportSlides(pptx, report, { ink: hex(palette.ink), soft: hex(palette.inkSoft), background: hex(palette.background ?? '#ffffff') });
  }
  const out = await pptx.write({ outputType: 'blob', compression: true });
  return out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
