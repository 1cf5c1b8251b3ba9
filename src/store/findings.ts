// Findings are derived from the map, computed once per map and definition.
import { checkMap, definitionOf, type Definition, type Finding, type StakeMap } from '../domain';

const cache = new WeakMap<StakeMap, Map<Definition, readonly Finding[]>>();

export function findingsFor(map: StakeMap, definition: Definition = definitionOf(map)): readonly Finding[] {
  let byDefinition = cache.get(map);
  if (!byDefinition) {
    byDefinition = new Map();
    cache.set(map, byDefinition);
  }
  let findings = byDefinition.get(definition);
  if (!findings) {
    findings = checkMap(map, definition);
    byDefinition.set(definition, findings);
  }
  return findings;
}

/** A stable key for a finding: one rule speaks once per stakeholder. */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.stakeholder ?? ''}`;
}
