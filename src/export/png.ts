// PNG export: the export SVG drawn onto a canvas by the browser's own SVG
// renderer, at the pixel size asked for (so text is rasterized at that size,
// not scaled up), encoded by canvas.toBlob, then given the map in an iTXt
// chunk and its density in pHYs.
import { iTXtChunk, insertChunks, MAP_KEYWORD, pHYsChunk } from './png-chunks';

/** Embedded maps above this size are zlib-compressed in their iTXt chunk. */
const COMPRESS_ABOVE = 64 * 1024;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The browser could not draw this map as an image.'));
    img.src = url;
  });
}

/** Draws `svg` (whose width and height attributes are the pixel size) onto a canvas of `width` × `height` px. */
export async function rasterize(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser has no canvas to draw the image on.');
    ctx.drawImage(img, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) reject(new Error('The image is too large for this browser to encode.'));
      else blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, 'image/png');
  });
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `png` carrying `json` (a serializeMap result) and stating `scale` × 96 dpi. */
export async function embedMap(png: Uint8Array, json: string | null, scale: number): Promise<Uint8Array> {
  const chunks = [pHYsChunk(96 * scale)];
  if (json !== null) {
    const text = new TextEncoder().encode(json);
    const compress = text.length > COMPRESS_ABOVE && typeof CompressionStream === 'function';
    chunks.push(iTXtChunk(MAP_KEYWORD, compress ? await deflate(text) : text, compress));
  }
  return insertChunks(png, chunks);
}

/** The whole PNG export: rasterize, encode, embed. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  json: string | null,
  scale: number,
  onStep: (step: string) => void = () => {},
): Promise<Uint8Array> {
  onStep('Drawing the image');
  const canvas = await rasterize(svg, width, height);
  onStep('Encoding the PNG');
  const png = await canvasToPng(canvas);
  canvas.width = 0;
  canvas.height = 0;
  onStep('Embedding the map');
  return embedMap(png, json, scale);
}
