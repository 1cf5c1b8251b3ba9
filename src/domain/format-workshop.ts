// The workshop's part of a file (format version 2): votes and breakout teams.
// Read after the map itself, because their rules refer to its stakeholders:
// a malformed vote or team refuses the file like any other field, while an
// answer about a stakeholder that is no longer on the map is dropped and
// named in `repairs` (the map was edited after the vote).
import { z } from 'zod';
import { FORMAT_VERSION, LABELS, LIMITS, VOTE_STATES, type Answer, type Ballot, type Breakout, type Breakouts, type StakeMap, type Vote } from './model';
import { describe, expected, type Problem, type RawProblem } from './format-problems';
import { id, oneOf, requiredText } from './format-schema';

type Issue = { readonly input?: unknown };
const list = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z
    .array(item, { error: (iss: Issue) => expected(`a list of ${what}`, iss.input) })
    .max(max, { error: `more than ${max.toLocaleString('en-US')} ${what}, the most a map may hold` });
const object = <T extends z.ZodRawShape>(shape: T, what: string) => z.object(shape, { error: (iss: Issue) => expected(what, iss.input) });
const flag = z.boolean({ error: (iss: Issue) => expected('true or false', iss.input) });

const answer = object({ stakeholder: id, label: oneOf(LABELS), primary: flag.optional() }, 'an answer (an object)');
const ballot = object(
  { voter: id, name: requiredText(LIMITS.name).optional(), answers: list(answer, 'answers', LIMITS.stakeholders) },
  'a ballot (an object)',
);
const vote = object(
  {
    id,
    stakeholders: list(id, 'stakeholder ids', LIMITS.stakeholders),
    named: flag,
    askPrimary: flag,
    state: oneOf(VOTE_STATES),
    startedAt: z.iso.datetime({ error: (iss: Issue) => expected('a date and time (ISO 8601)', iss.input) }),
    ballots: list(ballot, 'ballots', LIMITS.ballots),
  },
  'a vote (an object)',
);
const member = object({ team: id, stakeholder: id }, 'a team and one of its stakeholder ids');
const breakouts = object(
  {
    teams: list(
      object({ id, team: requiredText(LIMITS.name), map: z.record(z.string(), z.unknown(), { error: (iss: Issue) => expected('a map (an object)', iss.input) }) }, 'a team (an object)'),
      'teams',
      LIMITS.breakouts,
    ),
    matches: list(object({ members: list(member, 'members', LIMITS.breakouts) }, 'a match (an object)'), 'matches', LIMITS.breakoutMatches),
  },
  'breakout teams and matches (an object)',
);

/** Reads one team's map by the same rules as a file of the current version. */
export type ValidateMap = (file: Readonly<Record<string, unknown>>) => { ok: true; map: StakeMap } | { ok: false; problems: Problem[] };

export type WorkshopRead = { ok: true; map: StakeMap; repairs: Problem[] } | { ok: false; problems: RawProblem[] };

/** Adds the file's votes and breakouts to `map` (already read from the same file). */
export function readWorkshop(file: Readonly<Record<string, unknown>>, map: StakeMap, validateMap: ValidateMap): WorkshopRead {
  const problems: RawProblem[] = [];
  const repairs: Problem[] = [];
  let next = map;
  if (file.votes != null) {
    const parsed = list(vote, 'votes', LIMITS.votes).safeParse(file.votes);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ path: ['votes', ...(issue.path as (string | number)[])], detail: issue.message });
    else if (parsed.data.length > 0) next = { ...next, votes: readVotes(parsed.data, map, repairs, problems) };
  }
  if (file.breakouts != null) {
    const parsed = breakouts.safeParse(file.breakouts);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ path: ['breakouts', ...(issue.path as (string | number)[])], detail: issue.message });
    else {
      const read = readBreakouts(parsed.data, validateMap, problems);
      if (read.teams.length > 0) next = { ...next, breakouts: read };
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map: next, repairs };
}

type VoteData = z.output<typeof vote>;

