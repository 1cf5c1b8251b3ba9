// An open vote on screen. In a live room each laptop hands in its own ballot
// and sees only that; on a single screen people vote in turn, and a cover
// screen hides each person's answers before the next one takes the mouse.
import { useState } from 'react';
import type { StakeMap, Vote } from '../../domain';
import { castBallotCommand, deleteVoteCommand, revealVoteCommand, run } from '../../commands';
import { rememberedName, useLive } from '../../services/live';
import { inLiveRoom, myVoterId, runsVotes } from '../../services/votes';
import { useStakemap } from '../../store';
import { answersOf, BallotForm, draftOf, type Draft } from './BallotForm';
import { closeVoteScreen } from './screenState';
import { VoteFrame } from './VoteFrame';

/** The stakeholders still on the map (one deleted meanwhile is no longer asked about). */
const askedOnMap = (vote: Vote, map: StakeMap) => vote.stakeholders.filter((id) => map.stakeholders.some((s) => s.id === id)).length;
const ballots = (n: number) => (n === 1 ? '1 ballot' : `${n} ballots`);

export function OpenVote({ vote, map }: { vote: Vote; map: StakeMap }) {
  const live = useLive();
  const mapId = useStakemap((s) => s.mapId);
  const shared = inLiveRoom(live, mapId);
  return (
    <VoteFrame label="Vote on roles" testId="vote-open" onClose={() => closeVoteScreen(vote.id, 'open')}>
      <header className="vote-header">
        <h2>What is each stakeholder to us?</h2>
        <p className="vote-count" data-testid="vote-ballots">
          {ballots(vote.ballots.length)} in{shared ? ` · ${live.peers.length + 1} in the room` : ''}
        </p>
        <button type="button" className="button" onClick={() => closeVoteScreen(vote.id, 'open')}>
          Back to the map
        </button>
      </header>
      {shared ? <LiveBallot key={vote.id} vote={vote} map={map} /> : <TurnTaking key={vote.id} vote={vote} map={map} />}
      {/* On one screen the facilitator's buttons wait for the cover: nobody reveals in the middle of a turn. */}
      {shared && runsVotes(live, mapId) ? <FacilitatorBar vote={vote} /> : null}
    </VoteFrame>
  );
}

function FacilitatorBar({ vote }: { vote: Vote }) {
  return (
    <footer className="vote-facilitator" aria-label="Facilitator">
      <button type="button" className="button primary large" disabled={vote.ballots.length === 0} onClick={() => run(revealVoteCommand, vote.id)}>
        Reveal the answers ({ballots(vote.ballots.length)})
      </button>
      <button
        type="button"
        className="button danger"
        onClick={() => window.confirm('Cancel this vote and delete its answers? A snapshot is kept in the history.') && run(deleteVoteCommand, vote.id)}
      >
        Cancel the vote
      </button>
    </footer>
  );
}

/** This laptop's own ballot, which its person may change until the reveal. */
function LiveBallot({ vote, map }: { vote: Vote; map: StakeMap }) {
  const voter = myVoterId();
  const mine = vote.ballots.find((b) => b.voter === voter);
  const [draft, setDraft] = useState<Draft>(() => draftOf(mine?.answers));
  const [editing, setEditing] = useState(!mine);
  const answers = answersOf(vote, draft);
  const handIn = () => {
    const name = rememberedName().trim();
    run(castBallotCommand, vote.id, { voter, ...(vote.named && name ? { name } : {}), answers });
    setEditing(false);
  };
  if (mine && !editing) {
    return (
      <section className="vote-cover" data-testid="vote-handed-in">
        <p className="vote-cover-big">Your answers are in.</p>
        <p>Nobody sees anyone’s answers until the facilitator reveals them. You can change yours until then.</p>
        <button type="button" className="button large" onClick={() => setEditing(true)} autoFocus>
          Change my answers
        </button>
      </section>
    );
  }
  return (
    <section className="vote-body">
      <p className="vote-private">{vote.named ? 'Your answers are private until the reveal; the results will show your name.' : 'Your answers are private and anonymous.'}</p>
      <BallotForm vote={vote} map={map} draft={draft} onChange={setDraft} />
      <HandIn count={answers.length} of={askedOnMap(vote, map)} onClick={handIn} label="Hand in my answers" />
    </section>
  );
}

function HandIn({ count, of, onClick, label }: { count: number; of: number; onClick: () => void; label: string }) {
  return (
    <div className="vote-actions">
      <span className="vote-progress">
        {count} of {of} answered
      </span>
      <button type="button" className="button primary large" disabled={count === 0} onClick={onClick}>
        {label}
      </button>
    </div>
  );
}

/** One screen, people in turn: a cover between turns, so nobody sees the person before. */
function TurnTaking({ vote, map }: { vote: Vote; map: StakeMap }) {
  const [turn, setTurn] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [name, setName] = useState('');
  const [justVoted, setJustVoted] = useState(false);
  const startTurn = () => {
    setDraft({});
    setName('');
    setTurn(vote.ballots.length + 1);
  };
  const handIn = () => {
    const taken = new Set(vote.ballots.map((b) => b.voter));
    let n = vote.ballots.length + 1;
    while (taken.has(`turn-${n}`)) n++;
    const trimmed = name.trim();
    run(castBallotCommand, vote.id, { voter: `turn-${n}`, ...(vote.named && trimmed ? { name: trimmed } : {}), answers: answersOf(vote, draft) });
    setDraft({});
    setTurn(null);
    setJustVoted(true);
  };
  if (turn === null) {
    return (
      <section className="vote-cover" data-testid="vote-cover">
        {justVoted ? <p className="vote-cover-big">Thank you. Pass to the next person.</p> : <p className="vote-cover-big">One screen, one person at a time.</p>}
        <p>Answers stay hidden between turns, and until the facilitator reveals them.</p>
        <button type="button" className="button primary large" onClick={startTurn} autoFocus>
          {vote.ballots.length === 0 ? 'Start the first turn' : 'I’m next: start my turn'}
        </button>
        <FacilitatorBar vote={vote} />
      </section>
    );
  }
  const answers = answersOf(vote, draft);
  return (
    <section className="vote-body" aria-label={`Turn ${turn}`}>
      <p className="vote-private">Person {turn}: your answers are hidden from the next person.</p>
      {vote.named ? (
        <label className="field vote-name">
          <span className="field-label">Your name (shown in the results)</span>
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
      ) : null}
      <BallotForm vote={vote} map={map} draft={draft} onChange={setDraft} />
      <HandIn count={answers.length} of={askedOnMap(vote, map)} onClick={handIn} label="Hand in and pass on" />
    </section>
  );
}
