// The PowerPoint deck opened as what it is, a zip of XML: the title in the
// title placeholder, the diagram as shapes holding the names and one line
// per relation, every finding whole on the findings slides, the notes.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { summarizeFindings } from '../../src/export/findings';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { buildPptx } from '../../src/export/pptx';
import { prepare } from '../../src/export/render';
import { oneLine } from '../../src/export/text';
import { awkwardMap, scenario, scenarioNames } from './helpers';

const deckOpts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'pptx', slide: true, findings: true, diagram: 'shapes', ...o });
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
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

/** Each shape of a slide: its name and its text (runs joined, paragraphs by newlines). */
function shapes(xml: string): { name: string; text: string; geometry: string; placeholder: string | null }[] {
  return [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].map((m) => {
    const body = m[1]!;
    const paragraphs = [...body.matchAll(/<a:p>(.*?)<\/a:p>/gs)].map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1]!)).join(''));
    return {
      name: unescape(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(body)?.[1] ?? ''),
      text: paragraphs.join('\n').trim(),
      geometry: /<a:prstGeom prst="(\w+)"/.exec(body)?.[1] ?? (body.includes('<a:custGeom>') ? 'custGeom' : ''),
      placeholder: /<p:ph\s[^>]*type="(\w+)"/.exec(body)?.[1] ?? null,
    };
  });
}

describe.each(scenarioNames())('%s as a PowerPoint deck', (name) => {
  it('has its title in the title placeholder, the diagram as shapes, every finding whole, and notes', async () => {
    const prepared = prepare(scenario(name), deckOpts());
    const deck = await open(await buildPptx(prepared, deckOpts()));
    const map = prepared.map;
    const { findings } = summarizeFindings(map);
    expect(deck.slides.length > 1).toBe(findings.length > 0);

    const first = shapes(deck.slides[0]!);
    const titles = first.filter((s) => s.placeholder === 'title');
    expect(titles.map((t) => t.text)).toEqual([oneLine(map.title)]);
    // A card per stakeholder (and the organization), with its name as text.
    const cards = first.filter((s) => s.name.startsWith('Stakeholder: '));
    expect(cards.map((c) => c.text.split('\n')[0]).sort()).toEqual(map.stakeholders.map((s) => oneLine(s.name)).sort());
    expect(cards.every((c) => c.geometry === 'roundRect')).toBe(true);
    expect(first.filter((s) => s.name === 'Organization').map((s) => s.text.split('\n')[0])).toEqual([oneLine(map.organization.name)]);
    // A line with an arrowhead and a label per relation; the boundary is a shape.
    const lines = first.filter((s) => s.name.startsWith('Relation: '));
    expect(lines).toHaveLength(map.relations.length);
    expect(lines.every((l) => l.geometry === 'custGeom')).toBe(true);
    expect((deck.slides[0]!.match(/<a:tailEnd type="triangle"\/>/g) ?? []).length).toBeGreaterThanOrEqual(map.relations.length);
    expect(first.filter((s) => s.name === 'Relation label')).toHaveLength(map.relations.length);
    expect(first.filter((s) => s.name === 'Boundary')).toHaveLength(1);
    expect(deck.files.filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toEqual([]);

    // Every finding, whole, on the slides after the map; none cut.
    const later = deck.slides.slice(1).flatMap(shapes);
    for (const f of findings) {
      const box = later.find((s) => squash(s.text) === squash(oneLine(f.message)));
      expect(box, f.message).toBeDefined();
    }
    for (const s of deck.slides.slice(1)) expect(shapes(s).filter((x) => x.placeholder === 'title')[0]?.text).toMatch(/^Findings/);
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
    const names = shapes(deck.slides[0]!).filter((s) => s.name.startsWith('Stakeholder: ')).map((s) => s.text.split('\n')[0]);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('</metadata>]]><script>alert(1)</script>');
  });
});
