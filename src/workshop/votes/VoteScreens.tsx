// The vote's screens, mounted once by the editor (also while presenting):
// the setup dialog, the open vote, the results. What shows follows the map
// (screenState.ts says how), so every laptop in a room moves together: an
// open vote asks each for a ballot, and a reveal shows everyone the results.
import { useEffect } from 'react';
import { Vote as VoteIcon } from 'lucide-react';
import { openVoteOf, voteById } from '../../domain';
import { useStakemap } from '../../store';
import { OpenVote } from './OpenVote';
import { Reveal } from './Reveal';
import { openVoteSetup, showVote, useVoteScreen } from './screenState';
import { VoteSetup } from './VoteSetup';
import './votes.css';

export function VoteScreens() {
  const map = useStakemap((s) => s.map);
  const { setupOpen, closed, showing, watching } = useVoteScreen();
  const open = map ? openVoteOf(map) : null;
  const watched = map && watching ? voteById(map, watching) : null;
  // A vote seen open here and now revealed: its results come up on every screen.
  useEffect(() => {
    if (open && watching !== open.id) useVoteScreen.setState({ watching: open.id });
    else if (!open && watching && watched?.state === 'revealed') {
      useVoteScreen.setState({ watching: null });
      showVote(watching, 'revealed');
    } else if (!open && watching && !watched) useVoteScreen.setState({ watching: null });
  }, [open, watching, watched]);
  if (!map) return null;
  if (setupOpen) return <VoteSetup map={map} />;
  if (open && !closed.includes(`${open.id}:open`)) return <OpenVote vote={open} map={map} />;
  const shown = showing ? voteById(map, showing) : null;
  if (shown && shown.state === 'revealed' && !closed.includes(`${shown.id}:revealed`)) return <Reveal vote={shown} map={map} />;
  return null;
}

/** The Facilitate menu's entry: the open vote if there is one, else the setup (with earlier votes). */
export const VOTE_ITEM = {
  id: 'vote',
  label: 'Vote on roles',
  icon: VoteIcon,
  open: () => {
    const map = useStakemap.getState().map;
    const open = map ? openVoteOf(map) : null;
    if (open) showVote(open.id, 'open');
    else openVoteSetup();
  },
} as const;

