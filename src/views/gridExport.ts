// A grid as a file, like the map's exports: the SVG as drawn, a PNG at twice
// its size, or a PowerPoint slide drawn from the same numbers.
import type { StakeMap } from '../domain';
import type { GridKind } from '../domain/grids';
import { download } from '../export/run';

/** The grid as a one-slide deck; the slide code (and pptxgenjs) loads only now. */
export async function downloadGridSlide(map: StakeMap, kind: GridKind, name: string): Promise<void> {
  const { gridDeck } = await import('../export/grid-slide');
  download({ blob: await gridDeck(map, kind), name: `${name}.pptx` });
}

export async function downloadGrid(svg: SVGSVGElement, name: string, format: 'svg' | 'png'): Promise<void> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(svg.viewBox.baseVal.width));
  copy.setAttribute('height', String(svg.viewBox.baseVal.height));
  const text = new XMLSerializer().serializeToString(copy);
  const svgBlob = new Blob([text], { type: 'image/svg+xml' });
  if (format === 'svg') {
    download({ blob: svgBlob, name: `${name}.svg` });
    return;
  }
  const url = URL.createObjectURL(svgBlob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the grid as a PNG.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
    download({ blob, name: `${name}.png` });
  } finally {
    URL.revokeObjectURL(url);
  }
}
