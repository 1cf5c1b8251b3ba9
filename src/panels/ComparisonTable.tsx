// The comparison itself: one summary card per team (its findings), then one
// row per stakeholder with each team's label, side and role, disagreements
// first and marked. Names are React text in <bdi>, never markup.
import { useState } from 'react';
import { Link2, Unlink } from 'lucide-react';
import { drawnBy, ROLE_INFO, rowStatus, type CellEntry, type Comparison, type ComparisonRow, type Severity } from '../domain';
import { LABEL_STYLE } from '../drawing/theme';
import { SeverityIcon, SEVERITY_INFO } from '../ui/severity';

/** Rows drawn at first: a comparison of thousands stays quick to open; the rest are a click away. */
const FIRST_ROWS = 150;
const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function TeamSummaries({ comparison }: { comparison: Comparison }) {
  return (
    <section aria-labelledby="compare-summaries-title">
      <h3 id="compare-summaries-title" className="compare-section-title">
        Findings each team got
      </h3>
      <ul className="compare-summaries">
        {comparison.columns.map((col, i) => {
          const s = comparison.summaries[i]!;
          return (
            <li key={col.id} className="compare-summary">
              <h4>
                <bdi>{col.team}</bdi>
              </h4>
              <p className="compare-summary-meta">
                {s.stakeholders} stakeholders · {s.onlyHere} drawn only here
              </p>
              <p className="compare-summary-counts">
                <Counts counts={s.counts} />
              </p>
              <p className="compare-summary-sentence">{s.sentence}</p>
              {s.findings.length > 0 ? (
                <ul className="compare-summary-findings">
                  {s.findings.slice(0, 8).map((f, k) => (
                    <li key={k}>
                      <SeverityIcon severity={f.severity} size={14} /> {f.message}
                    </li>
                  ))}
                  {s.findings.length > 8 ? <li>…and {s.findings.length - 8} more</li> : null}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "2 warnings · 1 note": a team's findings in a column header. */
function Counts({ counts }: { counts: Readonly<Record<Severity, number>> }) {
  const shown = ORDER.filter((sev) => counts[sev] > 0);
  if (shown.length === 0) return <span className="compare-count">no findings</span>;
  return (
    <>
      {shown.map((sev) => (
        <span key={sev} className="compare-count">
          <SeverityIcon severity={sev} size={16} /> {counts[sev]} {SEVERITY_INFO[sev].title.toLowerCase()}
          {counts[sev] === 1 ? '' : 's'}
        </span>
      ))}
    </>
  );
}

function worst(entries: readonly CellEntry[]): Severity | null {
  let found: Severity | null = null;
  for (const e of entries) for (const f of e.findings) if (found === null || ORDER.indexOf(f.severity) < ORDER.indexOf(found)) found = f.severity;
  return found;
}

function Cell({ entries, rowName }: { entries: readonly CellEntry[]; rowName: string }) {
  if (entries.length === 0) return <td className="compare-cell is-missing">not drawn</td>;
  const severity = worst(entries);
  const messages = entries.flatMap((e) => e.findings.map((f) => f.message));
  return (
    <td className="compare-cell">
      {entries.map((e) => (
        <div key={e.id} className="compare-entry">
          {e.name !== rowName ? (
            <div className="compare-entry-name">
              <bdi>{e.name}</bdi>
            </div>
          ) : null}
          <span className="compare-label" style={{ color: LABEL_STYLE[e.label].color, background: LABEL_STYLE[e.label].tint }}>
            {LABEL_STYLE[e.label].title}
          </span>{' '}
          <span className="compare-side">{e.side === 'internal' ? 'inside' : 'outside'}</span>
          <div className="compare-role" title={ROLE_INFO[e.role].description}>
            shows: {ROLE_INFO[e.role].name}
          </div>
        </div>
      ))}
      {severity ? (
        <div className="compare-findings" title={messages.join('\n')}>
          <SeverityIcon severity={severity} size={18} /> {messages.length} finding{messages.length === 1 ? '' : 's'}
        </div>
      ) : null}
    </td>
  );
}

interface TableProps {
  readonly comparison: Comparison;
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (row: ComparisonRow) => void;
  readonly onUnmatch: (row: ComparisonRow) => void;
}

export function ComparisonTable({ comparison, selected, onToggle, onUnmatch }: TableProps) {
  const [all, setAll] = useState(false);
  const rows = all ? comparison.rows : comparison.rows.slice(0, FIRST_ROWS);
  const single = comparison.columns.length > 1;
  return (
    <>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col" className="compare-pick">
              <span className="visually-hidden">Choose</span>
            </th>
            <th scope="col">Stakeholder</th>
            {comparison.columns.map((col, i) => (
              <th key={col.id} scope="col" className={col.own ? 'is-own' : undefined}>
                <div className="compare-col-name">
                  <bdi>{col.team}</bdi>
                </div>
                <div className="compare-col-counts">
                  <Counts counts={comparison.summaries[i]!.counts} />
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const disagree = row.disagreements.length > 0;
            const only = single && drawnBy(row).length === 1;
            const status = rowStatus(comparison, row);
            return (
              <tr key={row.key} className={`${disagree ? 'is-disagree' : row.missing.length > 0 ? 'is-partial' : ''}${selected.has(row.key) ? ' is-selected' : ''}`} data-row={row.name}>
                <td className="compare-pick">
                  <input type="checkbox" checked={selected.has(row.key)} onChange={() => onToggle(row)} aria-label={`Choose ${row.name}`} />
                </td>
                <th scope="row" className="compare-name">
                  <div className="compare-name-text">
                    {disagree ? (
                      <span className="compare-mark" aria-hidden="true">
                        ≠
                      </span>
                    ) : null}
                    <bdi>{row.name}</bdi>
                  </div>
                  <div className={`compare-status${disagree ? ' is-disagree' : only ? ' is-only' : ''}`}>{status}</div>
                  {row.handMatched ? (
                    <div className="compare-hand">
                      <Link2 size={14} aria-hidden="true" /> matched by hand{' '}
                      <button type="button" className="button ghost small" onClick={() => onUnmatch(row)}>
                        <Unlink size={14} aria-hidden="true" /> Undo match
                      </button>
                    </div>
                  ) : null}
                </th>
                {row.cells.map((cell, c) => (
                  <Cell key={comparison.columns[c]!.id} entries={cell} rowName={row.name} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length < comparison.rows.length ? (
        <button type="button" className="button" onClick={() => setAll(true)}>
          Show all {comparison.rows.length.toLocaleString('en-US')} stakeholders
        </button>
      ) : null}
    </>
  );
}
