// The report's Markdown (names only ever text) and its extra slides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { buildReport, updateStakeholder, type StakeMap } from '../../src/domain';
import { mdText, reportMarkdown } from '../../src/export/report-markdown';
import { addReportSlides, SLIDE_LINES, slideLines } from '../../src/export/report-slides';
import { mustParse, SCENARIO_DIR } from '../domain/helpers';

const brightfoods = (): StakeMap => mustParse(readFileSync(join(SCENARIO_DIR, 'brightfoods-distribution.stakemap.json'), 'utf8'));

const HOSTILE = '# <img src=x onerror=alert(1)> [click](http://evil.example) *bold* _it_ | cell | `code` ![i](x.png) www.evil.example me@evil.example &lt; 1. \\ ~~gone~~ $x$';

/** CommonMark's backslash escapes undone: what a reader sees as text. */
const unescape = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('mdText: a name is only ever text in Markdown', () => {
  it('escapes every character that could make markup, a link or an autolink', () => {
    const out = mdText(HOSTILE);
    // No special character is left unescaped.
    const bare = out.replace(/\\[!-/:-@[-`{-~]/g, '');
    expect(bare).not.toMatch(/[\\`*_{}[\]()#+\-.!|<>~&:@=$^]/);
    // And the reader sees exactly the name.
    expect(unescape(out)).toBe(HOSTILE);
  });

  it('keeps a name on one line: a line break cannot start a heading or a list', () => {
    expect(mdText('Shoppers\n# Heading\n- item')).toBe('Shoppers \\# Heading \\- item');
    expect(mdText('  spaced   out  ')).toBe('spaced out');
  });
});

function sessionMap(): { map: StakeMap; first: StakeMap } {
  const first = brightfoods();
  const hostile = updateStakeholder(first, 'grocers', { name: HOSTILE });
  const map: StakeMap = {
    ...updateStakeholder(hostile, 'distributor', { label: 'partner' }),
    definitionNote: 'Whoever eats our cereal.\n# not a heading',
    votes: [
      {
        id: 'v1', stakeholders: ['grocers', 'shoppers'], named: false, askPrimary: true, state: 'revealed', startedAt: '2026-03-10T09:10:00.000Z',
        ballots: [
          { voter: 'a', answers: [{ stakeholder: 'grocers', label: 'customer' }, { stakeholder: 'shoppers', label: 'customer', primary: true }] },
          { voter: 'b', answers: [{ stakeholder: 'grocers', label: 'partner' }, { stakeholder: 'shoppers', label: 'customer', primary: true }] },
        ],
      },
    ],
    breakouts: { teams: [{ id: 't1', team: 'Team *North*', map: first }], matches: [] },
  };
  return { map, first: hostile };
}

describe('reportMarkdown', () => {
  it('has every section, with the hostile name only as escaped text', () => {
    const { map, first } = sessionMap();
    const report = buildReport({ map, history: [{ map: first, at: Date.UTC(2026, 2, 10, 9) }], now: Date.UTC(2026, 2, 10, 10) });
    const md = reportMarkdown(report, 'map.svg');
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      `# Workshop report: ${mdText(map.title)}`,
      '## Our definition of customer',
      '## The map',
      '## Findings at the start and now',
      expect.stringMatching(/^### At the start \(/),
      '### Now',
      '## Relabels and why',
      '## Votes and open disagreements',
      expect.stringMatching(/^### Vote of .* revealed .* 2 people$/),
      '### Open disagreements',
      '## Breakout teams compared',
    ]);
    expect(md).toContain('![Stakeholder map of Brightfoods](map.svg)');
    expect(md).toContain('> Whoever eats our cereal\\.\n>\n> \\# not a heading');
    expect(md).toContain('**1 stakeholder relabelled since the start\\.**');
    expect(md).toMatch(/- \*\*National distributor\*\*: customer → partner \(by .*\)\. Suggested by the map\\: /);
    expect(md).toContain(`**${mdText(HOSTILE)}**: 50% agree`);
    expect(md).toContain('**Team \\*North\\***');
    // The hostile name never appears raw: no HTML tag, no link.
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(http/m);
  });

  it('without votes and breakouts, has no such sections', () => {
    const md = reportMarkdown(buildReport({ map: brightfoods(), history: [], now: 0 }));
    expect(md).toContain('## Findings now');
    expect(md).not.toContain('## Votes');
    expect(md).not.toContain('## Breakout');
    expect(md).not.toContain('![');
    expect(md).toContain('No stakeholder was relabelled.');
  });
});

describe('report slides', () => {
  it('adds one slide per section but the map, with names as escaped text runs', async () => {
    const { map, first } = sessionMap();
    const report = buildReport({ map, history: [{ map: first, at: 0 }], now: 1 });
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    expect(addReportSlides(pptx, report, { ink: '17212B', soft: '4A5868', background: 'FFFFFF' })).toBe(5);
    const zip = await JSZip.loadAsync((await pptx.write({ outputType: 'nodebuffer' })));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort();
    expect(slides).toHaveLength(5);
    const xml = await Promise.all(slides.map((f) => zip.file(f)!.async('string')));
    const text = (x: string) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n');
    expect(text(xml[0]!)).toContain('Our definition of customer');
    expect(text(xml[1]!)).toContain('Findings at the start and now');
    expect(text(xml[2]!)).toContain('National distributor: customer → partner');
    expect(text(xml[3]!)).toContain('Open disagreements, most first');
    expect(text(xml[4]!)).toContain('Team *North*');
    // The hostile name is escaped XML text, never an element.
    expect(xml[3]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml.join('')).not.toContain('<img');
  });

  it('counts what does not fit on a slide instead of dropping it silently', async () => {
    let start = brightfoods();
    for (let i = 0; i < 20; i++) {
      start = { ...start, stakeholders: [...start.stakeholders, { id: `x${i}`, name: `Extra ${i}`, label: 'customer', side: 'external', position: { x: 0, y: 1000 + i * 200 } }] };
    }
    const now = { ...start, stakeholders: start.stakeholders.map((s) => (s.id.startsWith('x') ? { ...s, label: 'partner' as const } : s)) };
    const report = buildReport({ map: now, history: [{ map: start, at: 0 }], now: 1 });
    const relabels = report.sections.find((s) => s.kind === 'relabels')!;
    expect(slideLines(relabels)).toHaveLength(20);
    const pptx = new PptxGenJS();
    addReportSlides(pptx, { ...report, sections: [relabels] }, { ink: '17212B', soft: '4A5868', background: 'FFFFFF' });
    const zip = await JSZip.loadAsync((await pptx.write({ outputType: 'nodebuffer' })));
    const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(xml).toContain(`Extra ${SLIDE_LINES - 1}: customer → partner`);
    expect(xml).not.toContain(`Extra ${SLIDE_LINES}: customer`);
    expect(xml).toContain(`…and ${20 - SLIDE_LINES} more in the printed report.`);
  });
});
