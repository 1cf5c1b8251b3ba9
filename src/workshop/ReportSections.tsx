// The sections of the workshop report on screen (ReportView.tsx): each a
// <section> printed on a page of its own. Names are React text: only ever text.
import type { FindingsAt, ReportSection } from '../domain';
import { labelName, percent, SEVERITY_TITLE, spreadText, voteHeading, when } from '../export/report-text';

function Findings({ heading, f }: { heading: string; f: FindingsAt }) {
  return (
    <div className="report-findings">
      <h3>{heading}</h3>
      <p>{f.sentence}</p>
      {f.findings.length === 0 ? (
        <p>No findings: the map agrees with its labels.</p>
      ) : (
        <ul>
          {f.findings.map((x, i) => (
            <li key={i} className={`severity-${x.severity}`}>
              <strong>{SEVERITY_TITLE[x.severity]}:</strong> {x.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SectionView({ section: s, first, imageUrl }: { section: ReportSection; first: boolean; imageUrl: string | null }) {
  return (
    <section className={`report-section report-${s.kind}${first ? ' is-first' : ''}`} aria-label={s.title} data-section={s.kind}>
      <h2>{s.title}</h2>
      <SectionBody section={s} imageUrl={imageUrl} />
    </section>
  );
}

function SectionBody({ section: s, imageUrl }: { section: ReportSection; imageUrl: string | null }) {
  switch (s.kind) {
    case 'definition':
      return (
        <>
          <p>
            <strong>{s.name}.</strong> {s.statement}
          </p>
          {s.note ? (
            <blockquote className="report-note">
              <span className="report-note-label">In our own words</span>
              {s.note}
            </blockquote>
          ) : (
            <p className="report-quiet">The team has not written the definition in its own words.</p>
          )}
        </>
      );
    case 'map':
      return (
        <>
          {imageUrl ? <img className="report-map-image" src={imageUrl} alt={`Stakeholder map of ${s.organization}`} /> : null}
          <p>
            <bdi>{s.organization}</bdi>: {s.stakeholders} stakeholders, {s.relations} relations.
          </p>
        </>
      );
    case 'findings':
      return (
        <>
          {s.change ? <p className="report-change">{s.change}</p> : null}
          <div className="report-columns">
            {s.first ? <Findings heading={`At the start (${s.first.at === null ? '' : when(s.first.at)})`} f={s.first} /> : null}
            <Findings heading="Now" f={s.now} />
          </div>
        </>
      );
    case 'relabels':
      return s.relabels.length === 0 ? (
        <p>No stakeholder was relabelled.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Stakeholder</th>
              <th scope="col">Relabelled</th>
              <th scope="col">Seen by</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {s.relabels.map((r, i) => (
              <tr key={i}>
                <td>
                  <bdi>{r.name}</bdi>
                </td>
                <td>
                  {labelName(r.from)} → {labelName(r.to)}
                </td>
                <td>{when(r.at)}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'votes':
      return (
        <>
          <h3>Open disagreements</h3>
          {s.disagreements.length === 0 ? (
            <p>None: the room agreed, and with the map.</p>
          ) : (
            <ol className="report-disagreements">
              {s.disagreements.map((t) => (
                <li key={t.stakeholder}>
                  <strong>
                    <bdi>{t.name}</bdi>
                  </strong>
                  : {percent(t.agreement)} agree ({spreadText(t.spread)}); the map calls it {labelName(t.current)}.
                </li>
              ))}
            </ol>
          )}
          {s.votes.map((v) => (
            <div key={v.id} className="report-vote">
              <h3>{voteHeading(v)}</h3>
              {v.state !== 'revealed' ? <p className="report-quiet">The answers stay hidden until the facilitator reveals them.</p> : null}
              {v.tallies.length > 0 ? (
                <table className="report-table">
                  <thead>
                    <tr>
                      <th scope="col">Stakeholder</th>
                      <th scope="col">Answers</th>
                      <th scope="col">The map calls it</th>
                      <th scope="col">Agree</th>
                      {v.askPrimary ? <th scope="col">Primary customer</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {v.tallies.map((t) => (
                      <tr key={t.stakeholder}>
                        <td>
                          <bdi>{t.name}</bdi>
                        </td>
                        <td>{spreadText(t.spread)}</td>
                        <td>{labelName(t.current)}</td>
                        <td>{percent(t.agreement)}</td>
                        {v.askPrimary ? (
                          <td>
                            {t.primary} of {t.answers}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {v.dropped > 0 ? <p className="report-quiet">{v.dropped} stakeholder(s) voted on are no longer on the map.</p> : null}
            </div>
          ))}
        </>
      );
    case 'comparison':
      return (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Stakeholders</th>
              <th scope="col">Relations</th>
              <th scope="col">Calls customers</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {s.teams.map((t, i) => (
              <tr key={i}>
                <td>
                  <bdi>{t.team}</bdi>
                </td>
                <td>{t.stakeholders}</td>
                <td>{t.relations}</td>
                <td>{t.customers.length > 0 ? t.customers.map((c, j) => <bdi key={j}>{`${j > 0 ? ', ' : ''}${c}`}</bdi>) : 'none'}</td>
                <td>{t.findings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
