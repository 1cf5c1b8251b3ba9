// Breakout teams: opening the comparison, adding a team's map (from this
// browser's library or a file), renaming and removing teams, and matching
// stakeholders by hand. Each edit is one undo step of this person's.
import {
  addBreakoutMatch,
  addBreakoutTeam,
  breakoutProblem,
  LIMITS,
  nextTeamId,
  removeBreakoutMatches,
  removeBreakoutTeam,
  renameBreakoutTeam,
  serializeMap,
  type BreakoutMatch,
  type StakeMap,
} from '../domain';
import { classifyStorageError } from '../persistence';
import { setComparisonOpen } from '../services/comparison';
import { repository } from '../services/session';
import { useStakemap } from '../store';
import { defineCommand } from './command';
import { currentMap, editMap } from './edit';

type Member = BreakoutMatch['members'][number];
/** What a command that may be refused answers: null when done, else why not, in words. */
export type Refusal = string | null;

export const openComparison = defineCommand({
  id: 'breakouts.open',
  label: 'Compare breakout teams',
  enabled: (s) => s.map !== null,
  perform() {
    setComparisonOpen(true);
  },
});

export function closeComparison(): void {
  setComparisonOpen(false);
}

/** Adds `teamMap` as a team called `team`; why not when refused. */
function addTeam(team: string, teamMap: StakeMap): Refusal {
  const map = currentMap();
  if (!map) return 'No map is open.';
  const problem = breakoutProblem(map, team);
  if (problem) return problem;
  const next = addBreakoutTeam(map, { id: nextTeamId(map), team, map: teamMap });
  if (next === map) return 'The team could not be added.';
  // The teams' maps are saved inside this one: it must stay a file Stakemap can open.
  if (serializeMap(next).length > LIMITS.fileBytes) return `With this team the map would be larger than ${LIMITS.fileBytes.toLocaleString('en-US')} bytes, the most a map file may be.`;
  editMap(() => next);
  return null;
}

export const addTeamFromLibrary = defineCommand({
  id: 'breakouts.addFromLibrary',
  label: 'Add a team’s map from this browser',
  editsMap: true,
  async perform(team: string, mapId: string): Promise<Refusal> {
    if (mapId === useStakemap.getState().mapId) return 'This is the map open now; choose a team’s own map.';
    try {
      const record = await repository().get(mapId);
      if (!record) return 'That map is no longer in this browser.';
      return addTeam(team, record.map);
    } catch (err) {
      return `That map could not be read: ${classifyStorageError(err).message}`;
    }
  },
});

export const addTeamFromFile = defineCommand({
  id: 'breakouts.addFromFile',
  label: 'Add a team’s map from a file',
  editsMap: true,
  async perform(team: string, file: File): Promise<Refusal> {
    const { importFile } = await import('../export/import');
    const result = await importFile(file);
    if (!result.ok) return [result.title, ...result.problems.slice(0, 3).map((p) => p.message)].join(': ');
    return addTeam(team, result.map);
  },
});

export const renameTeam = defineCommand({
  id: 'breakouts.rename',
  label: 'Rename a breakout team',
  editsMap: true,
  perform(id: string, team: string): Refusal {
    const map = currentMap();
    if (!map) return 'No map is open.';
    const problem = breakoutProblem(map, team, id);
    if (problem) return problem;
    editMap((m) => renameBreakoutTeam(m, id, team));
    return null;
  },
});

export const removeTeam = defineCommand({
  id: 'breakouts.remove',
  label: 'Remove a breakout team',
  editsMap: true,
  perform(id: string) {
    editMap((m) => removeBreakoutTeam(m, id));
  },
});

export const matchByHand = defineCommand({
  id: 'breakouts.match',
  label: 'Same stakeholder',
  editsMap: true,
  perform(members: readonly Member[]) {
    editMap((m) => addBreakoutMatch(m, members));
  },
});

export const unmatchByHand = defineCommand({
  id: 'breakouts.unmatch',
  label: 'Undo the match',
  editsMap: true,
  perform(members: readonly Member[]) {
    editMap((m) => removeBreakoutMatches(m, members));
  },
});
