// Reading and writing PNG chunks (PNG spec, section 5): enough to carry a map
// in an iTXt chunk and to state the pixel density in pHYs. Pure; readers
// never throw, whatever bytes they are given.

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
export const MAP_KEYWORD = 'stakemap';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crcUpdate(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** CRC-32 as PNG (and zlib, gzip) compute it. */
export function crc32(bytes: Uint8Array): number {
  return (crcUpdate(0xffffffff, bytes) ^ 0xffffffff) >>> 0;
}

export interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
  /** Whether the stored CRC matches type and data. */
  readonly crcOk: boolean;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

const typeOf = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** The chunks of a PNG, in order, up to IEND or to where the bytes stop making sense. */
export function readChunks(bytes: Uint8Array): Chunk[] {
  const chunks: Chunk[] = [];
  if (!isPng(bytes)) return chunks;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    if (length > bytes.length - at - 12) break;
    const type = typeOf(bytes, at + 4);
    if (!/^[A-Za-z]{4}$/.test(type)) break;
    const data = bytes.subarray(at + 8, at + 8 + length);
    const stored = u32(bytes, at + 8 + length);
    const crcOk = ((crcUpdate(crcUpdate(0xffffffff, bytes.subarray(at + 4, at + 8)), data) ^ 0xffffffff) >>> 0) === stored;
    chunks.push({ type, data, crcOk });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** One chunk as bytes: length, type, data, CRC of type and data. */
export function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** `png` with `extra` chunks inserted right after IHDR; returns `png` unchanged if it is not a PNG. */
export function insertChunks(png: Uint8Array, extra: readonly Uint8Array[]): Uint8Array {
  if (!isPng(png) || typeOf(png, 12) !== 'IHDR') return png;
  const afterIhdr = 8 + 12 + u32(png, 8);
  const size = extra.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, afterIhdr), 0);
  let at = afterIhdr;
  for (const c of extra) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(afterIhdr), at);
  return out;
}

/**
 * An iTXt chunk: keyword, NUL, compression flag and method, empty language
 * tag and translated keyword (each NUL-ended), then the text as UTF-8.
 * `compressed` must already be zlib data when the flag is set.
 */
export function iTXtChunk(keyword: string, text: Uint8Array, compressed = false): Uint8Array {
  const key = new TextEncoder().encode(keyword);
  const data = new Uint8Array(key.length + 5 + text.length);
  data.set(key, 0);
  data[key.length] = 0;
  data[key.length + 1] = compressed ? 1 : 0;
  data[key.length + 2] = 0;
  data[key.length + 3] = 0;
  data[key.length + 4] = 0;
  data.set(text, key.length + 5);
  return encodeChunk('iTXt', data);
}

/** pHYs: pixels per metre, so that a 2x image is placed at its 1x size in slide apps. */
export function pHYsChunk(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1;
  return encodeChunk('pHYs', data);
}

export type FoundText = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'compressed'; readonly data: Uint8Array };
export type EmbeddedText =
  | FoundText
  | { readonly kind: 'none' }
  | { readonly kind: 'not-png' };

/** The text of the first sound iTXt chunk with `keyword`. */
export function iTXtFromChunk(chunk: Chunk, keyword = MAP_KEYWORD): FoundText | null {
  if (chunk.type !== 'iTXt' || !chunk.crcOk) return null;
  const d = chunk.data;
  const nul = d.indexOf(0);
  if (nul < 1 || nul + 3 > d.length) return null;
  if (new TextDecoder('latin1').decode(d.subarray(0, nul)) !== keyword) return null;
  const flag = d[nul + 1];
  const langEnd = d.indexOf(0, nul + 3);
  const transEnd = langEnd < 0 ? -1 : d.indexOf(0, langEnd + 1);
  if (transEnd < 0) return null;
  const body = d.subarray(transEnd + 1);
  if (flag === 1) return { kind: 'compressed', data: body };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return null;
  }
}

/** The map text a PNG carries, if any. Never throws. */
export function readEmbeddedText(bytes: Uint8Array, keyword = MAP_KEYWORD): EmbeddedText {
  try {
    if (!isPng(bytes)) return { kind: 'not-png' };
    for (const chunk of readChunks(bytes)) {
      const found = iTXtFromChunk(chunk, keyword);
      if (found) return found;
    }
    return { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}
