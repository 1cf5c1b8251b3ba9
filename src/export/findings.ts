// The findings as exports tell them: a summary for the slide, the full list
// for a deck's speaker notes, and the legend of what the drawing uses.
import {
  DEFINITION_INFO,
  definitionOf,
  KINDS,
  LABELS,
  type Finding,
  type Kind,
  type Label,
  type Severity,
  type StakeMap,
} from '../domain';
import { analysisFor } from '../store/analysis';

export const SEVERITY_WORD: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

export const SEVERITY_COLOR: Record<Severity, string> = { error: '#b42318', warning: '#9a5b00', info: '#175cd3' };

/** The labels and relation kinds a map uses, in the app's order. */
export function legendOf(map: StakeMap): { labels: Label[]; kinds: Kind[] } {
  const labels = new Set(map.stakeholders.map((s) => s.label));
  const kinds = new Set(map.relations.map((r) => r.kind));
  return { labels: LABELS.filter((l) => labels.has(l)), kinds: KINDS.filter((k) => kinds.has(k)) };
}

export interface FindingsSummary {
  readonly sentence: string;
  readonly counts: Record<Severity, number>;
  readonly findings: readonly Finding[];
}

/** From the map's one analysis: the same findings the panels and the canvas show. */
export function summarizeFindings(map: StakeMap): FindingsSummary {
  // The sentence that names who it counts, as the findings panel says it.
  const { findings, namedSentence: sentence } = analysisFor(map);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { sentence, counts, findings };
}

export function countsPhrase(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${SEVERITY_WORD[s][counts[s] === 1 ? 0 : 1]}`);
  return parts.length === 0 ? 'No findings: the map agrees with its labels.' : parts.join(' · ');
}

/** Speaker notes: the definition, the summary and every finding with its reason. */
export function findingsNotes(map: StakeMap, limit = 60): string {
  const def = DEFINITION_INFO[definitionOf(map)];
  const { sentence, counts, findings } = summarizeFindings(map);
  const lines = [`Definition of customer: ${def.name}. ${def.statement}`];
  if (map.definitionNote) lines.push(`In our own words: ${map.definitionNote}`);
  lines.push('', sentence, `Findings: ${countsPhrase(counts)}`);
  for (const f of findings.slice(0, limit)) {
    lines.push('', `${SEVERITY_WORD[f.severity][0].replace(/^./, (c) => c.toUpperCase())}: ${f.message}`, `Why: ${f.why}`);
  }
  if (findings.length > limit) lines.push('', `…and ${findings.length - limit} more findings in Stakemap.`);
  return lines.join('\n');
}
