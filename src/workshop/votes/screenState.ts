// What this person's vote screens show: local to the tab, never part of the
// map. Which vote is on screen follows the map (an open vote asks for a
// ballot; a vote revealed while open here shows its results), unless the
// person closed that screen; the Facilitate menu opens it again.
import { create } from 'zustand';

export interface VoteScreenState {
  setupOpen: boolean;
  /** `${voteId}:${state}`: screens this person closed. */
  closed: readonly string[];
  /** The revealed vote whose results are on screen. */
  showing: string | null;
  /** The vote seen open in this tab: when it is revealed, its results come up by themselves. */
  watching: string | null;
}

export const useVoteScreen = create<VoteScreenState>()(() => ({ setupOpen: false, closed: [], showing: null, watching: null }));

export function openVoteSetup(): void {
  useVoteScreen.setState({ setupOpen: true });
}

export function closeVoteSetup(): void {
  useVoteScreen.setState({ setupOpen: false });
}

export function closeVoteScreen(voteId: string, state: 'open' | 'revealed'): void {
  useVoteScreen.setState((s) => ({ closed: [...s.closed, `${voteId}:${state}`], showing: state === 'revealed' ? null : s.showing }));
}

/** Opens a vote's screen again (its ballot while open, its results once revealed). */
export function showVote(voteId: string, state: 'open' | 'revealed'): void {
  useVoteScreen.setState((s) => ({
    setupOpen: false,
    closed: s.closed.filter((k) => k !== `${voteId}:${state}`),
    showing: state === 'revealed' ? voteId : s.showing,
  }));
}
