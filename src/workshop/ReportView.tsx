// The workshop report on screen, full-screen over the editor, and printable:
// the browser's Print → Save as PDF gives clean pages (report.css: no app
// chrome, a page per section, the map fitted to its page). Also as Markdown
// and as extra slides in a PowerPoint deck. Names are React text: only ever text.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { FileText, Presentation, Printer, X } from 'lucide-react';
import { buildReport, type FindingsAt, type Report, type ReportSection, type StakeMap } from '../domain';
import { useStakemap } from '../store';
import { closeReport, reportInput } from '../services/report';
import { notify } from '../services/exportControl';
import { download, runExport } from '../export/run';
import { DEFAULT_OPTIONS } from '../export/options';
import { fileName, NO_PART, prepare } from '../export/render';
import { diagramSvg } from '../export/svg';
import { reportMarkdown } from '../export/report-markdown';
import { labelName, percent, SEVERITY_TITLE, spreadText, voteHeading, when } from '../export/report-text';
import './report.css';

function mapImage(map: StakeMap): string {
  return diagramSvg(prepare(map, { scope: 'map', anonymize: false }).scene, { background: 'white', title: map.title, embed: null }).svg;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export default function ReportView() {
  const map = useStakemap((s) => s.map);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toolbar = useRef<HTMLDivElement>(null);

  // Built once when opened, from the map and its snapshots as they are then.
  useEffect(() => {
    let current = true;
    void reportInput().then((got) => {
      if (!current) return;
      if (!got) return closeReport();
      setReport(buildReport(got.input));
      setProblem(got.problem);
    });
    return () => {
      current = false;
    };
  }, []);

  const svg = useMemo(() => (map ? mapImage(map) : null), [map]);
  const imageUrl = useMemo(() => (svg ? URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })) : null), [svg]);
  useEffect(() => () => (imageUrl ? URL.revokeObjectURL(imageUrl) : undefined), [imageUrl]);

  // Print shows the report alone (report.css); the editor's shortcuts stay off while it is open.
  // The page's title names the PDF that Print → Save as PDF makes.
  const title = map?.title;
  useEffect(() => {
    const was = document.title;
    document.title = `${title ?? 'Stakemap'} – workshop report`;
    return () => {
      document.title = was;
    };
  }, [title]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    document.documentElement.classList.add('report-open');
    toolbar.current?.querySelector<HTMLElement>('button')?.focus();
    return () => {
      document.documentElement.classList.remove('report-open');
      before?.focus?.();
    };
  }, []);

  if (!map) return null;
  const base = fileName(map.title, 'json').replace(/\.stakemap\.json$/, '');
  const markdown = () => {
    if (!report) return;
    const md = reportMarkdown(report, svg ? `data:image/svg+xml;base64,${base64(svg)}` : null);
    download({ blob: new Blob([md], { type: 'text/markdown' }), name: `${base} report.md` });
    notify(`Saved “${base} report.md”.`);
  };
  const deck = async () => {
    if (!report) return;
    setBusy(true);
    try {
      const file = await runExport(map, NO_PART, { ...DEFAULT_OPTIONS, format: 'pptx', background: 'white', findings: true }, undefined, report);
      download({ ...file, name: file.name.replace(/\.pptx$/, ' report.pptx') });
      notify(`Saved the map and the report as “${file.name.replace(/\.pptx$/, ' report.pptx')}”.`);
    } catch (err) {
      notify(`The PowerPoint could not be made: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <div
      className="report-screen"
      role="dialog"
      aria-modal="true"
      aria-label="Workshop report"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') closeReport();
      }}
    >
      <div className="report-toolbar" ref={toolbar} role="toolbar" aria-label="Report">
        <button type="button" className="button primary" onClick={() => window.print()} disabled={!report}>
          <Printer size={16} aria-hidden="true" /> Print or save as PDF
        </button>
        <button type="button" className="button" onClick={markdown} disabled={!report}>
          <FileText size={16} aria-hidden="true" /> Markdown
        </button>
        <button type="button" className="button" onClick={() => void deck()} disabled={!report || busy}>
          <Presentation size={16} aria-hidden="true" /> {busy ? 'Writing…' : 'PowerPoint'}
        </button>
        <span className="report-toolbar-space" />
        <button type="button" className="button ghost" onClick={closeReport} aria-label="Close the report">
          <X size={18} aria-hidden="true" /> Close
        </button>
      </div>
      <article className="report-page" data-testid="report">
        {problem ? (
          <p className="report-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <header className="report-header">
          <p className="report-kicker">Workshop report</p>
          <h1>
            <bdi>{map.title}</bdi>
          </h1>
          <p className="report-meta">
            <bdi>{map.organization.name}</bdi> · {report ? when(report.generatedAt) : ''}
          </p>
        </header>
        {report ? (
          report.sections.map((s, i) => <SectionView key={s.kind} section={s} first={i === 0} imageUrl={imageUrl} />)
        ) : (
          <p aria-busy="true">Reading the map’s history…</p>
        )}
      </article>
    </div>,
    document.body,
  );
}

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

function SectionView({ section: s, first, imageUrl }: { section: ReportSection; first: boolean; imageUrl: string | null }) {
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
