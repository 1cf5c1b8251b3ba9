// The reveal, made to be read from the back of the room: per stakeholder the
// spread of answers as bars with counts, the team's current label, what the
// map shows (role and findings), most disputed first; and one click to take
// the room's answer as the label.
import { useMemo } from 'react';
import { LABELS, rankByDisagreement, ROLE_INFO, tallyVote, type StakeMap, type StakeholderTally, type Vote } from '../../domain';
import { deleteVoteCommand, isEnabled, relabelFromVote, run } from '../../commands';
import { LABEL_STYLE } from '../../drawing/theme';
import { useLive } from '../../services/live';
import { runsVotes } from '../../services/votes';
import { useStakemap } from '../../store';
import { analysisFor } from '../../store/findings';
import { LabelIcon } from '../../ui/icons';
import { SeverityIcon } from '../../ui/severity';
import { closeVoteScreen } from './screenState';
import { VoteFrame } from './VoteFrame';

export function Reveal({ vote, map }: { vote: Vote; map: StakeMap }) {
  const findingsHidden = useStakemap((s) => s.findingsHidden);
  const mapId = useStakemap((s) => s.mapId);
  const facilitating = runsVotes(useLive(), mapId);
  const tally = useMemo(() => tallyVote(map, vote, analysisFor(map)), [map, vote]);
  const ranked = rankByDisagreement(tally.stakeholders);
  return (
    <VoteFrame label="Vote results" testId="vote-results" onClose={() => closeVoteScreen(vote.id, 'revealed')}>
      <header className="vote-header">
        <h2>What the room answered</h2>
        <p className="vote-count">
          {tally.ballots === 1 ? '1 ballot' : `${tally.ballots} ballots`} · {vote.named ? 'named' : 'anonymous'} · most disputed first
        </p>
        {facilitating ? (
          <button type="button" className="button danger" onClick={() => window.confirm('Delete this vote and all its answers? A snapshot is kept in the history.') && run(deleteVoteCommand, vote.id)}>
            Delete the vote
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => closeVoteScreen(vote.id, 'revealed')}>
          Back to the map
        </button>
      </header>
      {tally.gone > 0 ? (
        <p className="vote-note" role="note">
          {tally.gone === 1 ? 'A stakeholder voted on is' : `${tally.gone} stakeholders voted on are`} no longer on the map: {tally.gone === 1 ? 'its answers are' : 'their answers are'} left out.
        </p>
      ) : null}
      <ol className="vote-results">
        {ranked.map((t) => (
          <ResultRow key={t.stakeholder} t={t} ballots={tally.ballots} askPrimary={vote.askPrimary} named={vote.named} findingsHidden={findingsHidden} />
        ))}
      </ol>
    </VoteFrame>
  );
}

function verdict(t: StakeholderTally): string {
  if (t.answers === 0) return 'No answers';
  const agree = t.answers - Math.round(t.disagreement * t.answers);
  if (t.disagreement === 0) return t.differsFromLabel ? 'Agreed, but not on your label' : 'Agreed';
  return t.mostCommon === null ? 'Split: no answer leads' : `Split: ${agree} of ${t.answers} agree`;
}

function ResultRow({ t, ballots, askPrimary, named, findingsHidden }: { t: StakeholderTally; ballots: number; askPrimary: boolean; named: boolean; findingsHidden: boolean }) {
  const chosen = LABELS.filter((l) => t.counts[l] > 0).sort((a, b) => t.counts[b] - t.counts[a]);
  // Bars are shares of everyone who answered: one answer in three fills a third.
  const max = Math.max(1, t.answers);
  const disputed = t.disagreement > 0 || t.differsFromLabel;
  return (
    <li className={`vote-result${disputed ? ' is-disputed' : ''}`} data-testid="vote-result" data-stakeholder={t.stakeholder}>
      <div className="vote-result-head">
        <h3>
          <bdi>{t.name}</bdi>
        </h3>
        <span className={`vote-verdict${disputed ? ' is-disputed' : ''}`} data-testid="vote-verdict">
          {verdict(t)}
        </span>
      </div>
      <div className="vote-result-body">
        <ul className="vote-bars" aria-label="Answers">
          {chosen.map((l) => (
            <li key={l} className="vote-bar" data-label={l}>
              <span className="vote-bar-label" style={{ color: LABEL_STYLE[l].color }}>
                <LabelIcon label={l} size={22} /> {LABEL_STYLE[l].title}
              </span>
              <span className="vote-bar-track">
                <span className="vote-bar-fill" style={{ width: `${(t.counts[l] / max) * 100}%`, backgroundColor: LABEL_STYLE[l].color }} />
              </span>
              <span className="vote-bar-count" data-testid="vote-count">
                {t.counts[l]}
              </span>
              {named && t.names[l]?.length ? (
                <span className="vote-bar-names">
                  <bdi>{t.names[l].join(', ')}</bdi>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <dl className="vote-facts">
          <div>
            <dt>You call it</dt>
            <dd style={{ color: LABEL_STYLE[t.current].color }}>
              <LabelIcon label={t.current} size={20} /> {LABEL_STYLE[t.current].title}
            </dd>
          </div>
          {findingsHidden ? (
            <div>
              <dt>The map shows</dt>
              <dd className="vote-muted">Hidden until the team checks the map</dd>
            </div>
          ) : (
            <div>
              <dt>The map shows</dt>
              <dd data-testid="vote-role">{ROLE_INFO[t.role].name}</dd>
            </div>
          )}
          {askPrimary ? (
            <div>
              <dt>Primary customer</dt>
              <dd>
                {t.primary} of {ballots}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      {!findingsHidden && t.findings.length > 0 ? (
        <ul className="vote-findings">
          {t.findings.map((f) => (
            <li key={f.rule}>
              <SeverityIcon severity={f.severity} size={18} /> <span>{f.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {t.mostCommon !== null && t.differsFromLabel && isEnabled(relabelFromVote) ? (
        <button type="button" className="button vote-relabel" onClick={() => run(relabelFromVote, t.stakeholder, t.mostCommon!)}>
          Relabel as {LABEL_STYLE[t.mostCommon].title}, as the room answered
        </button>
      ) : null}
    </li>
  );
}
