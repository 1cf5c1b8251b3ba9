// The room's private votes on what stakeholders are to us: pure edits that
// start, fill, reveal and delete a vote. Like edits.ts, each edit keeps a
// valid map valid (what the format would refuse is ignored) and returns the
// very same map when nothing changes. The tally is in vote-tally.ts.
import { LABELS, LIMITS, type Answer, type Ballot, type StakeMap, type Vote } from './model';
import { exceeds, isValidId, isValidName } from './field-rules';

export interface StartVote {
  readonly id: string;
  /** The stakeholders to vote on, in the order to ask; ids not on the map are left out. */
  readonly stakeholders: readonly string[];
  readonly named: boolean;
  readonly askPrimary: boolean;
  /** When it starts (ISO 8601), from the caller: edits stay deterministic. */
  readonly at: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The vote still open (answers hidden), if any: at most one is open at a time. */
export function openVoteOf(map: StakeMap): Vote | null {
  return map.votes?.find((v) => v.state === 'open') ?? null;
}

/** The vote started last, open or revealed. */
export function latestVoteOf(map: StakeMap): Vote | null {
  const votes = map.votes ?? [];
  return votes[votes.length - 1] ?? null;
}

export function voteById(map: StakeMap, id: string): Vote | null {
  return map.votes?.find((v) => v.id === id) ?? null;
}

/**
 * Starts a vote. A no-op when another vote is still open, the id is invalid
 * or taken, no stakeholder to ask is on the map, the map holds the most
 * votes it may, or `at` is not a date and time.
 */
export function startVote(map: StakeMap, args: StartVote): StakeMap {
  const votes = map.votes ?? [];
  if (!isValidId(args.id) || votes.some((v) => v.id === args.id) || openVoteOf(map)) return map;
  if (votes.length >= LIMITS.votes || !ISO.test(args.at) || Number.isNaN(Date.parse(args.at))) return map;
  const onMap = new Set(map.stakeholders.map((s) => s.id));
  const asked = [...new Set(args.stakeholders)].filter((id) => onMap.has(id));
  if (asked.length === 0) return map;
  const vote: Vote = { id: args.id, stakeholders: asked, named: args.named === true, askPrimary: args.askPrimary === true, state: 'open', startedAt: args.at, ballots: [] };
  return { ...map, votes: [...votes, vote] };
}

/**
 * One person's answers in an open vote, replacing their earlier ballot (it
 * keeps its place). Answers about stakeholders the vote does not ask about,
 * with an unknown label, or repeated, are left out; `primary` only where the
 * vote asks it; the name only in a named vote. A no-op on a revealed or
 * missing vote, an invalid voter id, or a new voter when the vote is full.
 */
export function castBallot(map: StakeMap, voteId: string, ballot: Ballot): StakeMap {
  const at = map.votes?.findIndex((v) => v.id === voteId) ?? -1;
  const vote = map.votes?.[at];
  if (!vote || vote.state !== 'open' || !isValidId(ballot.voter)) return map;
  const earlier = vote.ballots.findIndex((b) => b.voter === ballot.voter);
  if (earlier < 0 && vote.ballots.length >= LIMITS.ballots) return map;
  const clean = cleanBallot(vote, ballot);
  if (earlier >= 0 && sameBallot(vote.ballots[earlier]!, clean)) return map;
  const ballots = vote.ballots.slice();
  if (earlier >= 0) ballots[earlier] = clean;
  else ballots.push(clean);
  return withVote(map, at, { ...vote, ballots });
}

/** Takes a person's ballot back out of an open vote. */
export function withdrawBallot(map: StakeMap, voteId: string, voter: string): StakeMap {
  const at = map.votes?.findIndex((v) => v.id === voteId) ?? -1;
  const vote = map.votes?.[at];
  if (!vote || vote.state !== 'open' || !vote.ballots.some((b) => b.voter === voter)) return map;
  return withVote(map, at, { ...vote, ballots: vote.ballots.filter((b) => b.voter !== voter) });
}

/** Shows everyone's answers: the vote takes no more ballots. */
export function revealVote(map: StakeMap, voteId: string): StakeMap {
  const at = map.votes?.findIndex((v) => v.id === voteId) ?? -1;
  const vote = map.votes?.[at];
  if (!vote || vote.state === 'revealed') return map;
  return withVote(map, at, { ...vote, state: 'revealed' });
}

/** Removes a vote and its ballots; the map loses `votes` when none is left. */
export function deleteVote(map: StakeMap, voteId: string): StakeMap {
  if (!map.votes?.some((v) => v.id === voteId)) return map;
  return withVotes(map, map.votes.filter((v) => v.id !== voteId));
}

/** Removes every vote. */
export function clearVotes(map: StakeMap): StakeMap {
  return map.votes === undefined ? map : withVotes(map, []);
}

function withVote(map: StakeMap, at: number, vote: Vote): StakeMap {
  const votes = map.votes!.slice();
  votes[at] = vote;
  return { ...map, votes };
}

function withVotes(map: StakeMap, votes: readonly Vote[]): StakeMap {
  const next: { -readonly [K in keyof StakeMap]: StakeMap[K] } = { ...map };
  if (votes.length === 0) delete next.votes;
  else next.votes = votes;
  return next;
}

function cleanBallot(vote: Vote, ballot: Ballot): Ballot {
  const asked = new Set(vote.stakeholders);
  const seen = new Set<string>();
  const answers: Answer[] = [];
  for (const a of ballot.answers) {
    if (!asked.has(a.stakeholder) || seen.has(a.stakeholder) || !LABELS.includes(a.label)) continue;
    seen.add(a.stakeholder);
    answers.push(vote.askPrimary && typeof a.primary === 'boolean' ? { stakeholder: a.stakeholder, label: a.label, primary: a.primary } : { stakeholder: a.stakeholder, label: a.label });
  }
  const name = ballot.name?.trim();
  return vote.named && name !== undefined && isValidName(name) && !exceeds(name, LIMITS.name) ? { voter: ballot.voter, name, answers } : { voter: ballot.voter, answers };
}

function sameBallot(a: Ballot, b: Ballot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Votes as a map may hold them: stakeholders no longer on the map left out
 * (with their answers, and repeated answers), names only in a named vote.
 * For votes gathered from elsewhere (a live room); a file's are read so already.
 */
export function votesOnMap(votes: readonly Vote[], map: StakeMap): Vote[] {
  const onMap = new Set(map.stakeholders.map((s) => s.id));
  return votes.map((v) => {
    const asked = v.stakeholders.filter((id) => onMap.has(id));
    const keep = new Set(asked);
    const ballots = v.ballots.map((b): Ballot => {
      const seen = new Set<string>();
      const answers = b.answers.filter((a) => keep.has(a.stakeholder) && !seen.has(a.stakeholder) && seen.add(a.stakeholder));
      return v.named && b.name !== undefined ? { voter: b.voter, name: b.name, answers } : { voter: b.voter, answers };
    });
    return { ...v, stakeholders: asked, ballots };
  });
}
