import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addBreakoutMatch,
  addBreakoutTeam,
  breakoutProblem,
  compareBreakouts,
  matchMembersFor,
  nameKey,
  OWN_COLUMN,
  removeBreakoutMatches,
  removeBreakoutTeam,
  renameBreakoutTeam,
  rowStatus,
  teamMembersOf,
} from '../../src/domain/compare';
import { generateMap } from '../../src/domain/generate';
import { LIMITS, type StakeMap } from '../../src/domain/model';
import { mustParse, REPO_ROOT, SCENARIO_DIR } from './helpers';

const brightfoods = mustParse(readFileSync(join(SCENARIO_DIR, 'brightfoods-distribution.stakemap.json'), 'utf8'));
const teamB = mustParse(readFileSync(join(REPO_ROOT, 'test/fixtures/breakouts/brightfoods-team-b.stakemap.json'), 'utf8'));

/** The plenary map with team A (the scenario as it is) and team B (the variant). */
function twoTeams(): StakeMap {
  let map = addBreakoutTeam(brightfoods, { id: 'a', team: 'Team A', map: brightfoods });
  map = addBreakoutTeam(map, { id: 'b', team: 'Team B', map: teamB });
  return map;
}

const rowNamed = (map: StakeMap, name: string, includeOwn = false) => {
  const c = compareBreakouts(map, { includeOwn });
  const row = c.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}: ${c.rows.map((r) => r.name).join(', ')}`);
  return { c, row };
};

describe('nameKey', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    expect(nameKey('  Grocery   CHAINS ')).toBe(nameKey('grocery chains'));
    expect(nameKey('Trade-marketing team')).toBe(nameKey('Trade marketing team'));
    expect(nameKey('Café owners')).toBe(nameKey('cafe owner'));
    expect(nameKey('Ｆｕｌｌｗｉｄｔｈ')).toBe(nameKey('fullwidth'));
    expect(nameKey('Ship\u202eper')).toBe(nameKey('Ship per'));
  });

  it('drops a leading article and simple plural endings', () => {
    expect(nameKey('The national distributors')).toBe(nameKey('National distributor'));
    expect(nameKey('A family')).toBe(nameKey('Families'));
    expect(nameKey('Branches')).toBe(nameKey('branch'));
    expect(nameKey('Businesses')).toBe(nameKey('business'));
    expect(nameKey('Boxes')).toBe(nameKey('box'));
  });

  it('keeps apart what the rules do not make equal', () => {
    expect(nameKey('Status')).not.toBe(nameKey('Stat'));
    expect(nameKey('Bus')).not.toBe(nameKey('Bu'));
    expect(nameKey('Analysis team')).not.toBe(nameKey('Analysi team'));
    expect(nameKey('Oat cooperative')).not.toBe(nameKey('Oat growers’ co-op'));
    // "The" alone is a name, not an article.
    expect(nameKey('The')).toBe('the');
    expect(nameKey('???')).toBe('???');
    expect(nameKey('???')).not.toBe(nameKey('!!!'));
  });
});

describe('breakout edits', () => {
  it('adds, renames and removes teams, keeping a team’s map without its own votes and teams', () => {
    const withVotes: StakeMap = { ...teamB, votes: [], breakouts: { teams: [{ id: 'x', team: 'Inner', map: teamB }], matches: [] } };
    const map = addBreakoutTeam(brightfoods, { id: 'b', team: '  Team B ', map: withVotes });
    expect(map.breakouts!.teams).toHaveLength(1);
    expect(map.breakouts!.teams[0]!.team).toBe('Team B');
    expect(map.breakouts!.teams[0]!.map.votes).toBeUndefined();
    expect(map.breakouts!.teams[0]!.map.breakouts).toBeUndefined();
    expect(renameBreakoutTeam(map, 'b', 'Blue').breakouts!.teams[0]!.team).toBe('Blue');
    expect(renameBreakoutTeam(map, 'b', '   ')).toBe(map);
    expect(removeBreakoutTeam(map, 'b').breakouts).toBeUndefined();
    expect(removeBreakoutTeam(map, 'nope')).toBe(map);
  });

  it('refuses a blank, a duplicate name, a taken id and a thirteenth team, and says why', () => {
    const map = twoTeams();
    expect(breakoutProblem(map, ' ')).toMatch(/1 to 200 characters/);
    expect(breakoutProblem(map, 'team a')).toBe('There is already a team called “team a”.');
    expect(addBreakoutTeam(map, { id: 'c', team: 'TEAM A', map: teamB })).toBe(map);
    expect(addBreakoutTeam(map, { id: 'a', team: 'Team C', map: teamB })).toBe(map);
    expect(breakoutProblem(map, 'Team A', 'a')).toBeNull();
    let full = map;
    for (let i = 3; i <= LIMITS.breakouts; i++) full = addBreakoutTeam(full, { id: `t${i}`, team: `Team ${i}`, map: teamB });
    expect(full.breakouts!.teams).toHaveLength(LIMITS.breakouts);
    expect(breakoutProblem(full, 'One more')).toMatch(/at most 12 teams/);
    expect(addBreakoutTeam(full, { id: 'more', team: 'One more', map: teamB })).toBe(full);
  });

  it('matches by hand only stakeholders of different teams that exist, and removing a team drops its members', () => {
    const map = twoTeams();
    const matched = addBreakoutMatch(map, [{ team: 'a', stakeholder: 'oat-farm' }, { team: 'b', stakeholder: 'b-oats' }]);
    expect(matched.breakouts!.matches).toEqual([{ members: [{ team: 'a', stakeholder: 'oat-farm' }, { team: 'b', stakeholder: 'b-oats' }] }]);
    expect(addBreakoutMatch(map, [{ team: 'a', stakeholder: 'oat-farm' }, { team: 'a', stakeholder: 'grocers' }])).toBe(map);
    expect(addBreakoutMatch(map, [{ team: 'a', stakeholder: 'oat-farm' }, { team: 'b', stakeholder: 'missing' }])).toBe(map);
    expect(addBreakoutMatch(map, [{ team: 'a', stakeholder: 'oat-farm' }])).toBe(map);
    expect(removeBreakoutTeam(matched, 'b').breakouts!.matches).toEqual([]);
    expect(removeBreakoutMatches(matched, [{ team: 'b', stakeholder: 'b-oats' }]).breakouts!.matches).toEqual([]);
    expect(removeBreakoutMatches(matched, [{ team: 'b', stakeholder: 'b-grocers' }])).toBe(matched);
  });
});

describe('compareBreakouts', () => {
  it('matches Brightfoods’ stakeholders by name and puts the distributor, on which the teams disagree, first', () => {
    const c = compareBreakouts(twoTeams());
    expect(c.columns.map((col) => col.team)).toEqual(['Team A', 'Team B']);
    const distributor = c.rows.find((r) => r.name === 'National distributor')!;
    expect(distributor.cells.map((cell) => cell.map((e) => e.label))).toEqual([['customer'], ['partner']]);
    expect(distributor.cells[1]![0]!.name).toBe('The national distributors');
    expect(distributor.disagreements).toEqual(['label']);
    // Both teams' maps show it passing the cereal on: the same role, with a finding only for team A.
    expect(distributor.cells.map((cell) => cell[0]!.role)).toEqual(['partner', 'partner']);
    expect(distributor.cells[0]![0]!.findings.map((f) => f.rule)).toEqual(['customer-is-partner']);
    expect(distributor.cells[1]![0]!.findings).toEqual([]);
    // Disagreements first.
    const firstAgreed = c.rows.findIndex((r) => r.disagreements.length === 0);
    expect(c.rows.slice(0, firstAgreed).map((r) => r.name).sort()).toEqual(['Families who eat the cereal', 'National distributor']);
    expect(c.disagreeing).toBe(2);
    expect(rowStatus(c, distributor)).toBe('Disagree on label');
  });

  it('shows who drew whom that the others missed, and each team’s findings', () => {
    const { c, row } = rowNamed(twoTeams(), 'Category buyers');
    expect(row.missing).toEqual([0]);
    expect(rowStatus(c, row)).toBe('Drawn only by Team B');
    expect(rowStatus(c, c.rows.find((r) => r.name === 'Oat cooperative')!)).toBe('Drawn only by Team A');
    expect(c.summaries.map((s) => s.onlyHere)).toEqual([1, 2]);
    expect(c.summaries[0]!.counts).toEqual({ error: 0, warning: 2, info: 1 });
    expect(c.summaries[0]!.findings.map((f) => f.rule)).toEqual(['customer-is-partner', 'customer-is-partner', 'hidden-customer']);
    expect(c.summaries[1]!.stakeholders).toBe(6);
    expect(c.summaries[0]!.sentence).toMatch(/^You call 2 stakeholders customers/);
    expect(c.rows).toHaveLength(7);
    expect(c.partial).toBe(3);
  });

  it('joins rows matched by hand, and a team left out of a match still joins by name', () => {
    const map = twoTeams();
    const before = compareBreakouts(map);
    const oats = ['Oat cooperative', 'Oat growers’ co-op'].map((n) => before.rows.find((r) => r.name === n)!);
    const chosen = matchMembersFor(before, oats);
    if (!chosen.ok) throw new Error(chosen.reason);
    const matched = addBreakoutMatch(map, chosen.members);
    const { c, row } = rowNamed(matched, 'Oat cooperative');
    expect(row.handMatched).toBe(true);
    expect(row.cells.map((cell) => cell.map((e) => e.name))).toEqual([['Oat cooperative'], ['Oat growers’ co-op']]);
    expect(rowStatus(c, row)).toBe('Agreed');
    expect(c.rows).toHaveLength(6);
    // Undone: the row splits again.
    const undone = removeBreakoutMatches(matched, teamMembersOf(c, row));
    expect(compareBreakouts(undone).rows).toHaveLength(7);
  });

  it('refuses hand matches that cannot be kept, with a reason', () => {
    const map = twoTeams();
    const c = compareBreakouts(map, { includeOwn: true });
    const oat = c.rows.find((r) => r.name === 'Oat cooperative')!;
    const buyers = c.rows.find((r) => r.name === 'Category buyers')!;
    const result = matchMembersFor(c, [oat]);
    expect(result.ok).toBe(false);
    const ok = matchMembersFor(c, [oat, buyers]);
    expect(ok.ok && ok.members).toEqual([{ team: 'a', stakeholder: 'oat-farm' }, { team: 'b', stakeholder: 'b-buyers' }]);
    // Two rows drawn only by team B cannot be joined (a match joins different teams).
    const oats = c.rows.find((r) => r.name === 'Oat growers’ co-op')!;
    const same = matchMembersFor(c, [oats, buyers]);
    expect(same.ok ? '' : same.reason).toMatch(/same single team/);
    // A row only the plenary map drew (none here): build one.
    const own = addBreakoutTeam({ ...brightfoods, stakeholders: [...brightfoods.stakeholders, { id: 'x', name: 'Only here', label: 'other', side: 'external' }] }, { id: 'a', team: 'A', map: brightfoods });
    const c2 = compareBreakouts(own, { includeOwn: true });
    const only = c2.rows.find((r) => r.name === 'Only here')!;
    const refused = matchMembersFor(c2, [only, c2.rows.find((r) => r.name === 'Grocery chains')!]);
    expect(refused.ok ? '' : refused.reason).toMatch(/drawn only on this map/);
  });

  it('puts the facilitator’s own map first when asked', () => {
    const { c, row } = rowNamed(twoTeams(), 'National distributor', true);
    expect(c.columns[0]!.id).toBe(OWN_COLUMN);
    expect(c.columns.map((col) => col.team)).toEqual(['This map', 'Team A', 'Team B']);
    expect(row.cells.map((cell) => cell[0]!.label)).toEqual(['customer', 'customer', 'partner']);
    expect(compareBreakouts(brightfoods).rows).toEqual([]);
  });

  it('keeps a team’s two stakeholders of the same name in one cell', () => {
    const twice: StakeMap = { ...teamB, stakeholders: [...teamB.stakeholders, { id: 'b-again', name: 'Grocery chains', label: 'partner', side: 'external' }] };
    const map = addBreakoutTeam(addBreakoutTeam(brightfoods, { id: 'a', team: 'A', map: brightfoods }), { id: 'b', team: 'B', map: twice });
    const { row } = rowNamed(map, 'Grocery chains');
    expect(row.cells[1]!.map((e) => e.id)).toEqual(['b-grocers', 'b-again']);
    expect(row.disagreements).toContain('label');
  });

  it('compares three teams of 500 stakeholders each, matching the names they share', () => {
    // Not timed (speed is measured by `npm run bench`): it exercises the indices at size.
    const teams = [1, 2, 3].map((seed) => generateMap({ stakeholders: 500, relations: 1500, seed }));
    let map = brightfoods;
    teams.forEach((t, i) => (map = addBreakoutTeam(map, { id: `t${i}`, team: `Team ${i + 1}`, map: t })));
    const c = compareBreakouts(map);
    const keys = teams.map((t) => new Set(t.stakeholders.map((s) => nameKey(s.name))));
    const everyKey = new Set(keys.flatMap((k) => [...k]));
    // One row per distinct name key (generated names repeat within a map, which joins them in one cell).
    expect(c.rows).toHaveLength(everyKey.size);
    const drawnCells = c.rows.reduce((n, r) => n + r.cells.reduce((m, cell) => m + cell.length, 0), 0);
    expect(drawnCells).toBe(1500);
    const shared = [...everyKey].filter((k) => keys.every((set) => set.has(k))).length;
    expect(c.rows.filter((r) => r.missing.length === 0)).toHaveLength(shared);
  });
});
