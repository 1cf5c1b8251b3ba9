// PowerPoint export: a 16:9 map slide laid out as the slide SVG is
// (slide-layout.ts), its title in the title placeholder, the legend and
// definition as editable text, the diagram as editable shapes
// (pptx-diagram.ts) or, if asked, as a picture sized to what the slide can
// show (which carries the map, so it opens again in Stakemap); a short
// summary of the findings on it, every finding whole on "Findings" slides
// after it (slide-findings.ts), and the findings as speaker notes. The
// diagram's relations become glued connectors after pptxgenjs has written
// the deck (pptx-connectors.ts).
// pptxgenjs is loaded only when a deck is written.
import type PptxGenJS from 'pptxgenjs';
import { countsPhrase, findingsNotes, summarizeFindings } from './findings';
import type { ExportOptions } from './options';
import { paletteFor, type Palette } from './palette';
import { svgToPng } from './png';
import { addBlock, defineMaster, MASTER } from './pptx-blocks';
import { glueConnectors, type Glue } from './pptx-connectors';
import { addDiagram, hex, IN } from './pptx-diagram';
import { fitScale, type Prepared } from './render';
import { findingsPages } from './slide-findings';
import type { Scene } from './scene';
import { slideScene } from './slide-fit';
import { slideHeader, type SlideLayout } from './slide-layout';
import { diagramSvg } from './svg';
import { compareBreakouts, type Report, type StakeMap } from '../domain';
import { addComparisonSlide, comparisonSlide } from './compare-slide';
import { addReportSlides } from './report-slides';
import { addGridSlide } from './grid-slide';
import { gridHasValues } from '../domain/grids';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Pixels a picture needs on this slide: twice its placed size (sharp on a 4K projector), never more. */
export function pictureScale(imageWidth: number, imageHeight: number, placedWidth: number, placedHeight: number): number {
  const k = Math.min(placedWidth / imageWidth, placedHeight / imageHeight);
  return fitScale(imageWidth, imageHeight, Math.max(0.01, 2 * k));
}

async function addPicture(slide: PptxGenJS.Slide, p: Prepared, scene: Scene, options: ExportOptions, layout: SlideLayout, onStep: (step: string) => void): Promise<void> {
  const { placed } = layout.diagram;
  // On a light slide the picture is transparent, so the slide's own white shows through.
  const background = options.background === 'dark' ? 'dark' : 'transparent';
  const image = diagramSvg(scene, { background, padding: 12, title: p.map.title, embed: null });
  const scale = pictureScale(image.width, image.height, placed.width, placed.height);
  const pw = Math.max(1, Math.round(image.width * scale));
  const ph = Math.max(1, Math.round(image.height * scale));
  const drawn = diagramSvg(scene, { background, padding: 12, title: p.map.title, embed: null, scale: pw / image.width });
  const png = await svgToPng(drawn.svg, pw, ph, p.json, scale, onStep);
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
}

/** Every finding, whole, on as many slides as they need. */
function addFindingsSlides(pptx: PptxGenJS, map: StakeMap, palette: Palette): number {
  const { counts } = summarizeFindings(map);
  const subtitle = `${map.title} · ${countsPhrase(counts)}`;
  const { top } = slideHeader('Findings', subtitle, palette);
  const pages = findingsPages(map, palette, 'Findings', top);
  for (const page of pages) {
    const slide = pptx.addSlide({ masterName: MASTER });
    slide.background = { color: hex(palette.background ?? '#ffffff') };
    for (const b of [...slideHeader(page.title, subtitle, palette).blocks, ...page.blocks]) addBlock(slide, b, 'preset');
  }
  return pages.length;
}

/** The map's slide and its findings; then the breakout comparison, if any; then the grids that have stakeholders on them; then, given a workshop report, one slide per report section. */
export async function buildPptx(p: Prepared, options: ExportOptions, onStep: (step: string) => void = () => {}, report?: Report): Promise<Blob> {
  onStep('Loading the PowerPoint writer');
  const { default: Pptx } = await import('pptxgenjs');
  const palette = paletteFor(options.background);
  // A small map drawn so that its names read on the slide (slide-fit.ts); the picture carries the map as it is.
  const { scene, layout } = slideScene(p.scene, palette, options.findings ? 'summary' : 'none');
  const picture = options.diagram === 'picture';

  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = p.map.title;
  pptx.subject = `Stakeholder map of ${p.map.organization.name}`;
  pptx.company = 'Stakemap';
  defineMaster(pptx, palette);
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.background = { color: hex(palette.background ?? '#ffffff') };
  for (const b of layout.blocks) addBlock(slide, b, picture ? 'picture' : 'preset');
  if (picture) await addPicture(slide, p, scene, options, layout, onStep);
  const glue = picture ? null : addDiagram(slide, scene, layout.diagram, palette);
  onStep('Writing the slide');
  slide.addNotes(findingsNotes(p.map));
  if (options.findings) addFindingsSlides(pptx, p.map, palette);
  // Breakout teams (docs/FACILITATION.md): their comparison follows the map.
  if (p.map.breakouts && p.map.breakouts.teams.length > 0) addComparisonSlide(pptx, comparisonSlide(compareBreakouts(p.map), p.map.title));
  // The grids, each once a stakeholder has its numbers (a grid of nobody says nothing).
  for (const kind of ['relationship', 'power'] as const) if (gridHasValues(p.map, kind)) addGridSlide(pptx, p.map, kind, palette);
  if (report) {
    onStep('Writing the report slides');
    addReportSlides(pptx, report, { ink: hex(palette.ink), soft: hex(palette.inkSoft), background: hex(palette.background ?? '#ffffff') });
  }

  const written = (await pptx.write({ outputType: 'uint8array', compression: !glue })) as Uint8Array;
  const bytes = glue ? await withConnectors(written, glue) : written;
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}

/** The deck with the map slide's relations made connectors (pptx-connectors.ts). JSZip is the one pptxgenjs writes with. */
async function withConnectors(deck: Uint8Array, glue: Glue): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(deck);
  const name = 'ppt/slides/slide1.xml';
  const xml = await zip.file(name)?.async('string');
  if (xml === undefined) throw new Error('The deck has no map slide.');
  zip.file(name, glueConnectors(xml, glue));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
