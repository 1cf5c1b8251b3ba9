// A small PNG decoder for tests: 8-bit greyscale, RGB or RGBA, not interlaced,
// all five filter types. Enough to read what Chromium's canvas.toBlob writes.
import { inflateSync } from 'node:zlib';
import { readChunks } from '../../src/export/png-chunks';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  rgba: Uint8Array;
  pixel(x: number, y: number): [number, number, number, number];
}

export function decodePng(bytes: Uint8Array): DecodedPng {
  const chunks = readChunks(bytes);
  const ihdr = chunks.find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('not a PNG');
  const v = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  const width = v.getUint32(0);
  const height = v.getUint32(4);
  const depth = ihdr.data[8]!;
  const colorType = ihdr.data[9]!;
  const interlace = ihdr.data[12]!;
  if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, interlace ${interlace}`);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels) throw new Error(`unsupported colour type ${colorType}`);
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => Buffer.from(c.data)));
  const raw = inflateSync(idat);
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[row + i - channels]! : 0;
      const b = y > 0 ? out[prev + i]! : 0;
      const c = y > 0 && i >= channels ? out[prev + i - channels]! : 0;
      let p = raw[src + i]!;
      if (filter === 1) p += a;
      else if (filter === 2) p += b;
      else if (filter === 3) p += (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[row + i] = p & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    if (channels === 4) rgba.set(out.subarray(s, s + 4), i * 4);
    else if (channels === 3) rgba.set([out[s]!, out[s + 1]!, out[s + 2]!, 255], i * 4);
    else if (channels === 2) rgba.set([out[s]!, out[s]!, out[s]!, out[s + 1]!], i * 4);
    else rgba.set([out[s]!, out[s]!, out[s]!, 255], i * 4);
  }
  return {
    width,
    height,
    rgba,
    pixel: (x, y) => {
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!];
    },
  };
}
