// A grid as a file, like the map's exports: the SVG as drawn, or a PNG at twice its size.
import { download } from '../export/run';

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
