// Names a room can read: on the 16:9 slide of every example of up to a dozen
// stakeholders, as the app opens it (laid out in lanes) and as its file comes
// (no positions), each card's name is 14 pt or more, measured in what is
// written: the PowerPoint deck's font sizes (sz, in hundredths of a point)
// and the slide SVG's font sizes times the diagram's scale (PNG is drawn
// from that SVG). No relation label lies over a card on the PowerPoint slide.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { StakeMap } from '../../src/domain';
import { legibilityNotes } from '../../src/export/legibility';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { buildPptx } from '../../src/export/pptx';
import { imageSvg, prepare } from '../../src/export/render';
import type { SlideLayout } from '../../src/export/slide-layout';
import { laidOutExamples, scenarios } from '../layout/laidOut';

const small = (m: StakeMap) => m.stakeholders.length > 0 && m.stakeholders.length <= 12;
const examples = [...laidOutExamples.map(([n, m]) => [`${n} (laid out)`, m] as const), ...scenarios.map(([n, m]) => [`${n.replace('.stakemap.json', '')} (as filed)`, m] as const)].filter(([, m]) => small(m));

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Each shape of the slide named `pattern`: its box (EMU) and the size of its first run (hundredths of a point). */
function shapesNamed(xml: string, pattern: RegExp): { box: Box; sz: number }[] {
  return [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)]
    .filter((m) => pattern.test(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(m[1]!)?.[1] ?? ''))
    .map((m) => {
      const [x, y, w, h] = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[1]!)!.slice(1).map(Number);
      return { box: { x: x!, y: y!, w: w!, h: h! }, sz: Number(/ sz="(\d+)"/.exec(m[1]!)?.[1] ?? 0) };
    });
}

const meet = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The smallest card name of a slide SVG, in points: its font size times the diagram's scale, 2 px to the point. */
function smallestNamePt(svg: string): number {
  const scale = Number(/<g data-layer="diagram" transform="translate\([^)]*\) scale\(([\d.]+)\)">/.exec(svg)![1]);
  const cards = [...svg.matchAll(/<g data-(?:stakeholder|organization)="[^"]*"[^>]*>(.*?)<\/g>/gs)];
  // The first text of a card is (the first line of) its name; the tag is smaller and last.
  const sizes = cards.map((c) => Number(/<text[^>]* font-size="([\d.]+)" font-weight="700"/.exec(c[1]!)![1]));
  expect(sizes.length).toBeGreaterThan(0);
  return (Math.min(...sizes) * scale) / 2;
}

function slideOf(doc: { svg: string; layout?: SlideLayout }): { svg: string; layout: SlideLayout } {
  expect(doc.layout).toBeDefined();
  return { svg: doc.svg, layout: doc.layout! };
}

const deck = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'pptx', slide: true, diagram: 'shapes', ...o });

it('draws a map filed without positions in lanes on the slide, and says so', () => {
  const [, keepsake] = scenarios.find(([n]) => n.startsWith('keepsake'))!;
  const o: ExportOptions = { ...DEFAULT_OPTIONS, format: 'svg', slide: true, findings: false };
  const { layout } = slideOf(imageSvg(prepare(keepsake, o), o, { embed: false }));
  expect(layout.legibility.arranged).toBe('lanes');
  expect(legibilityNotes(layout.legibility, keepsake.stakeholders.length, 'svg')).toContain('For names that read across a room, the slide draws the map in lanes; the map itself stays as it is.');
});

describe.each(examples)('%s on a slide', (_, map) => {
  it.each([
    ['with the findings summary', deck({ findings: true })],
    ['without findings', deck({ findings: false })],
  ])('has names of 14 pt or more in PowerPoint, %s, and no label over a card', async (_, o) => {
    const blob = await buildPptx(prepare(map, o), o);
    const xml = await (await JSZip.loadAsync(await blob.arrayBuffer())).file('ppt/slides/slide1.xml')!.async('string');
    const cards = shapesNamed(xml, /^(Stakeholder: |Organization$)/);
    expect(cards).toHaveLength(map.stakeholders.length + 1);
    expect(Math.min(...cards.map((c) => c.sz))).toBeGreaterThanOrEqual(1400);
    const labels = shapesNamed(xml, /^Relation label$/);
    expect(labels).toHaveLength(map.relations.length);
    for (const l of labels) for (const c of cards) expect(meet(l.box, c.box)).toBe(false);
  });

  it.each([
    ['the PowerPoint slide', deck({ findings: true })],
    ['an SVG slide without findings', { ...DEFAULT_OPTIONS, format: 'svg', slide: true, findings: false }],
    ['a PNG slide with the findings beside', { ...DEFAULT_OPTIONS, format: 'png', slide: true, findings: true, findingsPlace: 'beside' }],
  ] satisfies [string, ExportOptions][])('has names of 14 pt or more on %s as drawn, as the dialog says', (_, o) => {
    const prepared = prepare(map, o);
    const doc = slideOf(imageSvg(prepared, o, { embed: false }));
    const pt = smallestNamePt(doc.svg);
    expect(pt).toBeGreaterThanOrEqual(14);
    expect(pt).toBeCloseTo(doc.layout.legibility.namePt, 1);
    const notes = legibilityNotes(doc.layout.legibility, map.stakeholders.length, o.format);
    expect(notes.some((n) => n.startsWith('Names are'))).toBe(false);
    // Drawn otherwise than the team did, the dialog says so.
    expect(notes.some((n) => n.startsWith('For names that read across a room, the slide draws the map'))).toBe(doc.layout.legibility.arranged !== undefined);
  });

  it('says how large names are when every finding is listed below the map on one image', () => {
    const o: ExportOptions = { ...DEFAULT_OPTIONS, format: 'png', slide: true, findings: true, findingsPlace: 'below' };
    const doc = slideOf(imageSvg(prepare(map, o), o, { embed: false }));
    const pt = smallestNamePt(doc.svg);
    expect(pt).toBeCloseTo(doc.layout.legibility.namePt, 1);
    const notes = legibilityNotes(doc.layout.legibility, map.stakeholders.length, 'png');
    expect(notes.some((n) => n.startsWith(`Names are ${Number(doc.layout.legibility.namePt.toFixed(1))} pt`))).toBe(pt < 14);
  });
});
