// The PowerPoint deck opened as what it is, a zip of XML: the title in the
// title placeholder, the diagram as shapes holding the names and one
// connector per relation glued to its two cards' shapes, every finding whole
// on the findings slides, the notes.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { summarizeFindings } from '../../src/export/findings';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { buildPptx } from '../../src/export/pptx';
import { prepare } from '../../src/export/render';
import { drawable, oneLine } from '../../src/export/text';
import { ORG_ID, type StakeMap } from '../../src/domain';
import { KIND_STYLE } from '../../src/drawing/theme';
import { awkwardMap, scenario, scenarioNames } from './helpers';
import { slideShapes, unescape } from './pptx-xml';

const deckOpts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'pptx', slide: true, findings: true, diagram: 'shapes', ...o });
const squash = (s: string) => s.replace(/\s+/g, '');

interface Deck {
  slides: string[];
  notes: string[];
  files: string[];
  zip: JSZip;
}

async function open(blob: Blob): Promise<Deck> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const files = Object.keys(zip.files);
  const numbered = (re: RegExp) => files.filter((n) => re.test(n)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const read = (names: string[]) => Promise.all(names.map((n) => zip.file(n)!.async('string')));
  return { slides: await read(numbered(/^ppt\/slides\/slide\d+\.xml$/)), notes: await read(numbered(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)), files, zip };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const xfrmOf = (xml: string): Box & { flipH: boolean; flipV: boolean } => {
  const m = /<a:xfrm([^>]*)><a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
  return { x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]), flipH: m[1]!.includes('flipH="1"'), flipV: m[1]!.includes('flipV="1"') };
};

/** Each card's shape id and box (EMU) by the name on its first line (the organization's too). */
function cardIds(xml: string): Map<string, { id: string; box: Box }> {
  const ids = new Map<string, { id: string; box: Box }>();
  for (const m of xml.matchAll(/<p:sp><p:nvSpPr><p:cNvPr id="(\d+)" name="(Stakeholder: [^"]*|Organization)".*?<\/p:sp>/gs)) {
    const first = /<a:p>(.*?)<\/a:p>/s.exec(m[0])![1]!;
    ids.set([...first.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1]!)).join(''), { id: m[1]!, box: xfrmOf(m[0]) });
  }
  return ids;
}

/** Whether `p` is connection site `idx` of `b`: the middle of its top, left, bottom or right side, give or take a rounding. */
function onSite(p: { x: number; y: number }, b: Box, idx: number): boolean {
  const site = [
    { x: b.x + b.w / 2, y: b.y },
    { x: b.x, y: b.y + b.h / 2 },
    { x: b.x + b.w / 2, y: b.y + b.h },
    { x: b.x + b.w, y: b.y + b.h / 2 },
  ][idx];
  return site !== undefined && Math.abs(p.x - site.x) <= 2 && Math.abs(p.y - site.y) <= 2;
}

/** For every relation, one <p:cxnSp> from its source card's shape to its target's, on a site of each, with an arrowhead. */
function expectGlued(xml: string, map: StakeMap): void {
  const ids = cardIds(xml);
  const idOf = (id: string) => ids.get(oneLine(drawable(id === ORG_ID ? map.organization.name : map.stakeholders.find((s) => s.id === id)!.name)))?.id;
  const boxOf = new Map([...ids.values()].map((c) => [c.id, c.box]));
  const connectors = [...xml.matchAll(/<p:cxnSp>(.*?)<\/p:cxnSp>/gs)].map((m) => ({
    name: unescape(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(m[1]!)![1]!),
    st: /<a:stCxn id="(\d+)" idx="([0-3])"\/>/.exec(m[1]!)?.[1],
    end: /<a:endCxn id="(\d+)" idx="([0-3])"\/>/.exec(m[1]!)?.[1],
    sites: [Number(/<a:stCxn id="\d+" idx="(\d)"/.exec(m[1]!)?.[1]), Number(/<a:endCxn id="\d+" idx="(\d)"/.exec(m[1]!)?.[1])],
    line: xfrmOf(m[1]!),
    geometry: /<a:prstGeom prst="(\w+)"/.exec(m[1]!)?.[1],
    arrow: /<a:ln w="\d+"><a:solidFill><a:srgbClr val="[0-9A-F]{6}"\/><\/a:solidFill><a:prstDash val="\w+"\/><a:round\/><a:tailEnd type="triangle"\/><\/a:ln>/.test(m[1]!),
  }));
  const drawn = map.relations.filter((r) => r.from !== r.to);
  expect(connectors).toHaveLength(drawn.length);
  const want = drawn.map((r) => ({ name: `Relation: ${KIND_STYLE[r.kind].verb}`, st: idOf(r.from), end: idOf(r.to), geometry: 'straightConnector1', arrow: true }));
  const key = (c: { st?: string; end?: string; name: string }) => `${c.st}>${c.end}:${c.name}`;
  expect(connectors.map(key).sort()).toEqual(want.map(key).sort());
  for (const c of connectors) expect(c, c.name).toMatchObject({ geometry: 'straightConnector1', arrow: true });
  for (const w of want) expect(w.st !== undefined && w.end !== undefined).toBe(true);
  // The line runs from the site of its source card it is glued to, to the site of its target, as slide apps lay glued connectors out.
  for (const c of connectors) {
    const { x, y, w, h, flipH, flipV } = c.line;
    const start = { x: flipH ? x + w : x, y: flipV ? y + h : y };
    const end = { x: flipH ? x : x + w, y: flipV ? y : y + h };
    expect(onSite(start, boxOf.get(c.st!)!, c.sites[0]!), `${c.name} starts on site ${c.sites[0]}`).toBe(true);
    expect(onSite(end, boxOf.get(c.end!)!, c.sites[1]!), `${c.name} ends on site ${c.sites[1]}`).toBe(true);
  }
}

