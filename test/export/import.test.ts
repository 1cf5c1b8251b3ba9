import { describe, expect, it } from 'vitest';
import { bigMap } from '../domain/big-map';
import { FORMAT_VERSION, placeMissing, serializeMap, type StakeMap } from '../../src/domain';
import { importFile, type FileLike, type ImportResult } from '../../src/export/import';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { embedMap } from '../../src/export/png';
import { iTXtChunk, insertChunks, MAP_KEYWORD, readEmbeddedText } from '../../src/export/png-chunks';
import { imageSvg, prepare } from '../../src/export/render';
import { awkwardMap, fileOf, scenario, scenarioNames, tinyPng } from './helpers';

const svgOf = (map: StakeMap, o: Partial<ExportOptions> = {}) => imageSvg(prepare(map, { ...DEFAULT_OPTIONS, ...o }), { ...DEFAULT_OPTIONS, ...o }).svg;
const same = (result: ImportResult, map: StakeMap) => {
  expect(result.ok).toBe(true);
  if (result.ok) expect(serializeMap(result.map)).toBe(serializeMap(placeMissing(map)));
};
const messages = (result: ImportResult) => (result.ok ? [] : result.problems.map((p) => p.message));

describe('import gives back the same map', () => {
  for (const name of scenarioNames()) {
    it(`from JSON, PNG and SVG: ${name}`, async () => {
      const map = scenario(name);
      const json = serializeMap(map);
      same(await importFile(fileOf(json, `${name}.stakemap.json`)), map);
      const png = await embedMap(tinyPng(), prepare(map, DEFAULT_OPTIONS).json, 2);
      same(await importFile(fileOf(png, `${name}.png`, 'image/png')), map);
      same(await importFile(fileOf(svgOf(map), `${name}.svg`)), map);
      same(await importFile(fileOf(svgOf(map, { slide: true, findings: true, background: 'dark' }), `${name}-slide.svg`)), map);
    });
  }

  it('with awkward names, and positions added where the file had none', async () => {
    const map = awkwardMap();
    same(await importFile(fileOf(svgOf(map), 'awkward.svg')), map);
    const noPositions = scenario('brightfoods-distribution');
    expect(noPositions.stakeholders.every((s) => !s.position)).toBe(true);
    const result = await importFile(fileOf(serializeMap(noPositions), 'b.stakemap.json'));
    expect(result.ok && result.map.stakeholders.every((s) => s.position)).toBe(true);
  });

  it('from a PNG whose map is compressed (a large map)', async () => {
    const map = bigMap(500, 1500);
    const png = await embedMap(tinyPng(), serializeMap(map), 2);
    expect(readEmbeddedText(png).kind).toBe('compressed');
    same(await importFile(fileOf(png, 'big.png')), map);
  });

  it('tells the file type by its bytes, not its name, and accepts a byte-order mark', async () => {
    const map = scenario('reliance-clients');
    same(await importFile(fileOf(svgOf(map), 'misnamed.json')), map);
    same(await importFile(fileOf(`\ufeff${serializeMap(map)}`, 'bom.stakemap.json')), map);
  });

  it('passes on what parseMap repaired, and places again only the card it left without a position', async () => {
    const map = placeMissing(scenario('reliance-clients'));
    const far = { ...map, stakeholders: map.stakeholders.map((s, i) => (i === 0 ? { ...s, position: { x: 1.7e308, y: 0 } } : s)) };
    const result = await importFile(fileOf(serializeMap(far), 'far.stakemap.json'));
    if (!result.ok) throw new Error('expected the map to open');
    expect(result.repairs.map((r) => r.path)).toEqual(['stakeholders[0].position']);
    // Placed: no lanes layout to move the others.
    expect(result.placed).toBe(true);
    expect(result.map.stakeholders.slice(1)).toEqual(map.stakeholders.slice(1));
    const again = result.map.stakeholders[0]!.position!;
    expect(Math.abs(again.x)).toBeLessThan(5_000);
  });
});

