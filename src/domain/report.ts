// The workshop report as plain data: what the session decided, section by
// section. The printable page, the Markdown file and the extra slides are
// three renderings of this one structure; every name in it is plain text,
// for the renderers to escape.
import { analyzeMap } from './analysis';
import { DEFINITION_INFO } from './check';
import { definitionOf, type StakeMap } from './model';
import { relabelledBetween, relabelsAlong, type MapState, type Relabel } from './relabels';
import { comparisonSection, voteSection, type ComparisonSection, type VotesSection } from './report-workshop';
import type { Severity } from './rules/types';

export interface DefinitionSection {
  readonly kind: 'definition';
  readonly title: string;
  /** "The user is the customer". */
  readonly name: string;
  readonly statement: string;
  /** The team's own words, if written. */
  readonly note: string | null;
}

export interface MapSection {
  readonly kind: 'map';
  readonly title: string;
  readonly organization: string;
  readonly stakeholders: number;
  readonly relations: number;
}

export interface ReportFinding {
  readonly severity: Severity;
  readonly message: string;
}

export interface FindingsAt {
  /** When (wall-clock ms); null for "now" when no time is known. */
  readonly at: number | null;
  readonly sentence: string;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly findings: readonly ReportFinding[];
}

export interface FindingsSection {
  readonly kind: 'findings';
  readonly title: string;
  /** The map at its first snapshot; null when there is no snapshot. */
  readonly first: FindingsAt | null;
  readonly now: FindingsAt;
  /** "4 stakeholders relabelled since the start", with what was added and removed. */
  readonly change: string | null;
}

export interface RelabelsSection {
  readonly kind: 'relabels';
  readonly title: string;
  readonly relabels: readonly Relabel[];
}

export type ReportSection = DefinitionSection | MapSection | FindingsSection | RelabelsSection | VotesSection | ComparisonSection;

export interface Report {
  readonly title: string;
  readonly organization: string;
  readonly generatedAt: number;
  readonly sections: readonly ReportSection[];
}

export interface ReportInput {
  /** The map now. */
  readonly map: StakeMap;
  /** Its snapshots, oldest first (may be empty). */
  readonly history: readonly MapState[];
  readonly now: number;
}

function findingsAt(map: StakeMap, at: number | null): FindingsAt {
  const analysis = analyzeMap(map);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  return { at, sentence: analysis.sentence, counts, findings: analysis.findings.map((f) => ({ severity: f.severity, message: f.message })) };
}

const stakeholders = (n: number) => (n === 1 ? '1 stakeholder' : `${n} stakeholders`);

/** "4 stakeholders relabelled since the start; 2 added, 1 removed." or null when nothing changed. */
export function changeSentence(first: StakeMap, now: StakeMap): string | null {
  const before = new Set(first.stakeholders.map((s) => s.id));
  const after = new Set(now.stakeholders.map((s) => s.id));
  const added = [...after].filter((id) => !before.has(id)).length;
  const removed = [...before].filter((id) => !after.has(id)).length;
  const relabelled = relabelledBetween(first, now);
  if (added === 0 && removed === 0 && relabelled === 0) return null;
  const parts = [`${stakeholders(relabelled)} relabelled since the start`];
  if (added > 0 || removed > 0) parts.push(`${added} added, ${removed} removed`);
  return `${parts.join('; ')}.`;
}

export function buildReport({ map, history, now }: ReportInput): Report {
  const info = DEFINITION_INFO[definitionOf(map)];
  const note = map.definitionNote?.trim() ? map.definitionNote.trim() : null;
  const first = history[0] ?? null;
  const sections: ReportSection[] = [
    { kind: 'definition', title: 'Our definition of customer', name: info.name, statement: info.statement, note },
    { kind: 'map', title: 'The map', organization: map.organization.name, stakeholders: map.stakeholders.length, relations: map.relations.length },
    {
      kind: 'findings',
      title: first ? 'Findings at the start and now' : 'Findings now',
      first: first ? findingsAt(first.map, first.at) : null,
      now: findingsAt(map, now),
      change: first ? changeSentence(first.map, map) : null,
    },
    { kind: 'relabels', title: 'Relabels and why', relabels: relabelsAlong([...history, { map, at: now }]) },
  ];
  const votes = voteSection(map);
  if (votes) sections.push(votes);
  const comparison = comparisonSection(map);
  if (comparison) sections.push(comparison);
  return { title: map.title, organization: map.organization.name, generatedAt: now, sections };
}

export type { MapState, Relabel } from './relabels';
export type { ComparisonSection, LabelCount, ReportTally, TeamSummary, VoteResult, VotesSection } from './report-workshop';
export { voteSection, comparisonSection } from './report-workshop';