describe.each(scenarioNames())('%s as a PowerPoint deck', (name) => {
  it('has its title in the title placeholder, the diagram as shapes, every finding whole, and notes', async () => {
    const prepared = prepare(scenario(name), deckOpts());
    const deck = await open(await buildPptx(prepared, deckOpts()));
    const map = prepared.map;
    const { findings } = summarizeFindings(map);
    expect(deck.slides.length > 1).toBe(findings.length > 0);

    const first = slideShapes(deck.slides[0]!);
    const titles = first.filter((s) => s.placeholder === 'title');
    expect(titles.map((t) => t.text)).toEqual([oneLine(map.title)]);
    // A card per stakeholder (and the organization), with its name as text.
    const cards = first.filter((s) => s.name.startsWith('Stakeholder: '));
    expect(cards.map((c) => c.text.split('\n')[0]).sort()).toEqual(map.stakeholders.map((s) => oneLine(s.name)).sort());
    expect(cards.every((c) => c.geometry === 'roundRect')).toBe(true);
    expect(first.filter((s) => s.name === 'Organization').map((s) => s.text.split('\n')[0])).toEqual([oneLine(map.organization.name)]);
    // A connector per relation, glued to its two cards, with an arrowhead; no line shapes left for relations; a label per relation.
    expect(first.filter((s) => s.name.startsWith('Relation: ') || s.name.startsWith('sm-'))).toEqual([]);
    expectGlued(deck.slides[0]!, map);
    expect(first.filter((s) => s.name === 'Relation label')).toHaveLength(map.relations.length);
    expect(first.filter((s) => s.name === 'Boundary')).toHaveLength(1);
    expect(deck.files.filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toEqual([]);

    // Every finding, whole, on the slides after the map; none cut.
    const later = deck.slides.slice(1).flatMap(slideShapes);
    for (const f of findings) {
      const box = later.find((s) => squash(s.text) === squash(oneLine(f.message)));
      expect(box, f.message).toBeDefined();
    }
    for (const s of deck.slides.slice(1)) expect(slideShapes(s).filter((x) => x.placeholder === 'title')[0]?.text).toMatch(/^Findings/);
    expect(unescape(deck.notes[0]!)).toContain('Definition of customer:');
    // Text of the map slide at 12 pt or more (sz is in hundredths of a point); names in the diagram aside.
    const sizes = [...deck.slides[0]!.replace(/<p:sp>(?:(?!<\/p:sp>).)*name="(?:Stakeholder|Organization|Relation label|Boundary name)[^"]*".*?<\/p:sp>/gs, '').matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1200);
  });
});

describe('a deck of hostile names', () => {
  it('is well-formed XML with every name as text', async () => {
    const prepared = prepare(awkwardMap(), deckOpts());
    const deck = await open(await buildPptx(prepared, deckOpts()));
    for (const name of deck.files.filter((f) => f.endsWith('.xml') || f.endsWith('.rels'))) {
      const xml = await deck.zip.file(name)!.async('string');
      // eslint-disable-next-line no-control-regex
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(xml, name).not.toMatch(/<(img|script|b)[\s>]/);
    }
    const names = slideShapes(deck.slides[0]!).filter((s) => s.name.startsWith('Stakeholder: ')).map((s) => s.text.split('\n')[0]);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('</metadata>]]><script>alert(1)</script>');
    expectGlued(deck.slides[0]!, prepared.map);
  });
});
