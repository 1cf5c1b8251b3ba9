// Breakout teams through commands: from the library and from a file, each one undo step, refused in a read-only tab.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStakemap } from '../../src/store';
import { INITIAL_HEALTH, useHealth } from '../../src/services/health';
import { repository } from '../../src/services/session';
import { addTeamFromFile, addTeamFromLibrary, matchByHand, removeTeam, renameTeam, run, undo, unmatchByHand } from '../../src/commands';
import { compareBreakouts, matchMembersFor, teamMembersOf } from '../../src/domain';
import { mustParse, REPO_ROOT, SCENARIO_DIR } from '../domain/helpers';

const brightfoodsText = readFileSync(join(SCENARIO_DIR, 'brightfoods-distribution.stakemap.json'), 'utf8');
const teamBText = readFileSync(join(REPO_ROOT, 'test/fixtures/breakouts/brightfoods-team-b.stakemap.json'), 'utf8');
const map = () => useStakemap.getState().map!;

describe('breakout commands', () => {
  beforeEach(() => {
    useHealth.setState({ ...INITIAL_HEALTH });
    useStakemap.getState().openDocument('plenary', mustParse(brightfoodsText));
  });

  it('adds a team from a map of this browser and from a file, and refuses what cannot be added', async () => {
    const stored = await repository().create(mustParse(brightfoodsText));
    expect(await run(addTeamFromLibrary, 'Team A', stored)).toBeNull();
    expect(await run(addTeamFromFile, 'Team B', new File([teamBText], 'team-b.stakemap.json'))).toBeNull();
    expect(map().breakouts!.teams.map((t) => [t.id, t.team, t.map.stakeholders.length])).toEqual([['team1', 'Team A', 5], ['team2', 'Team B', 6]]);
    expect(await run(addTeamFromFile, 'Team C', new File(['{"format": "nope"}'], 'bad.json'))).toMatch(/^“bad.json” is not a map Stakemap can open: /);
    expect(await run(addTeamFromFile, 'team b', new File([teamBText], 'again.json'))).toBe('There is already a team called “team b”.');
    expect(await run(addTeamFromLibrary, 'Team D', 'plenary')).toMatch(/map open now/);
    expect(map().breakouts!.teams).toHaveLength(2);
    // One undo step each.
    run(undo);
    expect(map().breakouts!.teams).toHaveLength(1);
  });

  it('renames, matches by hand, undoes the match and removes a team', async () => {
    await run(addTeamFromFile, 'A', new File([brightfoodsText], 'a.json'));
    await run(addTeamFromFile, 'B', new File([teamBText], 'b.json'));
    expect(run(renameTeam, 'team1', 'Team A')).toBeNull();
    expect(run(renameTeam, 'team1', 'B')).toMatch(/already a team/);
    const c = compareBreakouts(map());
    const rows = ['Oat cooperative', 'Oat growers’ co-op'].map((n) => c.rows.find((r) => r.name === n)!);
    const chosen = matchMembersFor(c, rows);
    if (!chosen.ok) throw new Error(chosen.reason);
    run(matchByHand, chosen.members);
    const matched = compareBreakouts(map());
    const row = matched.rows.find((r) => r.handMatched)!;
    expect(row.cells.map((cell) => cell.map((e) => e.name))).toEqual([['Oat cooperative'], ['Oat growers’ co-op']]);
    run(unmatchByHand, teamMembersOf(matched, row));
    expect(map().breakouts!.matches).toEqual([]);
    run(removeTeam, 'team2');
    expect(map().breakouts!.teams.map((t) => t.team)).toEqual(['Team A']);
  });

  it('changes nothing in a read-only tab', async () => {
    useHealth.setState({ conflict: { mapId: 'plenary', snapshotId: null } });
    const before = map();
    expect(run(addTeamFromFile, 'A', new File([brightfoodsText], 'a.json'))).toBeUndefined();
    await Promise.resolve();
    expect(map()).toBe(before);
  });
});
