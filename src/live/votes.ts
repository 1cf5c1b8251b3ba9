// A map's votes in a Y.Doc, laid out so that people voting at once never
// overwrite each other:
//
//   doc.getMap('votes')    vote id → Y.Map { stakeholders, named, askPrimary, state, startedAt }
//   doc.getMap('ballots')  `${vote id}/${voter}` → { voter, name?, answers } (one value)
//
// Each ballot is its own entry, so two laptops handing in their answers at
// once both keep theirs; the same voter again replaces only their own. A
// peer is not trusted: each vote and each ballot is checked alone by the file
// format's rules, and what fails is dropped (and named), never the whole map.
import * as Y from 'yjs';
import { checkBallotEntry, checkVoteEntry, LIMITS, votesOnMap, type Ballot, type StakeMap, type Vote } from '../domain';

export const VOTES = 'votes';
export const BALLOTS = 'ballots';
export type VoteListName = typeof VOTES | typeof BALLOTS;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A vote's own fields as stored (no id, no ballots). */
export function voteFields(v: Vote): Record<string, Json> {
  return { stakeholders: [...v.stakeholders], named: v.named, askPrimary: v.askPrimary, state: v.state, startedAt: v.startedAt };
}

export function ballotKey(voteId: string, voter: string): string {
  return `${voteId}/${voter}`;
}

export function ballotValue(b: Ballot): Record<string, Json> {
  const out: Record<string, Json> = { voter: b.voter };
  if (b.name !== undefined) out.name = b.name;
  out.answers = b.answers.map((a): Json => (a.primary === undefined ? { stakeholder: a.stakeholder, label: a.label } : { stakeholder: a.stakeholder, label: a.label, primary: a.primary }));
  return out;
}

/** The votes of a map as doc entries: vote records by id, ballots by key. */
export function flattenVotes(map: StakeMap): { votes: Map<string, Record<string, Json>>; ballots: Map<string, Record<string, Json>> } {
  const votes = new Map<string, Record<string, Json>>();
  const ballots = new Map<string, Record<string, Json>>();
  for (const v of map.votes ?? []) {
    votes.set(v.id, voteFields(v));
    for (const b of v.ballots) ballots.set(ballotKey(v.id, b.voter), ballotValue(b));
  }
  return { votes, ballots };
}

/** What the doc holds as the same entries (anything that is not JSON reads as `{}`). */
export function readVoteEntries(doc: Y.Doc): ReturnType<typeof flattenVotes> {
  const votes = new Map<string, Record<string, Json>>();
  doc.getMap(VOTES).forEach((record, id) => {
    const fields: Record<string, Json> = {};
    if (record instanceof Y.Map) record.forEach((value, key) => setKey(fields, key, json(value)));
    votes.set(id, fields);
  });
  const ballots = new Map<string, Record<string, Json>>();
  doc.getMap(BALLOTS).forEach((value, key) => {
    const v = json(value);
    ballots.set(key, v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});
  });
  return { votes, ballots };
}

/** Queues the writes that turn the doc's votes from `from` into `to` (only what differs). */
export function diffVotes(doc: Y.Doc, from: ReturnType<typeof flattenVotes>, to: ReturnType<typeof flattenVotes>, changes: Array<() => void>): void {
  const votes = doc.getMap<unknown>(VOTES);
  for (const id of from.votes.keys()) if (!to.votes.has(id)) changes.push(() => votes.delete(id));
  for (const [id, fields] of to.votes) {
    const before = from.votes.get(id);
    if (!before) {
      changes.push(() => votes.set(id, new Y.Map<unknown>(Object.entries(fields))));
      continue;
    }
    for (const key of new Set([...Object.keys(before), ...Object.keys(fields)])) {
      if (sameJson(before[key], fields[key])) continue;
      const value = fields[key];
      changes.push(() => {
        const record = votes.get(id);
        if (!(record instanceof Y.Map)) return; // deleted meanwhile: stays deleted
        if (value === undefined) record.delete(key);
        else record.set(key, value);
      });
    }
  }
  const ballots = doc.getMap<unknown>(BALLOTS);
  for (const key of from.ballots.keys()) if (!to.ballots.has(key)) changes.push(() => ballots.delete(key));
  for (const [key, value] of to.ballots) if (!sameJson(from.ballots.get(key), value)) changes.push(() => ballots.set(key, value));
}

