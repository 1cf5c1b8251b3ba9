// Words the report's three renderings share: labels, dates, spreads, severities.
import type { Label, LabelCount, Severity, ReportTally, VoteResult } from '../domain';
import { LABEL_STYLE } from '../drawing/theme';

export const labelName = (label: Label): string => LABEL_STYLE[label].title.toLowerCase();

/** "10 March 2026, 09:05" in the reader's own locale and time zone. */
export function when(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}, ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

export function dateOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? when(ms) : iso;
}

export const SEVERITY_TITLE: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** "customer 2 · partner 1". */
export function spreadText(spread: readonly LabelCount[]): string {
  return spread.length === 0 ? 'no answers' : spread.map((c) => `${labelName(c.label)} ${c.count}`).join(' · ');
}

/** "3 answers: customer 2 · partner 1; the map calls it customer; 1 of 3 say primary customer". */
export function tallyText(t: ReportTally, askPrimary: boolean): string {
  const parts = [`${t.answers} answer${t.answers === 1 ? '' : 's'}: ${spreadText(t.spread)}`, `the map calls it ${labelName(t.current)}`];
  if (askPrimary) parts.push(`${t.primary} of ${t.answers} say primary customer`);
  return parts.join('; ');
}

/** "Vote of 10 March 2026, 09:10 · revealed · 3 people". */
export function voteHeading(v: VoteResult): string {
  const people = `${v.ballots} ${v.ballots === 1 ? 'person' : 'people'}`;
  return `Vote of ${dateOf(v.startedAt)} · ${v.state === 'revealed' ? 'revealed' : 'still open, answers hidden'} · ${people}`;
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;
