// The grids as PowerPoint slides, opened as what they are (a zip of XML): the
// placed stakeholders' names, the quadrants named, the ones left off listed,
// dots as high on the slide as their values, names only ever text.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { StakeMap, Stakeholder } from '../../src/domain';
import { buildPptx } from '../../src/export/pptx';
import { gridDeck, LIST_ROWS } from '../../src/export/grid-slide';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { prepare } from '../../src/export/render';
import { GRID_QUADRANTS } from '../../src/domain/grids';
import { scenario } from './helpers';
import { slideShapes } from './pptx-xml';

const s = (id: string, name: string, fields: Partial<Stakeholder> = {}): Stakeholder => ({ id, name, label: 'customer', side: 'external', ...fields });

const HOSTILE = '<b>Big & "Co"</b> \'s';
const map: StakeMap = {
  title: 'Harbor & <sons>',
  organization: { name: 'Us' },
  currency: 'EUR',
  stakeholders: [
    s('small', 'Small buyer', { depth: 1, value: 10_000 }),
    s('big', HOSTILE, { depth: 4, value: 90_000, label: 'client', power: 5, interest: 4 }),
    s('mid', 'Middle one', { depth: 2, value: 40_000 }),
    s('none', 'No numbers <x>'),
    s('team', 'Our team', { side: 'internal', label: 'colleague', depth: 3, value: 5 }),
  ],
  relations: [],
};


async function slidesOf(blob: Blob): Promise<string[]> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(names.map((n) => zip.file(n)!.async('string')));
}

describe('the relationship grid as a slide', () => {
  it('is one 16:9 slide with the title in the placeholder, names, quadrants, the unplaced list, and dots as high as their values', async () => {
    const blob = await gridDeck(map, 'relationship');
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    expect(await zip.file('ppt/presentation.xml')!.async('string')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const slides = await slidesOf(blob);
    expect(slides).toHaveLength(1);
    const shapes = slideShapes(slides[0]!);

    expect(shapes.filter((x) => x.placeholder === 'title').map((x) => x.text)).toEqual(['Relationship grid: Harbor & <sons>']);
    const names = shapes.filter((x) => x.name.startsWith('Name: ')).map((x) => x.text);
    expect(names.sort()).toEqual([HOSTILE, 'Middle one', 'Small buyer'].sort());
    // Quadrants named; the top-right says both sides share in each other's success.
    for (const q of GRID_QUADRANTS.relationship) expect(shapes.some((x) => x.text.startsWith(q.name))).toBe(true);
    expect(shapes.find((x) => x.name === 'Quadrant label: Shared success')!.text).toContain('both sides share in each other’s success');
    // Left off, with what they lack; the inside team is no customer and not listed.
    const unplaced = shapes.find((x) => x.name === 'Not placed')!.text;
    expect(unplaced).toBe('No numbers <x> (no depth or value)');
    // Higher value, higher on the slide (a smaller y from the top).
    const dotY = (name: string) => shapes.find((x) => x.name === `Dot: ${name}`)!.y;
    expect(dotY(HOSTILE)).toBeLessThan(dotY('Middle one'));
    expect(dotY('Middle one')).toBeLessThan(dotY('Small buyer'));
    // The value axis in the map's currency.
    expect(shapes.some((x) => x.name === 'Tick' && x.text === '€100K')).toBe(true);

    // Names are text: escaped in the XML, never markup; every size 12 pt or more.
    expect(slides[0]).not.toContain('<b>');
    expect(slides[0]).toContain('&lt;b&gt;Big &amp; &quot;Co&quot;&lt;/b&gt;');
    const sizes = [...slides[0]!.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1200);
  });

  it('draws the power/interest grid the same way: its quadrants, higher power higher on the slide', async () => {
    const withPower: StakeMap = { ...map, stakeholders: map.stakeholders.map((x) => (x.id === 'small' ? { ...x, power: 1, interest: 2 } : x)) };
    const shapes = slideShapes((await slidesOf(await gridDeck(withPower, 'power')))[0]!);
    expect(shapes.find((x) => x.placeholder === 'title')!.text).toBe('Power and interest: Harbor & <sons>');
    for (const q of GRID_QUADRANTS.power) expect(shapes.some((x) => x.name === `Quadrant label: ${q.name}`)).toBe(true);
    const dotY = (name: string) => shapes.find((x) => x.name === `Dot: ${name}`)!.y;
    expect(dotY(HOSTILE)).toBeLessThan(dotY('Small buyer'));
    expect(shapes.find((x) => x.name === 'Not placed')!.text.split('\n')).toEqual(['Middle one (no power or interest)', 'No numbers <x> (no power or interest)', 'Our team (no power or interest)']);
  });

  it('lists as many left off as fit and counts the rest', async () => {
    const many: StakeMap = { ...map, stakeholders: [...map.stakeholders, ...Array.from({ length: 30 }, (_, i) => s(`n${i}`, `Nobody ${i}`))] };
    const shapes = slideShapes((await slidesOf(await gridDeck(many, 'relationship')))[0]!);
    const rows = shapes.find((x) => x.name === 'Not placed')!.text.split('\n');
    expect(rows).toHaveLength(LIST_ROWS + 1);
    expect(rows.at(-1)).toBe(`…and ${31 - LIST_ROWS} more (in the notes)`);
  });
});

describe('the grids in the full deck', () => {
  const opts: ExportOptions = { ...DEFAULT_OPTIONS, format: 'pptx', slide: true, findings: false, diagram: 'shapes' };
  const titles = async (m: StakeMap) => (await slidesOf(await buildPptx(prepare(m, opts), opts))).map((x) => slideShapes(x).find((y) => y.placeholder === 'title')?.text ?? '');

  it('follow the map once a stakeholder has the grid’s numbers', async () => {
    const all = await titles(map);
    expect(all.filter((t) => t.startsWith('Relationship grid: '))).toHaveLength(1);
    expect(all.filter((t) => t.startsWith('Power and interest: '))).toHaveLength(1);
    const noPower = await titles({ ...map, stakeholders: map.stakeholders.map((x) => ({ ...x, power: undefined, interest: undefined })) });
    expect(noPower.some((t) => t.startsWith('Power and interest'))).toBe(false);
    expect(noPower.some((t) => t.startsWith('Relationship grid'))).toBe(true);
  });

  it('carry the anonymized names in an anonymized deck', async () => {
    const anonymous = { ...opts, anonymize: true };
    const slides = await slidesOf(await buildPptx(prepare(map, anonymous), anonymous));
    const grid = slides.find((x) => x.includes('Shared success'))!;
    expect(slideShapes(grid).filter((x) => x.name.startsWith('Name: ')).map((x) => x.text).sort()).toEqual(['Client 1', 'Customer 1', 'Customer 2']);
    expect(grid).not.toContain('Middle one');
    expect(grid).not.toContain('Big &amp;');
  });

  it('are left out when nobody has the numbers', async () => {
    const plain = scenario('brightfoods-distribution');
    const all = await titles(plain);
    expect(all.some((t) => /^(Relationship grid|Power and interest)/.test(t))).toBe(false);
    expect(all[0]).toBe(plain.title);
  });
});