export interface DerivedVotes {
  readonly votes: readonly Vote[];
  /** Entries to remove from the doc: they break the rules, or belong to no vote. */
  readonly drops: readonly { readonly list: VoteListName; readonly id: string }[];
  readonly messages: readonly string[];
}

/**
 * The doc's votes on `map` (a map already derived from the same doc), each
 * checked alone: a malformed vote goes with its ballots, a malformed ballot
 * or one of no vote goes alone; the first 50 votes (by start) and 500
 * ballots a vote are kept, as in a file.
 */
export function deriveVotes(doc: Y.Doc, map: StakeMap): DerivedVotes {
  const { votes: voteEntries, ballots: ballotEntries } = readVoteEntries(doc);
  const drops: { list: VoteListName; id: string }[] = [];
  const messages: string[] = [];
  const kept: { vote: Omit<Vote, 'ballots'>; ballots: Ballot[] }[] = [];
  for (const [id, fields] of voteEntries) {
    const checked = checkVoteEntry({ ...fields, id });
    if (checked.ok) kept.push({ vote: checked.value, ballots: [] });
    else {
      drops.push({ list: VOTES, id });
      messages.push(`Removed vote ${quote(id)}: ${checked.problem}.`);
    }
  }
  kept.sort((a, b) => (a.vote.startedAt < b.vote.startedAt ? -1 : a.vote.startedAt > b.vote.startedAt ? 1 : a.vote.id < b.vote.id ? -1 : 1));
  for (const extra of kept.splice(LIMITS.votes)) {
    drops.push({ list: VOTES, id: extra.vote.id });
    messages.push(`Removed vote ${quote(extra.vote.id)}: a map holds at most ${LIMITS.votes} votes.`);
  }
  const byId = new Map(kept.map((k) => [k.vote.id, k]));
  for (const key of [...ballotEntries.keys()].sort()) {
    const cut = key.indexOf('/');
    const owner = cut > 0 ? byId.get(key.slice(0, cut)) : undefined;
    const checked = checkBallotEntry(ballotEntries.get(key));
    const problem = !owner
      ? 'it belongs to no vote'
      : !checked.ok
        ? checked.problem
        : checked.value.voter !== key.slice(cut + 1)
          ? 'its voter is not the one it is filed under'
          : owner.ballots.length >= LIMITS.ballots
            ? `a vote holds at most ${LIMITS.ballots} ballots`
            : null;
    if (problem === null && checked.ok) owner!.ballots.push(checked.value);
    else {
      drops.push({ list: BALLOTS, id: key });
      // The key names a vote and an opaque voter id, never a person's name.
      if (owner) messages.push(`Removed a ballot of vote ${quote(owner.vote.id)}: ${problem}.`);
    }
  }
  const votes = votesOnMap(kept.map((k) => ({ ...k.vote, ballots: k.ballots })), map);
  return { votes, drops, messages };
}

/** A stored value as JSON, whatever a peer put there: shared types, binary and the like read as `{}`. */
function json(value: unknown, depth = 0): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (depth > 4 || typeof value !== 'object' || value instanceof Y.AbstractType || ArrayBuffer.isView(value)) return {};
  if (Array.isArray(value)) return value.slice(0, LIMITS.stakeholders).map((v) => json(v, depth + 1));
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) setKey(out, k, json(v, depth + 1));
  return out;
}

/** Sets a key as an own property, even `__proto__` (a peer's key is only ever data). */
function setKey(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text}”`;
}
