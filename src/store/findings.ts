// Findings as the views read them: from the map's one analysis (analysis.ts).
import { useDeferredValue } from 'react';
import { definitionOf, type Definition, type Finding, type StakeMap } from '../domain';
import { analysisFor, rulesMap } from './analysis';
import { useStakemap } from './index';

export { analysisFor, rulesMap, sameForRules } from './analysis';

/** The findings of `map` under `definition` (default: the map's own): its analysis's, so the same array every time. */
export function findingsFor(map: StakeMap, definition: Definition = definitionOf(map)): readonly Finding[] {
  return analysisFor(map, definition).findings;
}

/** A stable key for a finding: one rule speaks once per stakeholder. */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.stakeholder ?? ''}`;
}

/**
 * The map as the rules see it (rulesMap), for the views that show findings:
 * a render behind the map while an edit is being drawn. Checking a map of
 * thousands takes tens of ms (5,000 stakeholders: 12–40 ms here); React draws
 * the edit first and works out the findings in the render after it, so
 * findings may lag an edit by a frame but never hold up its paint. Gestures
 * (a drag, a pan) change nothing the rules read, so they never check at all.
 */
export function useCheckedMap(): StakeMap | null {
  return useDeferredValue(useStakemap((s) => s.map && rulesMap(s.map)));
}
