import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addBreakoutTeam, compareBreakouts, type StakeMap } from '../../src/domain';
import { comparisonDeck, comparisonSlide, SLIDE_ROWS } from '../../src/export/compare-slide';
import { generateMap } from '../../src/domain/generate';
import { mustParse, REPO_ROOT, SCENARIO_DIR } from '../domain/helpers';

const brightfoods = mustParse(readFileSync(join(SCENARIO_DIR, 'brightfoods-distribution.stakemap.json'), 'utf8'));
const teamB = mustParse(readFileSync(join(REPO_ROOT, 'test/fixtures/breakouts/brightfoods-team-b.stakemap.json'), 'utf8'));

function twoTeams(a: StakeMap = brightfoods, teamA = 'Team A'): StakeMap {
  return addBreakoutTeam(addBreakoutTeam(brightfoods, { id: 'a', team: teamA, map: a }), { id: 'b', team: 'Team B', map: teamB });
}

describe('comparisonSlide', () => {
  it('shows disagreements first with each team’s label and what its map shows', () => {
    const s = comparisonSlide(compareBreakouts(twoTeams()), brightfoods.title);
    expect(s.title).toBe('Breakout teams compared: Brightfoods: who buys our cereal?');
    expect(s.subtitle).toBe('2 teams · 7 stakeholders · 2 with disagreements · 3 not drawn by every team');
    expect(s.header).toEqual(['Stakeholder', 'Team A', 'Team B']);
    const distributor = s.rows.find((r) => r.cells[0] === '≠ National distributor')!;
    expect(distributor.tone).toBe('disagree');
    expect(distributor.cells.slice(1)).toEqual(['Customer\nshows: Partner · 1 finding', 'Partner\nshows: Partner']);
    expect(s.rows.findIndex((r) => r.tone !== 'disagree')).toBe(2);
    expect(s.rows.find((r) => r.cells[0] === 'Category buyers')!.cells[1]).toBe('not drawn');
    expect(s.notes).toContain('National distributor — Disagree on label. Team A: Customer (shows Partner); Team B: Partner (shows Partner).');
    expect(s.more).toBe(0);
  });

  it('keeps a long comparison to what fits, counting the rest', () => {
    let map = brightfoods;
    [1, 2].forEach((seed) => (map = addBreakoutTeam(map, { id: `t${seed}`, team: `T${seed}`, map: generateMap({ stakeholders: 200, relations: 400, seed }) })));
    const c = compareBreakouts(map);
    const s = comparisonSlide(c, map.title);
    expect(s.rows).toHaveLength(SLIDE_ROWS);
    expect(s.more).toBe(c.rows.length - SLIDE_ROWS);
  });

  it('writes a deck whose slide holds names as text only', async () => {
    const hostile: StakeMap = { ...brightfoods, stakeholders: brightfoods.stakeholders.map((x) => (x.id === 'grocers' ? { ...x, name: '<b>Grocers</b> & \u0001co\u202e' } : x)) };
    const blob = await comparisonDeck(compareBreakouts(twoTeams(hostile, 'A <team>')), 'Cereal');
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toEqual(['ppt/slides/slide1.xml']);
    const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(xml).toContain('A &lt;team&gt;');
    expect(xml).toContain('&lt;b&gt;Grocers&lt;/b&gt; &amp; \ufffdco');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u202e');
    expect(xml).toContain('National distributor');
  });
});