function readVotes(data: readonly VoteData[], map: StakeMap, repairs: Problem[], problems: RawProblem[]): Vote[] {
  const onMap = new Set(map.stakeholders.map((s) => s.id));
  const ids = new Set<string>();
  return data.map((v, i): Vote => {
    if (ids.has(v.id)) problems.push({ path: ['votes', i, 'id'], detail: `${describe(v.id)} is used by another vote` });
    ids.add(v.id);
    const gone = v.stakeholders.filter((s) => !onMap.has(s));
    if (gone.length > 0) {
      const path = `votes[${i}]`;
      repairs.push({ path, message: `${path}: ${gone.length === 1 ? 'a stakeholder' : `${gone.length} stakeholders`} voted on ${gone.length === 1 ? 'is' : 'are'} no longer on the map; ${gone.length === 1 ? 'its answers were' : 'their answers were'} dropped` });
    }
    const voters = new Set<string>();
    const ballots = v.ballots.flatMap((b, j): Ballot[] => {
      if (voters.has(b.voter)) {
        problems.push({ path: ['votes', i, 'ballots', j, 'voter'], detail: `${describe(b.voter)} voted twice in this vote` });
        return [];
      }
      voters.add(b.voter);
      const answers = b.answers.filter((a) => onMap.has(a.stakeholder) && v.stakeholders.includes(a.stakeholder)).map(toAnswer);
      const out: { -readonly [K in keyof Ballot]: Ballot[K] } = { voter: b.voter, answers };
      if (v.named && b.name !== undefined) out.name = b.name;
      return [out];
    });
    return { id: v.id, stakeholders: v.stakeholders.filter((s) => onMap.has(s)), named: v.named, askPrimary: v.askPrimary, state: v.state, startedAt: v.startedAt, ballots };
  });
}

function toAnswer(a: { stakeholder: string; label: Answer['label']; primary?: boolean | undefined }): Answer {
  return a.primary === undefined ? { stakeholder: a.stakeholder, label: a.label } : { stakeholder: a.stakeholder, label: a.label, primary: a.primary };
}

function readBreakouts(data: z.output<typeof breakouts>, validateMap: ValidateMap, problems: RawProblem[]): Breakouts {
  const ids = new Set<string>();
  const teams: Breakout[] = [];
  data.teams.forEach((t, i) => {
    if (ids.has(t.id)) problems.push({ path: ['breakouts', 'teams', i, 'id'], detail: `${describe(t.id)} is used by another team` });
    ids.add(t.id);
    const read = validateMap({ ...t.map, format: 'stakemap', version: FORMAT_VERSION });
    if (!read.ok) {
      for (const p of read.problems.slice(0, 5)) problems.push({ path: ['breakouts', 'teams', i, 'map'], detail: p.message });
      return;
    }
    teams.push({ id: t.id, team: t.team, map: read.map });
  });
  const known = new Map(teams.map((t) => [t.id, new Set(t.map.stakeholders.map((s) => s.id))]));
  // A match may only name stakeholders of the teams kept: anything else is a broken reference.
  data.matches.forEach((m, i) =>
    m.members.forEach((member, j) => {
      if (!known.get(member.team)?.has(member.stakeholder))
        problems.push({ path: ['breakouts', 'matches', i, 'members', j], detail: `team ${describe(member.team)} has no stakeholder ${describe(member.stakeholder)}` });
    }),
  );
  return { teams, matches: data.matches.map((m) => ({ members: m.members.map((x) => ({ team: x.team, stakeholder: x.stakeholder })) })) };
}

export type EntryCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

function entryCheck<T>(parsed: { success: true; data: T } | { success: false; error: z.ZodError }): EntryCheck<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return { ok: false, problem: path ? `${path}: ${issue.message}` : issue.message };
}

/** A vote's own fields from elsewhere (a live room), ballots apart, by the file's rules. */
export function checkVoteEntry(raw: unknown): EntryCheck<Omit<Vote, 'ballots'>> {
  return entryCheck(vote.omit({ ballots: true }).safeParse(raw));
}

/** One ballot from elsewhere (a live room), by the file's rules. */
export function checkBallotEntry(raw: unknown): EntryCheck<Ballot> {
  const checked = entryCheck(ballot.safeParse(raw));
  if (!checked.ok) return checked;
  const b = checked.value;
  const answers = b.answers.map(toAnswer);
  return { ok: true, value: b.name === undefined ? { voter: b.voter, answers } : { voter: b.voter, name: b.name, answers } };
}
