// Exports at the edges of the input: a name of 200 characters without a space
// stays inside its card, bidi controls are left out of the drawn text (the
// embedded map keeps them), and a map spread over the whole drawable range is
// still drawn.
import { describe, expect, it } from 'vitest';
import { parseMap, serializeMap, type StakeMap } from '../../src/domain';
import { hasBidiControls } from '../../src/domain/bidi';
import { CARD_TEXT, NODE_SIZE } from '../../src/domain/geometry';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { imageSvg, prepare } from '../../src/export/render';
import { pixelSize } from '../../src/export/run';
import { readSvgMap } from '../../src/export/svg-embed';
import { textWidth } from '../../src/export/text';

const LONG = 'W'.repeat(200);
const RLO = '\u202e';

const map = (name: string, orgName = 'Us Inc', far = false): StakeMap => ({
  title: `Map of ${name}`,
  organization: { name: orgName, position: { x: far ? -1_000_000 : 0, y: 0 } },
  stakeholders: [
    { id: 'a', name, label: 'customer', side: 'external', position: { x: far ? 1_000_000 : 320, y: far ? 1_000_000 : 0 } },
    { id: 'b', name: 'Neighbour', label: 'partner', side: 'external', position: { x: 320, y: 120 } },
  ],
  relations: [{ id: 'r1', from: 'us', to: 'a', kind: 'money' }],
});

const svgOf = (m: StakeMap, o: Partial<ExportOptions> = {}) => imageSvg(prepare(m, { ...DEFAULT_OPTIONS, ...o }), { ...DEFAULT_OPTIONS, ...o });

const TEXT = /<text[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g;

/** The drawn texts of one stakeholder's card: font-size and text of each <text>. */
function cardTexts(svg: string, id: string): { size: number; text: string }[] {
  const card = svg.split(`<g data-stakeholder="${id}"`)[1]?.split('<g data-stakeholder=')[0] ?? '';
  return [...card.matchAll(TEXT)].map((m) => ({ size: Number(m[1]), text: m[2]! }));
}

/** What is drawn: the text of every <text> element. */
const drawn = (svg: string) => [...svg.matchAll(TEXT)].map((m) => m[2]!).join('\n');

describe('a 200-character name without spaces', () => {
  it('is drawn in as many lines as a card holds, within the card, the last ending in "…"', () => {
    const texts = cardTexts(svgOf(map(LONG)).svg, 'a');
    const name = texts.filter((t) => t.size === CARD_TEXT.name);
    expect(name).toHaveLength(CARD_TEXT.nameLines);
    expect(name[name.length - 1]!.text.endsWith('…')).toBe(true);
    // The text starts 14 in from the card's left edge and stays inside its right one.
    for (const line of name) expect(textWidth(line.text, CARD_TEXT.name, true)).toBeLessThanOrEqual(NODE_SIZE.width - 14);
  });

  it('fits its line on the slide title and header too', () => {
    const slide = drawn(svgOf(map(LONG, LONG), { slide: true, findings: true }).svg);
    expect(slide).toContain('…');
    expect(slide).not.toContain(LONG);
  });
});

describe('bidi controls in names', () => {
  const name = `Shop${RLO}pohS`;

  it('are left out of every drawn text, diagram and slide, and kept in the embedded map', () => {
    for (const o of [{}, { slide: true, findings: true }] as Partial<ExportOptions>[]) {
      const { svg } = svgOf(map(name, `Org${RLO}grO`), o);
      expect(hasBidiControls(drawn(svg))).toBe(false);
      expect(drawn(svg)).toContain('ShoppohS');
      const embedded = readSvgMap(svg);
      const back = embedded.found ? parseMap(embedded.text) : null;
      expect(back?.ok && back.map.stakeholders[0]!.name).toBe(name);
      expect(back?.ok && back.map.organization.name).toBe(`Org${RLO}grO`);
    }
  });
});

describe('a map spread over the whole drawable range', () => {
  it('is drawn as SVG and gets a PNG size a browser canvas can hold', () => {
    const m = map('Far away', 'Us Inc', true);
    expect(parseMap(serializeMap(m))).toEqual({ ok: true, map: m });
    const doc = svgOf(m);
    expect(doc.width).toBeGreaterThan(2_000_000);
    const size = pixelSize(doc.width, doc.height, 2);
    expect(size.width).toBeLessThanOrEqual(16_384);
    expect(size.height).toBeLessThanOrEqual(16_384);
    expect(size.width * size.height).toBeLessThanOrEqual(120_000_000);
    expect(size.width).toBeGreaterThan(0);
  });
});
