// Commands of a vote on roles. Ballots and reveals are no undo steps: in a
// live room an undo would also take back what others added since (see
// CommitOptions.undoable); deleting a vote freezes a snapshot first instead.
import { castBallot, deleteVote, revealVote, startVote, updateStakeholder, withdrawBallot, type Ballot, type Label } from '../domain';
import { isReadOnly, useHealth } from '../services/health';
import { runsVotes } from '../services/votes';
import type { StakemapState } from '../store';
import { defineCommand } from './command';
import { currentMap, editMap, editMapOutsideHistory } from './edit';
import { newId } from './ids';

export interface VoteSetup {
  readonly stakeholders: readonly string[];
  readonly named: boolean;
  readonly askPrimary: boolean;
}

export const startVoteCommand = defineCommand({
  id: 'vote.start',
  label: 'Start a vote on roles',
  editsMap: true,
  enabled: () => runsVotes(),
  /** Returns the new vote's id, or null when none started. */
  perform(setup: VoteSetup): string | null {
    const map = currentMap();
    if (!map) return null;
    const taken = new Set((map.votes ?? []).map((v) => v.id));
    const id = newId('v', (x) => taken.has(x));
    editMapOutsideHistory((m) => startVote(m, { id, ...setup, at: new Date().toISOString() }));
    return currentMap()?.votes?.some((v) => v.id === id) ? id : null;
  },
});

/**
 * A ballot is not an edit of the drawing: a room the facilitator made view-only
 * still votes. Anything else that makes the tab read-only (another tab, an
 * outdated app) still refuses it.
 */
function mayVote(state: StakemapState): boolean {
  return state.map !== null && !isReadOnly({ ...useHealth.getState(), viewOnlyMapId: null }, state.mapId);
}

export const castBallotCommand = defineCommand({
  id: 'vote.cast',
  label: 'Hand in my answers',
  enabled: mayVote,
  perform(voteId: string, ballot: Ballot) {
    editMapOutsideHistory((m) => castBallot(m, voteId, ballot));
  },
});

export const withdrawBallotCommand = defineCommand({
  id: 'vote.withdraw',
  label: 'Take back a ballot',
  enabled: mayVote,
  perform(voteId: string, voter: string) {
    editMapOutsideHistory((m) => withdrawBallot(m, voteId, voter));
  },
});

export const revealVoteCommand = defineCommand({
  id: 'vote.reveal',
  label: 'Reveal the answers',
  editsMap: true,
  enabled: () => runsVotes(),
  perform(voteId: string) {
    editMapOutsideHistory((m) => revealVote(m, voteId));
  },
});

export const deleteVoteCommand = defineCommand({
  id: 'vote.delete',
  label: 'Delete the vote',
  editsMap: true,
  enabled: () => runsVotes(),
  snapshot: 'Before deleting a vote',
  perform(voteId: string) {
    editMapOutsideHistory((m) => deleteVote(m, voteId));
  },
});

/** From the reveal: the team takes the room's answer as the stakeholder's label (an undo step, like any relabel). */
export const relabelFromVote = defineCommand({
  id: 'vote.relabel',
  label: 'Relabel as the room answered',
  editsMap: true,
  snapshot: 'Before relabelling from a vote',
  perform(stakeholder: string, label: Label) {
    editMap((m) => updateStakeholder(m, stakeholder, { label }));
  },
});