describe('import refuses, readably', () => {
  it('a file that starts with two byte-order marks (the decoder keeps the first for parseMap to see)', async () => {
    const result = await importFile(fileOf(`\ufeff\ufeff${serializeMap(scenario('reliance-clients'))}`, 'two.stakemap.json'));
    expect(messages(result)).toEqual([expect.stringMatching(/^The file starts with two byte-order marks/)]);
  });

  it("lists parseMap's problems, each starting with its place in the file", async () => {
    const bad = JSON.stringify({ format: 'stakemap', version: 1, title: 'x', organization: { name: 'Us' }, stakeholders: [{ id: 'a', name: 'A', label: 'custmer', side: 'external' }], relations: [] });
    const result = await importFile(fileOf(bad, 'bad.stakemap.json'));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.title).toContain('bad.stakemap.json');
    expect(messages(result)).toEqual([expect.stringMatching(/^stakeholders\[0\]\.label: "custmer" is not one of customer, client/)]);
  });

  it('names both versions for a newer file, and says when a file is not JSON', async () => {
    const newer = await importFile(fileOf('{"format":"stakemap","version":9}', 'new.stakemap.json'));
    expect(messages(newer)[0]).toMatch(new RegExp(`^version: .*version 9.*version ${FORMAT_VERSION}`));
    expect(messages(await importFile(fileOf('hello, world', 'notes.txt')))[0]).toMatch(/not JSON/);
  });

  it('says an image without an embedded map has none', async () => {
    const png = await importFile(fileOf(tinyPng(), 'photo.png'));
    expect(png.ok).toBe(false);
    expect(messages(png)).toEqual(['This image has no Stakemap map in it. Only PNG and SVG images exported from Stakemap open as maps.']);
    const other = insertChunks(tinyPng(), [iTXtChunk('Comment', new TextEncoder().encode('{}'))]);
    expect(messages(await importFile(fileOf(other, 'c.png')))[0]).toMatch(/no Stakemap map/);
    const svg = await importFile(fileOf('<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>', 'drawing.svg'));
    expect(messages(svg)[0]).toMatch(/^This image has no Stakemap map in it/);
  });

  it('refuses a broken map inside an image with its problems', async () => {
    const png = insertChunks(tinyPng(), [iTXtChunk(MAP_KEYWORD, new TextEncoder().encode('{"format":"stakemap","version":1}'))]);
    const result = await importFile(fileOf(png, 'broken.png'));
    expect(result.ok).toBe(false);
    expect(messages(result).some((m) => m.startsWith('title:'))).toBe(true);
  });

  it('refuses other files, and garbage, without throwing', async () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1);
    expect(messages(await importFile(fileOf(jpeg, 'photo.jpg')))[0]).toMatch(/none of these/);
    expect((await importFile(fileOf(new Uint8Array(), 'empty.json'))).ok).toBe(false);
    const png = await embedMap(tinyPng(), serializeMap(scenario('empty')), 1);
    const truncated = await importFile(fileOf(png.subarray(0, 40), 'cut.png'));
    expect(truncated.ok).toBe(false);
    expect(messages(await importFile(fileOf(Uint8Array.of(0xc3, 0x28, 0x7b), 'latin.json')))[0]).toBeTruthy();
  });

  it('refuses a JSON file over 10 MB by its size, before reading it', async () => {
    let read = 0;
    const huge: FileLike = {
      name: 'huge.stakemap.json',
      size: 10_000_001,
      slice(start = 0, end = huge.size) {
        read += end - start;
        return new Blob([`{"format":"stakemap"`.padEnd(Math.min(end, 64) - start, ' ')]);
      },
    };
    const result = await importFile(huge);
    expect(result.ok).toBe(false);
    expect(messages(result)[0]).toMatch(/at most 10,000,000 bytes/);
    expect(read).toBeLessThanOrEqual(16);
  });

  it('walks a large PNG by chunk headers without reading its pixels', async () => {
    const png = await embedMap(tinyPng(), serializeMap(scenario('empty')), 1);
    const pixels = 60_000_000;
    let read = 0;
    const big: FileLike = {
      name: 'large.png',
      size: png.length + pixels,
      slice(start = 0, end = big.size) {
        read += Math.max(0, Math.min(end, png.length) - start);
        return new Blob([png.slice(start, Math.min(end, png.length))]);
      },
    };
    const result = await importFile(big);
    expect(result.ok).toBe(true);
    expect(read).toBeLessThan(png.length + 100);
  });
});
