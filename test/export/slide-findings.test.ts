// Slides read by a program, as a leader would read them: every finding the
// summary counts is there, whole; text is at least 12 pt (24 px on the
// 1920-px slide) or the dialog says it is not; labels never sit on cards.
import { describe, expect, it } from 'vitest';
import type { StakeMap } from '../../src/domain';
import { summarizeFindings } from '../../src/export/findings';
import { legibilityNotes } from '../../src/export/legibility';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { paletteFor } from '../../src/export/palette';
import { imageSvg, prepare } from '../../src/export/render';
import { buildScene } from '../../src/export/scene';
import { findingsPages } from '../../src/export/slide-findings';
import { layoutSlide, MIN_TEXT, type SlideLayout } from '../../src/export/slide-layout';
import { oneLine } from '../../src/export/text';
import { boxesMeet } from '../../src/drawing/shapes';
import { laidOutExamples } from '../layout/laidOut';
import { awkwardMap, scenario, scenarioNames } from './helpers';

const slideOpts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'svg', slide: true, findings: true, ...o });
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const squash = (s: string) => s.replace(/\s+/g, '');

/** The text of each finding drawn on an SVG slide, by index. */
function findingsIn(svg: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of svg.matchAll(/<g data-finding="(\d+)">(.*?)<\/g>/g)) {
    const lines = [...m[2]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => unescape(t[1]!));
    out.set(Number(m[1]), lines.join(' '));
  }
  return out;
}

/** Font sizes of the slide's own text (the diagram's cards and labels aside). */
function slideFontSizes(svg: string): number[] {
  const outside = svg.replace(/<g data-layer="diagram".*<\/g><\/svg>$/, '');
  return [...outside.matchAll(/<text[^>]* font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
}

function expectWhole(map: StakeMap, drawn: Map<number, string>): void {
  const { findings, counts } = summarizeFindings(map);
  expect(counts.error + counts.warning + counts.info).toBe(findings.length);
  expect([...drawn.keys()].sort((a, b) => a - b)).toEqual(findings.map((_, i) => i));
  findings.forEach((f, i) => {
    const text = drawn.get(i)!;
    // Whole: every character, in order (lines break at spaces, or inside a word too long for a line).
    expect(squash(text)).toBe(squash(oneLine(f.message)));
    if (!f.message.includes('…')) expect(text).not.toContain('…');
  });
}

describe.each(scenarioNames())('%s on an image slide', (name) => {
  it.each(['beside', 'below'] as const)('shows every finding whole, %s the map, and says when text is under 12 pt', (place) => {
    const map = scenario(name);
    const o = slideOpts({ findingsPlace: place });
    const prepared = prepare(map, o);
    const doc = imageSvg(prepared, o) as ReturnType<typeof imageSvg> & { layout: SlideLayout };
    expectWhole(prepared.map, findingsIn(doc.svg));
    expect(doc.svg).not.toContain('data-findings-more');
    const { legibility } = doc.layout;
    expect(legibility.findingsShown).toBe(legibility.findingsTotal);
    // Every word of the slide at the size it reports, and the dialog tells when that is under 12 pt.
    for (const size of slideFontSizes(doc.svg)) expect(size).toBeGreaterThanOrEqual(legibility.textPx);
    const notes = legibilityNotes(legibility, prepared.map.stakeholders.length, 'svg');
    expect(notes.some((n) => n.includes('below the 12 pt'))).toBe(legibility.textPx < MIN_TEXT);
    expect(notes.some((n) => n.startsWith('Names are'))).toBe(prepared.map.stakeholders.length > 0 && legibility.namePt < 14);
  });

  it('keeps its PowerPoint map slide at 12 pt or more with the summary, and puts every finding whole on findings pages', () => {
    const map = buildScene(scenario(name)).map;
    const p = paletteFor('white');
    const layout = layoutSlide(buildScene(map), p, 'summary');
    expect(layout.legibility.textPx).toBe(MIN_TEXT);
    for (const b of layout.blocks) if (b.t === 'text') expect(b.size).toBeGreaterThanOrEqual(MIN_TEXT);
    const pages = findingsPages(map, p, 'Findings', 200);
    const drawn = new Map<number, string>();
    for (const page of pages) {
      for (const b of page.blocks) {
        if (b.t !== 'text') continue;
        expect(b.size).toBeGreaterThanOrEqual(MIN_TEXT);
        expect(b.y + b.lines.length * b.lineHeight).toBeLessThanOrEqual(1080);
        if (b.group?.startsWith('finding-')) drawn.set(Number(b.group.slice(8)), b.lines.join(' '));
      }
    }
    expectWhole(map, drawn);
  });
});

describe('findings past what one image holds', () => {
  const many: StakeMap = {
    title: 'Many',
    organization: { name: 'Us', position: { x: 0, y: 0 } },
    stakeholders: Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, name: `Stakeholder number ${i}`, label: 'colleague' as const, side: 'external' as const, position: { x: 300 + (i % 10) * 260, y: Math.floor(i / 10) * 140 } })),
    relations: Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, from: 'us', to: `s${i}`, kind: 'offering' as const })),
  };

  it('shows those that fit whole and counts the rest in words; the dialog says so', () => {
    const o = slideOpts();
    const prepared = prepare(many, o);
    const doc = imageSvg(prepared, o) as ReturnType<typeof imageSvg> & { layout: SlideLayout };
    const { legibility } = doc.layout;
    const total = summarizeFindings(prepared.map).findings.length;
    expect(total).toBeGreaterThan(20);
    expect(legibility.findingsTotal).toBe(total);
    const drawn = findingsIn(doc.svg);
    expect(drawn.size).toBe(legibility.findingsShown);
    expect(drawn.size).toBeLessThan(total);
    expect(doc.svg).toContain(`And ${total - drawn.size} more findings not shown on this image`);
    for (const [i, text] of drawn) expect(squash(text)).toBe(squash(oneLine(summarizeFindings(prepared.map).findings[i]!.message)));
    expect(legibilityNotes(legibility, 60, 'png')[0]).toContain(`${total - drawn.size} of ${total} findings do not fit on one image`);
  });

  it('gives every one a place on the PowerPoint findings slides', () => {
    const map = buildScene(many).map;
    const pages = findingsPages(map, paletteFor('white'), 'Findings', 200);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.findings)).toEqual(summarizeFindings(map).findings.map((_, i) => i));
    expect(pages[0]!.title).toBe(`Findings (1 of ${pages.length})`);
  });
});

