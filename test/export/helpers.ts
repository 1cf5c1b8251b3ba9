import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parseMap, type StakeMap } from '../../src/domain';
import { encodeChunk, PNG_SIGNATURE } from '../../src/export/png-chunks';

export const SCENARIOS = join(__dirname, '..', 'fixtures', 'scenarios');

export function scenario(name: string): StakeMap {
  const parsed = parseMap(readFileSync(join(SCENARIOS, `${name}.stakemap.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.map;
}

export function scenarioNames(): string[] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.stakemap.json'))
    .map((f) => f.replace('.stakemap.json', ''));
}

/** A valid RGBA PNG of one colour, as a browser would encode it (without any map). */
export function tinyPng(width = 3, height = 2, rgba: [number, number, number, number] = [255, 0, 0, 255]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 4));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(rgba, y * (1 + width * 4) + 1 + x * 4);
  const parts = [PNG_SIGNATURE, encodeChunk('IHDR', ihdr), encodeChunk('IDAT', new Uint8Array(deflateSync(raw))), encodeChunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function fileOf(bytes: Uint8Array | string, name: string, type = ''): File {
  return new File([typeof bytes === 'string' ? bytes : (bytes as BlobPart)], name, { type });
}

/** Every real tag of an XML text whose character data is escaped (so '<' only opens tags). */
export function tagsOf(xml: string): string[] {
  return xml.match(/<[^>]*>/g) ?? [];
}

/** A map with awkward names: markup, quotes, ampersands, controls, emoji, very long words. */
export function awkwardMap(): StakeMap {
  return {
    title: 'Names & <things> "quoted" \'single\'',
    organization: { name: 'Us & Co <b>', position: { x: 0, y: 0 } },
    stakeholders: [
      { id: 'x', name: '<img src=x onerror=alert(1)>', label: 'customer', side: 'external', position: { x: 400, y: 0 } },
      { id: 'q', name: '"&\'', label: 'partner', side: 'external', position: { x: 400, y: 120 } },
      { id: 'c', name: 'Control\u0001char and \ufffe and lone \ud800 surrogate', label: 'other', side: 'external', position: { x: 700, y: 0 } },
      { id: 'l', name: 'Averyveryveryverylongwordwithoutanyspacesatallthatmustbecut ✓ 😀 中文', label: 'colleague', side: 'internal', position: { x: 0, y: 140 } },
      { id: 's', name: '</metadata>]]><script>alert(1)</script>', label: 'supplier', side: 'external', position: { x: -400, y: 0 }, notes: 'Secret note' },
    ],
    relations: [
      { id: 'r1', from: 'us', to: 'x', kind: 'offering', note: 'note <with> & markup' },
      { id: 'r2', from: 'x', to: 'us', kind: 'money' },
      { id: 'r3', from: 'x', to: 'q', kind: 'referral' },
      { id: 'r4', from: 's', to: 'us', kind: 'supply' },
      { id: 'r5', from: 'l', to: 'c', kind: 'support' },
      { id: 'r6', from: 'x', to: 'us', kind: 'insight' },
    ],
  };
}
