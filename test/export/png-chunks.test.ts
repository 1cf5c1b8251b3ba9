import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import {
  crc32,
  encodeChunk,
  insertChunks,
  iTXtChunk,
  pHYsChunk,
  readChunks,
  readEmbeddedText,
  MAP_KEYWORD,
} from '../../src/export/png-chunks';
import { embedMap } from '../../src/export/png';
import { serializeMap } from '../../src/domain';
import { decodePng } from './png-decode';
import { awkwardMap, tinyPng } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CRC-32', () => {
  it('matches the standard check value and PNG chunk CRCs', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(utf8('IEND'))).toBe(0xae426082);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes chunks whose CRC a reader accepts, and flags a damaged one', () => {
    const chunk = encodeChunk('tEXt', utf8('Comment\0hello'));
    const png = insertChunks(tinyPng(), [chunk]);
    const found = readChunks(png).find((c) => c.type === 'tEXt')!;
    expect(found.crcOk).toBe(true);
    const damaged = png.slice();
    const at = png.indexOf(0x68 /* h */, 40);
    damaged[at] = 0x48;
    expect(readChunks(damaged).find((c) => c.type === 'tEXt')!.crcOk).toBe(false);
  });
});

describe('iTXt chunk with the map', () => {
  const json = serializeMap(awkwardMap());

  it('round-trips UTF-8 JSON, non-ASCII included, right after IHDR', () => {
    const png = insertChunks(tinyPng(), [iTXtChunk(MAP_KEYWORD, utf8(json))]);
    const types = readChunks(png).map((c) => c.type);
    expect(types).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    const found = readEmbeddedText(png);
    expect(found).toEqual({ kind: 'text', text: json });
    expect(json).toContain('😀');
  });

  it('leaves the image itself intact', () => {
    const png = insertChunks(tinyPng(4, 3, [10, 20, 30, 255]), [iTXtChunk(MAP_KEYWORD, utf8(json)), pHYsChunk(192)]);
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([4, 3]);
    expect(img.pixel(3, 2)).toEqual([10, 20, 30, 255]);
  });

  it('writes the layout of the PNG spec: keyword, NUL, flags, empty language and translation', () => {
    const chunk = iTXtChunk('stakemap', utf8('{}'));
    const data = chunk.subarray(8, chunk.length - 4);
    expect(Array.from(data)).toEqual([...utf8('stakemap'), 0, 0, 0, 0, 0, ...utf8('{}')]);
  });

  it('embedMap compresses large maps with zlib and states the density', async () => {
    const big = `{"pad":"${'x'.repeat(100_000)}"}`;
    const png = await embedMap(tinyPng(), big, 2);
    const found = readEmbeddedText(png);
    expect(found.kind).toBe('compressed');
    if (found.kind === 'compressed') expect(inflateSync(found.data).toString('utf8')).toBe(big);
    const phys = readChunks(png).find((c) => c.type === 'pHYs')!;
    expect(new DataView(phys.data.buffer, phys.data.byteOffset).getUint32(0)).toBe(Math.round(192 / 0.0254));
    const small = await embedMap(tinyPng(), json, 1);
    expect(readEmbeddedText(small)).toEqual({ kind: 'text', text: json });
  });

  it('says clearly when a PNG carries no map, or another keyword only', () => {
    expect(readEmbeddedText(tinyPng())).toEqual({ kind: 'none' });
    const other = insertChunks(tinyPng(), [iTXtChunk('Description', utf8('hello'))]);
    expect(readEmbeddedText(other)).toEqual({ kind: 'none' });
    expect(readEmbeddedText(utf8('{"format":"stakemap"}'))).toEqual({ kind: 'not-png' });
  });

  it('never throws on garbage, truncated or hostile input', () => {
    const png = insertChunks(tinyPng(), [iTXtChunk(MAP_KEYWORD, utf8(json))]);
    const inputs: Uint8Array[] = [new Uint8Array(), utf8('not a png at all'), png.subarray(0, 8), png.subarray(0, 30), png.subarray(0, png.length - 5)];
    const hugeLength = png.slice();
    hugeLength.set([0xff, 0xff, 0xff, 0xff], 8);
    inputs.push(hugeLength);
    let seed = 42;
    for (let n = 0; n < 200; n++) {
      const junk = png.slice();
      for (let k = 0; k < 8; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        junk[8 + (seed % (junk.length - 8))] = seed & 255;
      }
      inputs.push(junk);
    }
    const badUtf8 = insertChunks(tinyPng(), [iTXtChunk(MAP_KEYWORD, Uint8Array.of(0xff, 0xfe, 0xfd))]);
    inputs.push(badUtf8);
    for (const input of inputs) {
      expect(() => readChunks(input)).not.toThrow();
      expect(() => readEmbeddedText(input)).not.toThrow();
    }
    expect(readEmbeddedText(badUtf8)).toEqual({ kind: 'none' });
    expect(readEmbeddedText(png.subarray(0, 30)).kind).toBe('none');
  });

  it('leaves bytes that are not a PNG unchanged when asked to insert chunks', () => {
    const bytes = utf8('hello');
    expect(insertChunks(bytes, [iTXtChunk(MAP_KEYWORD, utf8('{}'))])).toBe(bytes);
  });

});
