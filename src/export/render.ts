// From the open map and the dialog's choices to what gets drawn: the part of
// the map, anonymized if asked, its scene, and the SVG every image export
// starts from. Pure.
import { serializeMap, withoutBidiControls, type StakeMap } from '../domain';
import { anonymize } from './anonymize';
import type { ExportOptions } from './options';
import { buildScene, partOf, type Part, type Scene } from './scene';
import { slideSvg } from './slide';
import type { SlideLayout } from './slide-layout';
import { diagramSvg, type SvgDocument } from './svg';

export interface Prepared {
  /** The map as exported: the chosen part, anonymized if asked, with every position set. */
  readonly map: StakeMap;
  readonly scene: Scene;
  /** serializeMap of `map`: what JSON export writes and what images carry. */
  readonly json: string;
}

export const NO_PART: Part = { stakeholders: [], relations: [], organization: false };

export function prepare(map: StakeMap, options: Pick<ExportOptions, 'scope' | 'anonymize'> & Partial<Pick<ExportOptions, 'keepContext'>>, selection: Part = NO_PART): Prepared {
  const source = options.anonymize ? anonymize(map, { keepContext: options.keepContext ?? false }) : map;
  const part = options.scope === 'selection' ? partOf(source, selection) : { map: source, showOrganization: true };
  const scene = buildScene(part.map, part.showOrganization);
  return { map: scene.map, scene, json: serializeMap(scene.map) };
}

/** The SVG of an image export. `scale` only sets its natural pixel size. A slide comes with its layout and the scene it draws (slide-fit.ts). */
export function imageSvg(p: Prepared, options: ExportOptions, o: { scale?: number; embed?: boolean } = {}): SvgDocument & { layout?: SlideLayout; scene?: Scene } {
  const common = {
    background: options.background,
    scale: o.scale ?? 1,
    embed: o.embed === false ? null : p.json,
    title: p.map.title,
  };
  return options.slide ? slideSvg(p.scene, { ...common, findings: !options.findings ? 'none' : options.format === 'pptx' ? 'summary' : options.findingsPlace }) : diagramSvg(p.scene, common);
}

/**
 * Browsers cap canvases (Chromium: 16,384 px a side, ~268 M pixels): the largest scale up to `wanted` that fits,
 * in hundredths. A map spread over the whole drawable range (±1,000,000, docs/FORMAT.md) needs less than a
 * hundredth: it gets what fits (in hundred-thousandths), small but drawn, rather than a canvas the browser cannot make.
 */
export function fitScale(width: number, height: number, wanted: number, maxSide = 16_384, maxPixels = 120_000_000): number {
  const s = Math.min(wanted, maxSide / width, maxSide / height, Math.sqrt(maxPixels / (width * height)));
  return s >= 0.01 ? Math.floor(s * 100) / 100 : Math.floor(s * 100_000) / 100_000;
}

const EXTENSIONS = { png: 'png', svg: 'svg', pptx: 'pptx', json: 'stakemap.json' } as const;

/** A file name from the map's title, safe on every OS (as src/app/download.ts names map files). */
export function fileName(title: string, format: keyof typeof EXTENSIONS): string {
  // Bidi controls go too: a right-to-left override in a file name disguises its extension.
  // eslint-disable-next-line no-control-regex
  const clean = withoutBidiControls(title).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${clean.replace(/^[.-]+/, '') || 'map'}.${EXTENSIONS[format]}`;
}