describe('titles', () => {
  it('wrap rather than being cut', () => {
    const title = 'What our customers, partners, intermediaries and suppliers really are to us, as seen by the leadership team in the spring workshop of this year';
    const layout = layoutSlide(buildScene({ ...awkwardMap(), title }), paletteFor('white'), 'none');
    const block = layout.blocks.find((b) => b.t === 'text' && b.role === 'title');
    expect(block?.t === 'text' && block.lines.length).toBeGreaterThan(1);
    expect(block?.t === 'text' && squash(block.lines.join(''))).toBe(squash(title));
  });
});

describe.each(laidOutExamples)('%s on a slide, as read from the SVG', (_, map) => {
  it('has no relation label on a card or on another label', () => {
    const o = slideOpts({ findings: false });
    const svg = imageSvg(prepare(map, o), o).svg;
    const boxes = (re: RegExp) => [...svg.matchAll(re)].map((m) => ({ id: m[1]!, box: { x: Number(m[2]), y: Number(m[3]), width: Number(m[4]), height: Number(m[5]) } }));
    const labels = boxes(/<g data-relation-label="([^"]+)"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g);
    const cards = boxes(/<g data-(?:stakeholder|organization)="([^"]+)"[^>]*><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g);
    expect(labels).toHaveLength(map.relations.length);
    expect(cards).toHaveLength(map.stakeholders.length + 1);
    const clashes: string[] = [];
    for (const l of labels) for (const c of cards) if (boxesMeet(l.box, c.box)) clashes.push(`${l.id} on ${c.id}`);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (boxesMeet(labels[i]!.box, labels[j]!.box)) clashes.push(`${labels[i]!.id} on ${labels[j]!.id}`);
    expect(clashes).toEqual([]);
  });
});

describe('the dialog on a large map', () => {
  it('advises the picture when PowerPoint shapes would be tiny', () => {
    const small = { textPx: MIN_TEXT, namePt: 2.5, findingsShown: 0, findingsTotal: 0 };
    expect(legibilityNotes(small, 500, 'pptx', 'shapes')).toContain('At this size the map reads better as a picture than as shapes.');
    expect(legibilityNotes(small, 500, 'pptx', 'picture')).not.toContain('At this size the map reads better as a picture than as shapes.');
    expect(legibilityNotes({ ...small, namePt: 14.5 }, 5, 'pptx', 'shapes')).toEqual([]);
  });
});
