// The facilitator starts a vote: on which stakeholders (by default everyone
// outside the organization), named or anonymous, with or without "our primary
// customer". Earlier votes are listed here too, to show or delete.
import { useState } from 'react';
import { isCustomerLabel, type StakeMap } from '../../domain';
import { deleteVoteCommand, run, startVoteCommand } from '../../commands';
import { LABEL_STYLE } from '../../drawing/theme';
import { useLive } from '../../services/live';
import { runsVotes } from '../../services/votes';
import { useStakemap } from '../../store';
import { Modal } from '../../ui/Modal';
import { closeVoteSetup, showVote } from './screenState';
import { KeepKeys } from './VoteFrame';

const external = (map: StakeMap) => map.stakeholders.filter((s) => s.side === 'external').map((s) => s.id);

export function VoteSetup({ map }: { map: StakeMap }) {
  const live = useLive();
  const mapId = useStakemap((s) => s.mapId);
  const facilitating = runsVotes(live, mapId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(external(map).length > 0 ? external(map) : map.stakeholders.map((s) => s.id)));
  const [named, setNamed] = useState(false);
  const [askPrimary, setAskPrimary] = useState(true);
  const asked = map.stakeholders.filter((s) => chosen.has(s.id)).map((s) => s.id);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const start = () => {
    const id = run(startVoteCommand, { stakeholders: asked, named, askPrimary });
    if (id) showVote(id, 'open');
  };
  const votes = map.votes ?? [];
  return (
    <Modal title="Vote on roles" onClose={closeVoteSetup} wide>
      <KeepKeys>
        <p className="vote-setup-lead">
          Everyone answers privately: what is each stakeholder to us? Nobody sees the others’ answers until you reveal them.
        </p>
        {!facilitating ? (
          <p className="vote-note" role="note">
            Only the facilitator starts, reveals and deletes votes in a live room.
          </p>
        ) : map.stakeholders.length === 0 ? (
          <p className="vote-note" role="note">
            Add stakeholders to the map first: a vote asks about them.
          </p>
        ) : (
          <>
            <fieldset className="field vote-setup-who">
              <legend className="field-label">Which stakeholders?</legend>
              <div className="button-group" role="group" aria-label="Choose quickly">
                <button type="button" className="button small" onClick={() => setChosen(new Set(external(map)))}>
                  Outside the organization
                </button>
                <button type="button" className="button small" onClick={() => setChosen(new Set(map.stakeholders.filter((s) => isCustomerLabel(s.label)).map((s) => s.id)))}>
                  Called customer or client
                </button>
                <button type="button" className="button small" onClick={() => setChosen(new Set(map.stakeholders.map((s) => s.id)))}>
                  All
                </button>
                <button type="button" className="button small" onClick={() => setChosen(new Set())}>
                  None
                </button>
              </div>
              <ul className="vote-setup-list">
                {map.stakeholders.map((s) => (
                  <li key={s.id}>
                    <label>
                      <input type="checkbox" checked={chosen.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                      <bdi>{s.name}</bdi>
                      <span className="vote-setup-label" style={{ color: LABEL_STYLE[s.label].color }}>
                        {LABEL_STYLE[s.label].title}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <label className="vote-setup-option">
              <input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} />
              <span>Named: the results show who answered what (otherwise anonymous)</span>
            </label>
            <label className="vote-setup-option">
              <input type="checkbox" checked={askPrimary} onChange={(e) => setAskPrimary(e.target.checked)} />
              <span>Also ask: is it our primary customer?</span>
            </label>
            <div className="vote-actions">
              <button type="button" className="button primary large" disabled={asked.length === 0} onClick={start}>
                Start the vote on {asked.length === 1 ? '1 stakeholder' : `${asked.length} stakeholders`}
              </button>
            </div>
          </>
        )}
        {votes.length > 0 ? (
          <section className="vote-earlier" aria-label="Earlier votes">
            <h3>Votes on this map</h3>
            <ul>
              {votes.map((v) => (
                <li key={v.id}>
                  <span>
                    {new Date(v.startedAt).toLocaleString()} · {v.ballots.length === 1 ? '1 ballot' : `${v.ballots.length} ballots`} · {v.state === 'open' ? 'open' : 'revealed'}
                  </span>
                  <button type="button" className="button small" onClick={() => showVote(v.id, v.state)}>
                    {v.state === 'open' ? 'Go to the vote' : 'Show the results'}
                  </button>
                  {facilitating ? (
                    <button type="button" className="button small danger" onClick={() => window.confirm('Delete this vote and all its answers? A snapshot is kept in the history.') && run(deleteVoteCommand, v.id)}>
                      Delete
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </KeepKeys>
    </Modal>
  );
}
