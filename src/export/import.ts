// Opening a file as a map: a .stakemap.json, or a PNG or SVG that Stakemap
// exported (the map rides along in it). What the file is comes from its
// bytes, not its name. Nothing is read beyond what the map needs: a JSON file
// over docs/FORMAT.md's limit is refused by its size alone, a PNG is walked chunk
// by chunk without reading its pixels, and an SVG only up to its metadata.
// Reading never throws: every failure is a refusal with readable problems.
import { LIMITS, parseMap, placeMissing, type Problem, type StakeMap } from '../domain';
import { crc32, iTXtFromChunk, isPng, MAP_KEYWORD } from './png-chunks';
import { readSvgMap } from './svg-embed';

export type ImportResult =
  /**
   * `placed`: the file gave every position (some perhaps beyond the canvas, left out by parseMap and
   * placed again here); otherwise a simple placement was filled in, for the lanes layout to replace.
   * `repairs`: what was changed so the map can be drawn (parseMap's repairs), for the user to see.
   */
  | {
      readonly ok: true;
      readonly map: StakeMap;
      readonly source: 'json' | 'png' | 'svg';
      readonly placed: boolean;
      readonly repairs: readonly Problem[];
    }
  | { readonly ok: false; readonly title: string; readonly problems: readonly Problem[] };

/** What import needs of a file: its name, its size and a way to read slices. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
}

const MB = (n: number) => `${(n / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
const LIMIT = LIMITS.fileBytes;
/** How far into an SVG its <metadata> may start and still be read. */
const SVG_HEAD = LIMIT + 1_000_000;

function refuse(title: string, ...messages: string[]): ImportResult {
  return { ok: false, title, problems: messages.map((message) => ({ path: '', message })) };
}

const NOT_OPENED = (name: string) => `“${name}” could not be opened`;
const NO_MAP = 'This image has no Stakemap map in it. Only PNG and SVG images exported from Stakemap open as maps.';

async function bytesOf(file: FileLike, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

function fromText(text: string, name: string, source: 'json' | 'png' | 'svg'): ImportResult {
  const parsed = parseMap(text);
  if (!parsed.ok) {
    const title = source === 'json' ? `“${name}” is not a map Stakemap can open` : `The map in “${name}” could not be opened`;
    return { ok: false, title, problems: parsed.problems };
  }
  const repairs = parsed.repairs ?? [];
  const repaired = new Set(repairs.map((r) => r.path));
  const complete = parsed.map.stakeholders.every((s) => s.position);
  const placed = complete || parsed.map.stakeholders.every((s, i) => s.position || repaired.has(`stakeholders[${i}].position`));
  return { ok: true, map: complete ? parsed.map : placeMissing(parsed.map), source, placed, repairs };
}

export async function importFile(file: FileLike): Promise<ImportResult> {
  try {
    const head = await bytesOf(file, 0, 16);
    if (isPng(head)) return await importPng(file);
    const start = new TextDecoder().decode(head).replace(/^\ufeff/, '').trimStart();
    if (start.startsWith('<')) return await importSvg(file);
    if (/^\s*\{/.test(start) || head.length === 0 || !looksBinary(head)) return await importJson(file);
    return refuse(NOT_OPENED(file.name), 'Stakemap opens .stakemap.json files, and PNG or SVG images exported from Stakemap. This file is none of these.');
  } catch (error) {
    return refuse(NOT_OPENED(file.name), `The file could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.some((b) => b < 9);
}

function utf8(bytes: Uint8Array): string | null {
  try {
    // The byte-order mark stays in: parseMap accepts one and refuses a second.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function importJson(file: FileLike): Promise<ImportResult> {
  if (file.size > LIMIT) {
    return refuse(NOT_OPENED(file.name), `The file is ${MB(file.size)}; a map file may be at most ${LIMIT.toLocaleString('en-US')} bytes.`);
  }
  const text = utf8(await bytesOf(file, 0, file.size));
  if (text === null) return refuse(NOT_OPENED(file.name), 'The file is not UTF-8 text, so it is not a map file.');
  return fromText(text, file.name, 'json');
}

async function importSvg(file: FileLike): Promise<ImportResult> {
  const text = new TextDecoder().decode(await bytesOf(file, 0, Math.min(file.size, SVG_HEAD)));
  const found = readSvgMap(text);
  if (found.found) return fromText(found.text, file.name, 'svg');
  if (found.reason === 'not-svg') {
    return refuse(NOT_OPENED(file.name), 'Stakemap opens .stakemap.json files, and PNG or SVG images exported from Stakemap. This file is none of these.');
  }
  if (file.size > SVG_HEAD) return refuse(NOT_OPENED(file.name), `${NO_MAP} (Only its first ${MB(SVG_HEAD)} were read.)`);
  return refuse(NOT_OPENED(file.name), NO_MAP);
}

/** Walks the chunks by their headers, reading only a chunk that may hold the map. */
async function importPng(file: FileLike): Promise<ImportResult> {
  let at = 8;
  while (at + 12 <= file.size) {
    const header = await bytesOf(file, at, at + 8);
    const length = ((header[0]! << 24) | (header[1]! << 16) | (header[2]! << 8) | header[3]!) >>> 0;
    const type = String.fromCharCode(header[4]!, header[5]!, header[6]!, header[7]!);
    if (type === 'IEND' || at + 12 + length > file.size) break;
    if (type === 'iTXt') {
      if (length > LIMIT + 1024) {
        return refuse(NOT_OPENED(file.name), `The map in this image is larger than ${LIMIT.toLocaleString('en-US')} bytes, the most a map may be.`);
      }
      const data = await bytesOf(file, at + 8, at + 8 + length + 4);
      const chunk = new Uint8Array(12 + length);
      chunk.set(header, 0);
      chunk.set(data, 8);
      const found = readChunk(chunk, length);
      if (found) return found.kind === 'text' ? fromText(found.text, file.name, 'png') : fromText(await inflate(found.data), file.name, 'png');
    }
    at += 12 + length;
  }
  return refuse(NOT_OPENED(file.name), NO_MAP);
}

function readChunk(chunk: Uint8Array, length: number) {
  const crcStored = ((chunk[8 + length]! << 24) | (chunk[9 + length]! << 16) | (chunk[10 + length]! << 8) | chunk[11 + length]!) >>> 0;
  // iTXtFromChunk checks the keyword; the CRC is checked here, over the bytes read.
  const data = chunk.subarray(8, 8 + length);
  return iTXtFromChunk({ type: 'iTXt', data, crcOk: crc32(chunk.subarray(4, 8 + length)) === crcStored }, MAP_KEYWORD);
}

/** Inflates a compressed iTXt text, stopping as soon as it grows past the size limit. */
async function inflate(data: Uint8Array): Promise<string> {
  const reader = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > LIMIT) {
      await reader.cancel();
      throw new Error(`the map in this image is larger than ${LIMIT.toLocaleString('en-US')} bytes`);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
