import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  castBallot,
  clearVotes,
  deleteVote,
  LABELS,
  LIMITS,
  openVoteOf,
  rankByDisagreement,
  revealVote,
  serializeMap,
  startVote,
  tallyVote,
  openDisagreements,
  withdrawBallot,
  type Ballot,
  type Label,
  type StakeMap,
} from '../../src/domain';
import { REPO_ROOT, mustParse } from './helpers';

const BRIGHTFOODS = mustParse(readFileSync(join(REPO_ROOT, 'test/fixtures/scenarios/brightfoods-distribution.stakemap.json'), 'utf8'));
const AT = '2026-12-01T10:00:00.000Z';
const ASKED = ['distributor', 'grocers', 'shoppers'];

const started = (map: StakeMap = BRIGHTFOODS, named = false, askPrimary = true) => startVote(map, { id: 'v1', stakeholders: ASKED, named, askPrimary, at: AT });
const ballot = (voter: string, labels: Record<string, Label>, primary?: string, name?: string): Ballot => ({
  voter,
  ...(name ? { name } : {}),
  answers: Object.entries(labels).map(([stakeholder, label]) => (primary === undefined ? { stakeholder, label } : { stakeholder, label, primary: stakeholder === primary })),
});

describe('vote edits', () => {
  it('starts a vote on the stakeholders still on the map, once, and only one open at a time', () => {
    const map = startVote(BRIGHTFOODS, { id: 'v1', stakeholders: ['distributor', 'gone', 'distributor', 'shoppers'], named: true, askPrimary: false, at: AT });
    expect(map.votes).toEqual([{ id: 'v1', stakeholders: ['distributor', 'shoppers'], named: true, askPrimary: false, state: 'open', startedAt: AT, ballots: [] }]);
    expect(openVoteOf(map)?.id).toBe('v1');
    expect(startVote(map, { id: 'v2', stakeholders: ASKED, named: false, askPrimary: false, at: AT })).toBe(map);
    expect(startVote(BRIGHTFOODS, { id: 'v1', stakeholders: ['gone'], named: false, askPrimary: false, at: AT })).toBe(BRIGHTFOODS);
    expect(startVote(BRIGHTFOODS, { id: 'bad id', stakeholders: ASKED, named: false, askPrimary: false, at: AT })).toBe(BRIGHTFOODS);
    expect(startVote(BRIGHTFOODS, { id: 'v1', stakeholders: ASKED, named: false, askPrimary: false, at: 'yesterday' })).toBe(BRIGHTFOODS);
  });

  it('a ballot replaces the same voter’s earlier one in its place, and keeps only what the vote asks', () => {
    let map = started(BRIGHTFOODS, false, false);
    map = castBallot(map, 'v1', ballot('a', { distributor: 'customer', grocers: 'partner' }));
    map = castBallot(map, 'v1', ballot('b', { distributor: 'partner' }));
    map = castBallot(map, 'v1', { voter: 'a', name: 'Ana', answers: [{ stakeholder: 'distributor', label: 'intermediary', primary: true }, { stakeholder: 'oat-farm', label: 'supplier' }, { stakeholder: 'distributor', label: 'other' }] });
    expect(map.votes![0]!.ballots).toEqual([
      { voter: 'a', answers: [{ stakeholder: 'distributor', label: 'intermediary' }] },
      { voter: 'b', answers: [{ stakeholder: 'distributor', label: 'partner' }] },
    ]);
    // The same ballot again changes nothing.
    expect(castBallot(map, 'v1', ballot('b', { distributor: 'partner' }))).toBe(map);
  });

  it('keeps names only in a named vote, and primary only where asked', () => {
    const map = castBallot(started(BRIGHTFOODS, true, true), 'v1', ballot('a', { shoppers: 'customer' }, 'shoppers', '  Ana  '));
    expect(map.votes![0]!.ballots[0]).toEqual({ voter: 'a', name: 'Ana', answers: [{ stakeholder: 'shoppers', label: 'customer', primary: true }] });
  });

  it('takes no ballot once revealed, nor for a vote that does not exist; withdraws one while open', () => {
    const open = castBallot(started(), 'v1', ballot('a', { distributor: 'customer' }));
    expect(withdrawBallot(open, 'v1', 'a').votes![0]!.ballots).toEqual([]);
    const revealed = revealVote(open, 'v1');
    expect(revealed.votes![0]!.state).toBe('revealed');
    expect(revealVote(revealed, 'v1')).toBe(revealed);
    expect(castBallot(revealed, 'v1', ballot('b', { distributor: 'partner' }))).toBe(revealed);
    expect(withdrawBallot(revealed, 'v1', 'a')).toBe(revealed);
    expect(castBallot(open, 'nope', ballot('b', { distributor: 'partner' }))).toBe(open);
    expect(openVoteOf(revealed)).toBeNull();
  });

  it('refuses a new voter once the vote holds the most ballots a vote may', () => {
    let map = started(BRIGHTFOODS, false, false);
    const full = { ...map.votes![0]!, ballots: Array.from({ length: LIMITS.ballots }, (_, i) => ballot(`p${i}`, { shoppers: 'customer' })) };
    map = { ...map, votes: [full] };
    expect(castBallot(map, 'v1', ballot('new', { shoppers: 'other' }))).toBe(map);
    expect(castBallot(map, 'v1', ballot('p3', { shoppers: 'other' })).votes![0]!.ballots[3]!.answers[0]!.label).toBe('other');
  });

  it('deletes one vote, or all; the map then writes no votes', () => {
    const map = revealVote(castBallot(started(), 'v1', ballot('a', { distributor: 'customer' })), 'v1');
    const two = startVote(map, { id: 'v2', stakeholders: ['oat-farm'], named: false, askPrimary: false, at: AT });
    expect(deleteVote(two, 'v1').votes!.map((v) => v.id)).toEqual(['v2']);
    expect(deleteVote(map, 'v1')).not.toHaveProperty('votes');
    expect(clearVotes(two)).not.toHaveProperty('votes');
    expect(JSON.parse(serializeMap(clearVotes(two)))).not.toHaveProperty('votes');
    expect(deleteVote(map, 'nope')).toBe(map);
  });

  it('a vote with its ballots is written to a file and read back the same', () => {
    let map = started(BRIGHTFOODS, true, true);
    map = castBallot(map, 'v1', ballot('a', { distributor: 'customer', shoppers: 'customer' }, 'shoppers', 'Ana'));
    map = revealVote(map, 'v1');
    expect(mustParse(serializeMap(map)).votes).toEqual(map.votes);
  });
});

