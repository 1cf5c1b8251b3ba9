// @vitest-environment node
// Votes in a live room: each ballot its own entry, so people voting at once
// all keep their answers; what a peer writes against the rules is dropped alone.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { castBallot, deleteVote, revealVote, startVote, tallyVote, type Ballot, type StakeMap } from '../../src/domain';
import { LiveMap, readMapFromDoc, writeMapToDoc, type MapChange } from '../../src/live';
import { parseObject, validFile } from '../domain/helpers';
import { exchange, isValidMap } from './helpers';

const AT = '2026-12-01T10:00:00.000Z';

function withVote(): StakeMap {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return startVote(result.map, { id: 'v1', stakeholders: result.map.stakeholders.map((s) => s.id), named: true, askPrimary: true, at: AT });
}

const ballot = (voter: string, label: 'customer' | 'partner' | 'other', name?: string): Ballot => ({
  voter,
  ...(name ? { name } : {}),
  answers: [{ stakeholder: 'a', label, primary: label === 'customer' }],
});

/** Three laptops in one room, each with its own doc, after the facilitator shared the map. */
function room(map: StakeMap = withVote()) {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  writeMapToDoc(docs[0]!, map, 'load');
  exchange(docs[0]!, docs[1]!);
  exchange(docs[0]!, docs[2]!);
  const changes: MapChange[] = [];
  const lives = docs.map((d) => new LiveMap(d, (c) => changes.push(c)));
  const syncAll = () => {
    exchange(docs[0]!, docs[1]!);
    exchange(docs[1]!, docs[2]!);
    exchange(docs[0]!, docs[2]!);
  };
  return { docs, lives, changes, syncAll };
}

describe('votes in a live room', () => {
  it('a map shared into a room keeps its votes and ballots', () => {
    let map = castBallot(withVote(), 'v1', ballot('p1', 'partner', 'Ana'));
    map = revealVote(map, 'v1');
    const doc = new Y.Doc();
    writeMapToDoc(doc, map, 'load');
    const read = readMapFromDoc(doc);
    expect(read.votes).toEqual(map.votes);
    expect(isValidMap(read)).toBe(true);
  });

  it('ballots handed in at once from three laptops all survive, on every laptop', () => {
    const { lives, syncAll } = room();
    // Each edits the map it sees, before seeing anyone else's ballot.
    lives[0]!.edit(castBallot(lives[0]!.map, 'v1', ballot('p1', 'customer', 'Ana')));
    lives[1]!.edit(castBallot(lives[1]!.map, 'v1', ballot('p2', 'partner', 'Ben')));
    lives[2]!.edit(castBallot(lives[2]!.map, 'v1', ballot('p3', 'partner', 'Chen')));
    syncAll();
    for (const live of lives) {
      const vote = live.map.votes![0]!;
      expect(vote.ballots.map((b) => b.voter)).toEqual(['p1', 'p2', 'p3']);
      expect(vote.ballots.map((b) => b.name)).toEqual(['Ana', 'Ben', 'Chen']);
      expect(tallyVote(live.map, vote).stakeholders[0]!.counts).toMatchObject({ customer: 1, partner: 2 });
    }
    expect(lives[0]!.map).toStrictEqual(lives[2]!.map);
  });

  it('a person who changes their answers replaces only their own ballot; a reveal and a late ballot both land', () => {
    const { lives, syncAll } = room();
    lives[0]!.edit(castBallot(lives[0]!.map, 'v1', ballot('p1', 'customer')));
    lives[1]!.edit(castBallot(lives[1]!.map, 'v1', ballot('p2', 'customer')));
    syncAll();
    lives[1]!.edit(castBallot(lives[1]!.map, 'v1', ballot('p2', 'other')));
    lives[0]!.edit(revealVote(lives[0]!.map, 'v1'));
    syncAll();
    const vote = lives[2]!.map.votes![0]!;
    expect(vote.state).toBe('revealed');
    expect(vote.ballots.map((b) => [b.voter, b.answers[0]!.label])).toEqual([['p1', 'customer'], ['p2', 'other']]);
  });

  it('deleting a vote takes its ballots out of the doc on every laptop', () => {
    const { docs, lives, syncAll } = room(castBallot(withVote(), 'v1', ballot('p1', 'customer')));
    lives[0]!.edit(deleteVote(lives[0]!.map, 'v1'));
    syncAll();
    for (const [i, live] of lives.entries()) {
      expect(live.map.votes).toBeUndefined();
      expect(docs[i]!.getMap('votes').size).toBe(0);
      expect(docs[i]!.getMap('ballots').size).toBe(0);
    }
  });

  it('drops a malformed ballot or vote from a peer alone, says so without names, and keeps the rest', () => {
    const { docs, lives, changes, syncAll } = room(castBallot(withVote(), 'v1', ballot('p1', 'customer', 'Ana')));
    const peer = docs[2]!;
    peer.transact(() => {
      peer.getMap('ballots').set('v1/p2', { voter: 'p2', name: 'Secret Name', answers: [{ stakeholder: 'a', label: 'boss' }] });
      peer.getMap('ballots').set('v1/p3', { voter: 'someone-else', answers: [] });
      peer.getMap('ballots').set('v1/p4', new Uint8Array([1, 2]));
      peer.getMap('ballots').set('nope/p5', { voter: 'p5', answers: [] });
      peer.getMap('votes').set('v2', new Y.Map<unknown>([['stakeholders', ['a']], ['named', 'yes'], ['askPrimary', false], ['state', 'open'], ['startedAt', AT]]));
      peer.getMap('ballots').set('v2/p1', { voter: 'p1', answers: [] });
    }, 'remote');
    syncAll();
    for (const live of lives) {
      expect(live.map.votes!.map((v) => v.id)).toEqual(['v1']);
      expect(live.map.votes![0]!.ballots.map((b) => b.voter)).toEqual(['p1']);
      expect(isValidMap(live.map)).toBe(true);
    }
    for (const doc of docs) expect([...doc.getMap('ballots').keys()]).toEqual(['v1/p1']);
    const said = changes.flatMap((c) => c.messages).join('\n');
    expect(said).toMatch(/Removed a ballot of vote “v1”: answers\.0\.label: "boss" is not one of/);
    expect(said).toMatch(/Removed a ballot of vote “v1”: its voter is not the one it is filed under/);
    expect(said).toMatch(/Removed vote “v2”: named: expected true or false/);
    expect(said).not.toContain('Secret Name');
  });

  it('answers about a stakeholder someone deleted meanwhile are left out of the map, not the doc', () => {
    const { lives, syncAll } = room();
    lives[0]!.edit(castBallot(lives[0]!.map, 'v1', { voter: 'p1', answers: [{ stakeholder: 'a', label: 'customer' }, { stakeholder: 'b', label: 'partner' }] }));
    const without = lives[1]!.map;
    lives[1]!.edit({ ...without, stakeholders: without.stakeholders.filter((s) => s.id !== 'b'), relations: without.relations.filter((r) => r.from !== 'b' && r.to !== 'b') });
    syncAll();
    const vote = lives[2]!.map.votes![0]!;
    expect(vote.stakeholders).not.toContain('b');
    expect(vote.ballots[0]!.answers).toEqual([{ stakeholder: 'a', label: 'customer' }]);
    expect(isValidMap(lives[2]!.map)).toBe(true);
  });
});
