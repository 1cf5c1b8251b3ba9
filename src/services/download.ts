// Saving a map to a file: the way out whenever browser storage fails.
import { serializeMap, withoutBidiControls, type StakeMap } from '../domain';

/** A file name from a map title, safe on every OS: `Brightfoods ecosystem.stakemap.json`. */
export function mapFileName(title: string): string {
  // Bidi controls go too: a right-to-left override in a file name disguises its extension.
  // eslint-disable-next-line no-control-regex
  const clean = withoutBidiControls(title).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${clean.replace(/^[.-]+/, '') || 'map'}.stakemap.json`;
}

/** Serializes a map; a map too broken to serialize is written as raw JSON so nothing is held back. */
export function mapFileText(map: StakeMap): string {
  try {
    return serializeMap(map);
  } catch {
    return `${JSON.stringify(map, null, 2)}\n`;
  }
}

export function downloadText(text: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
}

export function downloadMap(map: StakeMap): void {
  downloadText(mapFileText(map), mapFileName(typeof map.title === 'string' ? map.title : 'map'));
}

/** Any file made in the browser (a CSV, a deck), downloaded under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
