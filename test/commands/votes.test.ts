// Vote commands: through run, outside the undo history, the facilitator's alone in a live room.
import { beforeEach, describe, expect, it } from 'vitest';
import { useStakemap } from '../../src/store';
import { useHealth, INITIAL_HEALTH } from '../../src/services/health';
import { useLive } from '../../src/services/live';
import { repository } from '../../src/services/session';
import { startAppSnapshots } from '../../src/services/history';
import { castBallotCommand, deleteVoteCommand, relabelFromVote, revealVoteCommand, run, startVoteCommand, undo } from '../../src/commands';
import { sampleMap } from '../persistence/helpers';

const state = () => useStakemap.getState();
const setup = { stakeholders: ['s1', 's2'], named: false, askPrimary: true };

describe('vote commands', () => {
  beforeEach(() => {
    useHealth.setState({ ...INITIAL_HEALTH });
    useLive.setState({ room: null, mapId: null, facilitator: false });
    state().openDocument('m1', sampleMap('Votes', 3));
  });

  it('start, cast and reveal change the map but are no undo steps; an earlier edit still undoes alone', () => {
    run(relabelFromVote, 's3', 'supplier');
    const id = run(startVoteCommand, setup)!;
    expect(id).toMatch(/^v[a-z0-9]+-/);
    run(castBallotCommand, id, { voter: 'a', answers: [{ stakeholder: 's1', label: 'customer', primary: true }] });
    run(castBallotCommand, id, { voter: 'b', answers: [{ stakeholder: 's1', label: 'partner' }] });
    run(revealVoteCommand, id);
    expect(state().map?.votes?.[0]).toMatchObject({ id, state: 'revealed', ballots: [{ voter: 'a' }, { voter: 'b' }] });
    expect(state().undoStack).toHaveLength(1);
    run(undo);
    expect(state().map?.stakeholders[2]?.label).not.toBe('supplier');
    expect(state().map?.votes?.[0]?.ballots).toHaveLength(2);
  });

  it('in a live room, only the facilitator starts, reveals and deletes; everyone casts', () => {
    useLive.setState({ room: 'r'.repeat(22), mapId: 'm1', facilitator: false });
    expect(run(startVoteCommand, setup)).toBeUndefined();
    expect(state().map?.votes).toBeUndefined();
    useLive.setState({ facilitator: true });
    const id = run(startVoteCommand, setup)!;
    useLive.setState({ facilitator: false });
    run(castBallotCommand, id, { voter: 'c', answers: [{ stakeholder: 's2', label: 'client' }] });
    run(revealVoteCommand, id);
    run(deleteVoteCommand, id);
    expect(state().map?.votes?.[0]).toMatchObject({ state: 'open', ballots: [{ voter: 'c' }] });
  });

  it('a read-only tab casts nothing', () => {
    const id = run(startVoteCommand, setup)!;
    useHealth.setState({ conflict: { mapId: 'm1', snapshotId: null } });
    run(castBallotCommand, id, { voter: 'a', answers: [{ stakeholder: 's1', label: 'customer' }] });
    expect(state().map?.votes?.[0]?.ballots).toEqual([]);
  });

  it('deleting a vote freezes a snapshot first', async () => {
    startAppSnapshots(repository);
    const mapId = await repository().create(sampleMap('Snap', 2));
    state().openDocument(mapId, (await repository().get(mapId))!.map);
    const id = run(startVoteCommand, setup)!;
    run(deleteVoteCommand, id);
    await expect.poll(async () => (await repository().listSnapshots(mapId)).map((s) => s.reason)).toContain('Before deleting a vote');
    expect(state().map).not.toHaveProperty('votes');
  });
});

describe('a view-only room', () => {
  it('still votes, though it may not edit the map', () => {
    useHealth.setState({ ...INITIAL_HEALTH });
    useLive.setState({ room: null, mapId: null, facilitator: false });
    state().openDocument('m2', sampleMap('View only', 2));
    const id = run(startVoteCommand, setup)!;
    useHealth.setState({ viewOnlyMapId: 'm2' });
    run(relabelFromVote, 's1', 'supplier');
    run(castBallotCommand, id, { voter: 'a', answers: [{ stakeholder: 's1', label: 'customer' }] });
    expect(state().map?.stakeholders[0]?.label).not.toBe('supplier');
    expect(state().map?.votes?.[0]?.ballots).toHaveLength(1);
  });
});
