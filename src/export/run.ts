// Running an export: from the open map and the chosen options to a file, with
// progress reported between the steps so the dialog can show it.
import type { Report, StakeMap } from '../domain';
import type { ExportOptions } from './options';
import { svgToPng } from './png';
import { fileName, fitScale, imageSvg, prepare, type Prepared } from './render';
import type { Part } from './scene';

export interface ExportFile {
  readonly blob: Blob;
  readonly name: string;
  /** For PNG: the scale used, when the browser's canvas limit made it smaller than asked. */
  readonly reducedScale?: number;
}

export type Progress = (step: string, fraction: number) => void;

/** Lets the page paint (progress) before the next long step. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const MIME = {
  png: 'image/png',
  svg: 'image/svg+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  json: 'application/json',
} as const;

/** The pixel size of a PNG of a `width` × `height` drawing at `wanted` scale, and the scale it really gets. */
export function pixelSize(width: number, height: number, wanted: number): { width: number; height: number; scale: number } {
  const scale = fitScale(width, height, wanted);
  return { width: Math.round(width * scale), height: Math.round(height * scale), scale };
}

export function pngSize(p: Prepared, options: ExportOptions): { width: number; height: number; scale: number } {
  const base = imageSvg(p, options, { embed: false });
  return pixelSize(base.width, base.height, options.scale);
}

export async function pngBytes(p: Prepared, options: ExportOptions, progress: Progress = () => {}): Promise<{ bytes: Uint8Array; scale: number }> {
  const size = pngSize(p, options);
  const base = imageSvg(p, options, { embed: false });
  const doc = imageSvg(p, options, { embed: false, scale: size.width / base.width });
  const steps: Record<string, number> = { 'Drawing the image': 0.3, 'Encoding the PNG': 0.6, 'Embedding the map': 0.9 };
  const bytes = await svgToPng(doc.svg, size.width, size.height, p.json, size.scale, (step) => progress(step, steps[step] ?? 0.5));
  return { bytes, scale: size.scale };
}

/** Given a workshop report, a PowerPoint deck gets its slides after the map's. */
export async function runExport(map: StakeMap, selection: Part, options: ExportOptions, progress: Progress = () => {}, report?: Report): Promise<ExportFile> {
  progress('Preparing the map', 0.05);
  await tick();
  const p = prepare(map, options, selection);
  const name = fileName(p.map.title, options.format);
  switch (options.format) {
    case 'json':
      return { blob: new Blob([p.json], { type: MIME.json }), name };
    case 'svg': {
      progress('Drawing the SVG', 0.5);
      await tick();
      return { blob: new Blob([imageSvg(p, options).svg], { type: MIME.svg }), name };
    }
    case 'png': {
      const { bytes, scale } = await pngBytes(p, options, progress);
      const file: ExportFile = { blob: new Blob([bytes as BlobPart], { type: MIME.png }), name };
      return scale < options.scale ? { ...file, reducedScale: scale } : file;
    }
    case 'pptx': {
      const { buildPptx } = await import('./pptx');
      const fractions: Record<string, number> = {
        'Loading the PowerPoint writer': 0.1,
        'Drawing the image': 0.3,
        'Encoding the PNG': 0.5,
        'Embedding the map': 0.7,
        'Writing the slide': 0.85,
        'Writing the report slides': 0.9,
      };
      const blob = await buildPptx(p, options, (step) => progress(step, fractions[step] ?? 0.5), report);
      return { blob: blob.type ? blob : new Blob([blob], { type: MIME.pptx }), name };
    }
  }
}

/** A PNG for the clipboard, with the options as remembered (the format aside). */
export async function clipboardPng(map: StakeMap, selection: Part, options: ExportOptions): Promise<Blob> {
  const file = await runExport(map, selection, { ...options, format: 'png' });
  return file.blob;
}

export function download(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
