import { describe, expect, it } from 'vitest';
import { KINDS, LABELS, type StakeMap } from '../../src/domain';
import { legendOf } from '../../src/export/findings';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { paletteFor } from '../../src/export/palette';
import { imageSvg, prepare } from '../../src/export/render';
import { buildScene } from '../../src/export/scene';
import { layoutSlide, SLIDE } from '../../src/export/slide-layout';
import { awkwardMap, scenario, scenarioNames } from './helpers';

const slideOpts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'svg', slide: true, ...o });
const attrs = (svg: string, name: string) => [...svg.matchAll(new RegExp(`${name}="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('slide framing', () => {
  it('is 16:9', () => {
    const doc = imageSvg(prepare(scenario('brightfoods-distribution'), slideOpts()), slideOpts());
    expect(doc.width / doc.height).toBeCloseTo(16 / 9, 5);
    expect(doc.svg).toContain(`viewBox="0 0 ${SLIDE.width} ${SLIDE.height}"`);
    const two = imageSvg(prepare(scenario('brightfoods-distribution'), slideOpts()), slideOpts(), { scale: 2 });
    expect(two.svg).toContain('width="3840" height="2160"');
  });

  it('carries the title, the definition of customer and the diagram', () => {
    const svg = imageSvg(prepare(scenario('brightfoods-distribution'), slideOpts()), slideOpts()).svg;
    expect(svg).toContain('>Brightfoods: who buys our cereal?</text>');
    expect(svg).toContain('>The user is the customer</text>');
    expect(svg).toContain('data-layer="diagram"');
    expect(svg).not.toContain('>FINDINGS</text>');
  });

  it('adds the findings summary only when asked', () => {
    const svg = imageSvg(prepare(scenario('brightfoods-distribution'), slideOpts({ findings: true })), slideOpts({ findings: true })).svg;
    expect(svg).toContain('>FINDINGS</text>');
    expect(svg).toMatch(/You call \d+ stakeholders? /);
  });

  for (const name of scenarioNames()) {
    it(`lists only the labels and kinds ${name} uses, and keeps everything on the slide`, () => {
      const map = scenario(name);
      const svg = imageSvg(prepare(map, slideOpts({ findings: true })), slideOpts({ findings: true })).svg;
      const used = legendOf(map);
      expect(attrs(svg, 'data-legend-label')).toEqual(used.labels);
      expect(attrs(svg, 'data-legend-kind')).toEqual(used.kinds);
      const layout = layoutSlide(buildScene(map), paletteFor('white'), true);
      for (const b of layout.blocks) {
        const box = b.t === 'dot' ? { x: b.cx - b.r, y: b.cy - b.r, w: 2 * b.r, h: 2 * b.r } : b.t === 'text' ? { x: b.x, y: b.y, w: b.w, h: b.lines.length * b.lineHeight } : { x: b.x, y: b.y, w: 'w' in b ? b.w : 34, h: 'h' in b ? b.h : 24 };
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w).toBeLessThanOrEqual(SLIDE.width);
        expect(box.y + box.h).toBeLessThanOrEqual(SLIDE.height);
      }
      const { placed, area } = layout.diagram;
      expect(placed.x).toBeGreaterThanOrEqual(area.x - 0.01);
      expect(placed.y).toBeGreaterThanOrEqual(area.y - 0.01);
      expect(placed.x + placed.width).toBeLessThanOrEqual(area.x + area.width + 0.01);
      expect(placed.y + placed.height).toBeLessThanOrEqual(area.y + area.height + 0.01);
    });
  }

  it('lists every label and kind when the map uses them all, in either arrangement', () => {
    const stakeholders = LABELS.map((label, i) => ({ id: `s${i}`, name: `S ${i}`, label, side: 'external' as const, position: { x: 300 + i * 220, y: 0 } }));
    const relations = KINDS.map((kind, i) => ({ id: `r${i}`, from: 'us', to: `s${i % LABELS.length}`, kind }));
    const wide: StakeMap = { title: 'All', organization: { name: 'Us', position: { x: 0, y: 0 } }, stakeholders, relations };
    const tall: StakeMap = { ...wide, stakeholders: stakeholders.map((s, i) => ({ ...s, position: { x: 300, y: i * 160 } })) };
    for (const map of [wide, tall]) {
      const layout = layoutSlide(buildScene(map), paletteFor('white'), true);
      const svg = imageSvg(prepare(map, slideOpts({ findings: true })), slideOpts({ findings: true })).svg;
      expect(attrs(svg, 'data-legend-label')).toEqual([...LABELS]);
      expect(attrs(svg, 'data-legend-kind')).toEqual([...KINDS]);
      expect(['band', 'panel']).toContain(layout.arrangement);
    }
    expect(layoutSlide(buildScene(wide), paletteFor('white'), false).arrangement).toBe('band');
    expect(layoutSlide(buildScene(tall), paletteFor('white'), false).arrangement).toBe('panel');
  });

  it('escapes the title and every name on the slide', () => {
    const svg = imageSvg(prepare(awkwardMap(), slideOpts({ findings: true })), slideOpts({ findings: true })).svg;
    expect(svg).toContain('Names &amp; &lt;things&gt; &quot;quoted&quot; &apos;single&apos;');
    expect(svg).not.toMatch(/<(img|script|b)[\s>]/);
  });
});
