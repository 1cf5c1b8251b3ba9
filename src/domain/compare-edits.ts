// Edits of the breakout teams kept with a map (docs/FORMAT.md, "Breakout
// teams"): add, rename and remove a team, and match stakeholders by hand.
// Like every edit (edits.ts) they return the same map when nothing changes;
// breakoutProblem says in words why an addition would be refused, so the
// command can tell the person instead of doing nothing.
import { isValidId, isValidName } from './field-rules';
import { LIMITS, type Breakout, type BreakoutMatch, type Breakouts, type StakeMap } from './model';
import { uniqueId } from './edits-copy';

type Member = BreakoutMatch['members'][number];

const EMPTY: Breakouts = { teams: [], matches: [] };

export function breakoutsOf(map: StakeMap): Breakouts {
  return map.breakouts ?? EMPTY;
}

function withBreakouts(map: StakeMap, next: Breakouts): StakeMap {
  if (next.teams.length > 0) return { ...map, breakouts: next };
  return without(map, 'breakouts');
}

function without(map: StakeMap, ...keys: ('votes' | 'breakouts')[]): StakeMap {
  const out: { -readonly [K in keyof StakeMap]?: StakeMap[K] } = { ...map };
  for (const key of keys) delete out[key];
  return out as StakeMap;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Why `team` cannot be added (or renamed to), or null when it can. */
export function breakoutProblem(map: StakeMap, team: string, exceptId?: string): string | null {
  const { teams } = breakoutsOf(map);
  if (!isValidName(team)) return `A team's name is 1 to ${LIMITS.name} characters.`;
  if (teams.some((t) => t.id !== exceptId && sameName(t.team, team))) return `There is already a team called “${team.trim()}”.`;
  if (exceptId === undefined && teams.length >= LIMITS.breakouts) return `A comparison holds at most ${LIMITS.breakouts} teams.`;
  return null;
}

/** A free team id (`team1`, `team2`, …). */
export function nextTeamId(map: StakeMap): string {
  const ids = new Set(breakoutsOf(map).teams.map((t) => t.id));
  return uniqueId('team', (id) => ids.has(id));
}

/**
 * The map a team brings, as it is kept: its own votes and breakout teams stay
 * behind (a comparison compares maps, not comparisons).
 */
export function teamMapOf(map: StakeMap): StakeMap {
  if (map.votes === undefined && map.breakouts === undefined) return map;
  return without(map, 'votes', 'breakouts');
}

export function addBreakoutTeam(map: StakeMap, team: Breakout): StakeMap {
  const current = breakoutsOf(map);
  if (!isValidId(team.id) || current.teams.some((t) => t.id === team.id)) return map;
  if (breakoutProblem(map, team.team) !== null) return map;
  return withBreakouts(map, { teams: [...current.teams, { id: team.id, team: team.team.trim(), map: teamMapOf(team.map) }], matches: current.matches });
}

export function renameBreakoutTeam(map: StakeMap, id: string, team: string): StakeMap {
  const current = breakoutsOf(map);
  const at = current.teams.findIndex((t) => t.id === id);
  if (at < 0 || current.teams[at]!.team === team.trim() || breakoutProblem(map, team, id) !== null) return map;
  const teams = current.teams.map((t, i) => (i === at ? { ...t, team: team.trim() } : t));
  return withBreakouts(map, { teams, matches: current.matches });
}

/** Removes a team, and its stakeholders from the hand-made matches (a match left with one member goes). */
export function removeBreakoutTeam(map: StakeMap, id: string): StakeMap {
  const current = breakoutsOf(map);
  if (!current.teams.some((t) => t.id === id)) return map;
  const matches = current.matches
    .map((m) => (m.members.some((x) => x.team === id) ? { members: m.members.filter((x) => x.team !== id) } : m))
    .filter((m) => m.members.length >= 2);
  return withBreakouts(map, { teams: current.teams.filter((t) => t.id !== id), matches });
}

const memberKey = (m: Member) => `${m.team}\u0000${m.stakeholder}`;

/**
 * Says that `members` (stakeholders of different teams) are the same one.
 * Refused (the same map) unless there are two or more, each of a different
 * team, each on its team's map.
 */
export function addBreakoutMatch(map: StakeMap, members: readonly Member[]): StakeMap {
  const current = breakoutsOf(map);
  if (members.length < 2 || members.length > LIMITS.breakouts || current.matches.length >= LIMITS.breakoutMatches) return map;
  const teams = new Map(current.teams.map((t) => [t.id, t]));
  const seen = new Set<string>();
  for (const m of members) {
    const team = teams.get(m.team);
    if (!team || seen.has(m.team) || !team.map.stakeholders.some((s) => s.id === m.stakeholder)) return map;
    seen.add(m.team);
  }
  const match: BreakoutMatch = { members: members.map((m) => ({ team: m.team, stakeholder: m.stakeholder })) };
  return withBreakouts(map, { teams: current.teams, matches: [...current.matches, match] });
}

/** Removes every hand-made match that names any of `members`. */
export function removeBreakoutMatches(map: StakeMap, members: readonly Member[]): StakeMap {
  const current = breakoutsOf(map);
  const keys = new Set(members.map(memberKey));
  const matches = current.matches.filter((m) => !m.members.some((x) => keys.has(memberKey(x))));
  return matches.length === current.matches.length ? map : withBreakouts(map, { teams: current.teams, matches });
}
