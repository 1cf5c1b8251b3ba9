// The workshop report's content, from the Brightfoods example through a
// session: relabels (from a finding and by hand), votes and breakout teams,
// present and absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addStakeholder, deleteElements, updateStakeholder } from '../../src/domain';
import { BY_HAND, relabelsAlong } from '../../src/domain/relabels';
import { buildReport, changeSentence, comparisonSection, voteSection, type Report, type ReportSection } from '../../src/domain/report';
import type { StakeMap, Vote } from '../../src/domain/model';
import { mustParse, SCENARIO_DIR } from './helpers';

const brightfoods = (): StakeMap => mustParse(readFileSync(join(SCENARIO_DIR, 'brightfoods-distribution.stakemap.json'), 'utf8'));

const T0 = Date.UTC(2026, 2, 10, 9, 0);
const MIN = 60_000;

function section<K extends ReportSection['kind']>(report: Report, kind: K): Extract<ReportSection, { kind: K }> {
  const s = report.sections.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} section`);
  return s as Extract<ReportSection, { kind: K }>;
}

/** The session: the first snapshot, then the distributor relabelled as the finding suggests, then grocers by hand, one added, one removed. */
function session() {
  const start = brightfoods();
  const step1 = updateStakeholder(start, 'distributor', { label: 'partner' });
  const step2 = updateStakeholder(step1, 'grocers', { label: 'intermediary' });
  const now = deleteElements(
    addStakeholder(step2, { id: 'school', name: 'School canteens', label: 'customer', side: 'external', position: { x: 900, y: 600 } }),
    { stakeholders: ['oat-farm'], relations: [] },
  );
  const history = [
    { map: start, at: T0 },
    { map: step1, at: T0 + 5 * MIN },
  ];
  return { start, now: { ...now, definitionNote: 'Whoever eats our cereal at home.' }, history };
}

describe('relabels along the history', () => {
  it('finds each relabel with its reason: the finding that suggested it, or by hand', () => {
    const { history, now } = session();
    const relabels = relabelsAlong([...history, { map: now, at: T0 + 30 * MIN }]);
    expect(relabels).toHaveLength(2);
    const [distributor, grocers] = relabels;
    expect(distributor).toMatchObject({ stakeholder: 'distributor', name: 'National distributor', from: 'customer', to: 'partner', at: T0 + 5 * MIN });
    expect(distributor!.finding).toMatch(/National distributor/);
    expect(distributor!.reason).toBe(`Suggested by the map: ${distributor!.finding}`);
    expect(grocers).toMatchObject({ stakeholder: 'grocers', from: 'customer', to: 'intermediary', finding: null, reason: BY_HAND });
  });

  it('finds none in a history without label changes, or with a single state', () => {
    const map = brightfoods();
    expect(relabelsAlong([{ map, at: 0 }])).toEqual([]);
    expect(relabelsAlong([{ map, at: 0 }, { map: updateStakeholder(map, 'grocers', { name: 'Supermarkets' }), at: 1 }])).toEqual([]);
  });
});

describe('buildReport', () => {
  it('says the definition in the team’s words, the findings then and now, and every relabel', () => {
    const { history, now } = session();
    const report = buildReport({ map: now, history, now: T0 + 30 * MIN });
    expect(report.title).toBe(now.title);
    expect(report.sections.map((s) => s.kind)).toEqual(['definition', 'map', 'findings', 'relabels']);

    const def = section(report, 'definition');
    expect(def.name).toBe('The user is the customer');
    expect(def.note).toBe('Whoever eats our cereal at home.');

    const map = section(report, 'map');
    expect(map).toMatchObject({ organization: 'Brightfoods', stakeholders: 5, relations: now.relations.length });

    const findings = section(report, 'findings');
    expect(findings.title).toBe('Findings at the start and now');
    expect(findings.first?.at).toBe(T0);
    expect(findings.first?.counts.warning).toBe(2);
    expect(findings.first?.findings.map((f) => f.message).join(' ')).toMatch(/National distributor/);
    expect(findings.now.findings.map((f) => f.message).join(' ')).not.toMatch(/National distributor/);
    expect(findings.change).toBe('2 stakeholders relabelled since the start; 1 added, 1 removed.');

    expect(section(report, 'relabels').relabels.map((r) => `${r.name}: ${r.from} → ${r.to}`)).toEqual([
      'National distributor: customer → partner',
      'Grocery chains: customer → intermediary',
    ]);
  });

  it('without snapshots: findings now only, no relabels, no note when none was written', () => {
    const map = brightfoods();
    const report = buildReport({ map, history: [], now: T0 });
    const findings = section(report, 'findings');
    expect(findings.title).toBe('Findings now');
    expect(findings.first).toBeNull();
    expect(findings.change).toBeNull();
    expect(findings.now.sentence).toMatch(/^You call 2 stakeholders customers/);
    expect(section(report, 'relabels').relabels).toEqual([]);
    expect(section(report, 'definition').note).toBeNull();
  });

  it('counts a stakeholder relabelled and back again as not relabelled', () => {
    const start = brightfoods();
    const away = updateStakeholder(start, 'grocers', { label: 'partner' });
    expect(changeSentence(start, updateStakeholder(away, 'grocers', { label: 'customer' }))).toBeNull();
    expect(changeSentence(start, away)).toBe('1 stakeholder relabelled since the start.');
  });
});

const ballot = (voter: string, answers: [string, Vote['ballots'][number]['answers'][number]['label'], boolean?][]) => ({
  voter,
  answers: answers.map(([stakeholder, label, primary]) => ({ stakeholder, label, ...(primary === undefined ? {} : { primary }) })),
});

function withVotes(map: StakeMap): StakeMap {
  const revealed: Vote = {
    id: 'v1',
    stakeholders: ['distributor', 'grocers', 'shoppers', 'gone'],
    named: false,
    askPrimary: true,
    state: 'revealed',
    startedAt: '2026-03-10T09:10:00.000Z',
    ballots: [
      ballot('a', [['distributor', 'customer', false], ['grocers', 'customer', true], ['shoppers', 'customer', true]]),
      ballot('b', [['distributor', 'partner', false], ['grocers', 'customer', false], ['shoppers', 'customer', true]]),
      ballot('c', [['distributor', 'intermediary', false], ['grocers', 'customer', false], ['shoppers', 'other', false]]),
    ],
  };
  const open: Vote = { ...revealed, id: 'v2', state: 'open', stakeholders: ['oat-farm'], ballots: [ballot('a', [['oat-farm', 'partner']])] };
  return { ...map, votes: [revealed, open] };
}

describe('votes in the report', () => {
  it('tallies each stakeholder’s spread and ranks the open disagreements', () => {
    const votes = voteSection(withVotes(brightfoods()))!;
    expect(votes.votes).toHaveLength(2);
    const [v1, v2] = votes.votes;
    expect(v1).toMatchObject({ ballots: 3, dropped: 1, state: 'revealed' });
    const distributor = v1!.tallies.find((t) => t.stakeholder === 'distributor')!;
    expect(distributor.spread).toEqual([
      { label: 'customer', count: 1 },
      { label: 'partner', count: 1 },
      { label: 'intermediary', count: 1 },
    ]);
    expect(distributor.agreement).toBeCloseTo(1 / 3);
    const grocers = v1!.tallies.find((t) => t.stakeholder === 'grocers')!;
    expect(grocers).toMatchObject({ agreement: 1, disagreement: false, primary: 1, current: 'customer' });
    // Shoppers: two say customer, the map says other: a disagreement with the map.
    const shoppers = v1!.tallies.find((t) => t.stakeholder === 'shoppers')!;
    expect(shoppers).toMatchObject({ current: 'other', disagreement: true, primary: 2 });
    expect(votes.disagreements.map((t) => t.name)).toEqual(['National distributor', 'Families who eat the cereal']);
    // The open vote keeps its answers hidden, in the report too.
    expect(v2).toMatchObject({ state: 'open', ballots: 1, tallies: [] });
  });

  it('is left out of the report when there was no vote, and in it when there was', () => {
    expect(voteSection(brightfoods())).toBeNull();
    expect(buildReport({ map: brightfoods(), history: [], now: T0 }).sections.some((s) => s.kind === 'votes')).toBe(false);
    const report = buildReport({ map: withVotes(brightfoods()), history: [], now: T0 });
    expect(report.sections.map((s) => s.kind)).toEqual(['definition', 'map', 'findings', 'relabels', 'votes']);
  });
});

describe('breakout teams in the report', () => {
  it('lists each team’s map: size, customers and findings; absent without breakouts', () => {
    const base = brightfoods();
    const other = updateStakeholder(base, 'distributor', { label: 'partner' });
    const map: StakeMap = { ...base, breakouts: { teams: [{ id: 't1', team: 'Team <North>', map: base }, { id: 't2', team: 'Team South', map: other }], matches: [] } };
    const comparison = comparisonSection(map)!;
    expect(comparison.teams.map((t) => t.team)).toEqual(['Team <North>', 'Team South']);
    expect(comparison.teams[0]).toMatchObject({ stakeholders: 5, customers: ['National distributor', 'Grocery chains'], findings: 3 });
    expect(comparison.teams[1]).toMatchObject({ customers: ['Grocery chains'], findings: 2 });
    expect(buildReport({ map, history: [], now: T0 }).sections.at(-1)?.kind).toBe('comparison');
    expect(comparisonSection(base)).toBeNull();
  });
});
