// Findings as the views read them: from the map's one analysis (analysis.ts).
import { definitionOf, type Definition, type Finding, type StakeMap } from '../domain';
import { analysisFor } from './analysis';

export { analysisFor, rulesMap, sameForRules } from './analysis';

/** The findings of `map` under `definition` (default: the map's own): its analysis's, so the same array every time. */
export function findingsFor(map: StakeMap, definition: Definition = definitionOf(map)): readonly Finding[] {
  return analysisFor(map, definition).findings;
}

/** A stable key for a finding: one rule speaks once per stakeholder. */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.stakeholder ?? ''}`;
}