describe('the tally', () => {
  const three = () => {
    let map = started();
    map = castBallot(map, 'v1', ballot('a', { distributor: 'customer', grocers: 'customer', shoppers: 'customer' }, 'shoppers'));
    map = castBallot(map, 'v1', ballot('b', { distributor: 'partner', grocers: 'customer', shoppers: 'customer' }, 'grocers'));
    map = castBallot(map, 'v1', ballot('c', { distributor: 'intermediary', grocers: 'customer', shoppers: 'customer' }, 'shoppers'));
    return revealVote(map, 'v1');
  };

  it('counts each label, the primary answers, and sets them beside the map’s role and findings', () => {
    const map = three();
    const tally = tallyVote(map, map.votes![0]!);
    expect(tally.ballots).toBe(3);
    const [distributor, grocers, shoppers] = tally.stakeholders;
    expect(distributor).toMatchObject({ name: 'National distributor', current: 'customer', answers: 3, top: ['customer', 'partner', 'intermediary'], mostCommon: null, differsFromLabel: false, role: 'partner' });
    expect(distributor!.counts).toEqual({ customer: 1, client: 0, partner: 1, intermediary: 1, supplier: 0, colleague: 0, other: 0 });
    expect(distributor!.disagreement).toBeCloseTo(2 / 3);
    expect(distributor!.findings.map((f) => f.rule)).toEqual(['customer-is-partner']);
    expect(grocers).toMatchObject({ mostCommon: 'customer', disagreement: 0, primary: 1, differsFromLabel: false });
    // The room says customer where the team says other: a disagreement with the label, not within the room.
    expect(shoppers).toMatchObject({ current: 'other', mostCommon: 'customer', differsFromLabel: true, primary: 2, role: 'end-user', countsAsCustomer: true });
    expect(shoppers!.findings.map((f) => f.rule)).toEqual(['hidden-customer']);
  });

  it('ranks the split stakeholder first, then the one the room labels differently, then agreement', () => {
    const map = three();
    const ranked = rankByDisagreement(tallyVote(map, map.votes![0]!).stakeholders);
    expect(ranked.map((t) => t.stakeholder)).toEqual(['distributor', 'shoppers', 'grocers']);
    expect(openDisagreements(tallyVote(map, map.votes![0]!)).map((t) => t.stakeholder)).toEqual(['distributor', 'shoppers']);
  });

  it('names who answered what only in a named vote', () => {
    let map = started(BRIGHTFOODS, true, false);
    map = castBallot(map, 'v1', ballot('a', { distributor: 'customer' }, undefined, 'Ana'));
    map = castBallot(map, 'v1', ballot('b', { distributor: 'partner' }, undefined, 'Ben'));
    expect(tallyVote(map, map.votes![0]!).stakeholders[0]!.names).toEqual({ customer: ['Ana'], partner: ['Ben'] });
    const anonymous = { ...map.votes![0]!, named: false };
    expect(tallyVote(map, anonymous).stakeholders[0]!.names).toEqual({});
  });

  it('leaves out stakeholders deleted since the vote, and says how many', () => {
    const map = castBallot(started(), 'v1', ballot('a', { grocers: 'partner', distributor: 'customer' }));
    const after = { ...map, stakeholders: map.stakeholders.filter((s) => s.id !== 'grocers'), relations: map.relations.filter((r) => r.from !== 'grocers' && r.to !== 'grocers') };
    const tally = tallyVote(after, after.votes![0]!);
    expect(tally.stakeholders.map((t) => t.stakeholder)).toEqual(['distributor', 'shoppers']);
    expect(tally.gone).toBe(1);
  });

  const labelArb = fc.constantFrom(...LABELS);
  const ballotsArb = fc.array(fc.record({ d: fc.option(labelArb, { nil: undefined }), s: fc.option(labelArb, { nil: undefined }), p: fc.boolean() }), { maxLength: 30 });
  const cast = (entries: { d?: Label | undefined; s?: Label | undefined; p: boolean }[]) => {
    let map = started();
    entries.forEach((e, i) => {
      const answers = [
        ...(e.d ? [{ stakeholder: 'distributor', label: e.d, primary: e.p }] : []),
        ...(e.s ? [{ stakeholder: 'shoppers', label: e.s, primary: !e.p }] : []),
      ];
      map = castBallot(map, 'v1', { voter: `p${i}`, answers });
    });
    return map;
  };

  it('counts add up to the answers, disagreement stays in [0, 1), and is 0 exactly when everyone agrees (property)', () => {
    fc.assert(
      fc.property(ballotsArb, (entries) => {
        const map = cast(entries);
        for (const t of tallyVote(map, map.votes![0]!).stakeholders) {
          const sum = LABELS.reduce((n, l) => n + t.counts[l], 0);
          expect(sum).toBe(t.answers);
          expect(t.disagreement).toBeGreaterThanOrEqual(0);
          expect(t.disagreement).toBeLessThan(1);
          expect(t.entropy).toBeGreaterThanOrEqual(0);
          expect(t.entropy).toBeLessThanOrEqual(1 + 1e-9);
          const used = LABELS.filter((l) => t.counts[l] > 0).length;
          expect(t.disagreement === 0).toBe(used <= 1);
          expect(t.primary).toBeLessThanOrEqual(t.answers);
        }
      }),
    );
  });

  it('the tally does not depend on the order ballots came in, and the ranking is a sorted permutation (property)', () => {
    fc.assert(
      fc.property(ballotsArb, (entries) => {
        const map = cast(entries);
        const vote = map.votes![0]!;
        const reversed = { ...vote, ballots: vote.ballots.slice().reverse() };
        const strip = (t: ReturnType<typeof tallyVote>) => t.stakeholders.map(({ counts, answers, primary, disagreement }) => ({ counts, answers, primary, disagreement }));
        expect(strip(tallyVote(map, reversed))).toEqual(strip(tallyVote(map, vote)));
        const tallies = tallyVote(map, vote).stakeholders;
        const ranked = rankByDisagreement(tallies);
        expect(new Set(ranked)).toEqual(new Set(tallies));
        const answered = ranked.filter((t) => t.answers > 0);
        expect(ranked.slice(0, answered.length)).toEqual(answered);
        for (let i = 1; i < answered.length; i++) expect(answered[i - 1]!.disagreement).toBeGreaterThanOrEqual(answered[i]!.disagreement - 1e-9);
      }),
    );
  });

  it('casting again for a voter never adds a ballot (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), labelArb), { maxLength: 20 }), (casts) => {
        let map = started();
        for (const [voter, label] of casts) map = castBallot(map, 'v1', ballot(voter, { distributor: label }));
        const vote = map.votes![0]!;
        expect(vote.ballots.length).toBe(new Set(casts.map(([v]) => v)).size);
        for (const [voter] of new Set(casts.map((c) => c))) {
          const last = casts.filter(([v]) => v === voter).at(-1)![1];
          expect(vote.ballots.find((b) => b.voter === voter)!.answers[0]!.label).toBe(last);
        }
      }),
    );
  });
});
