// Findings are derived from the map, computed once per map and definition.
// A map that differs from the last one checked only where the rules do not
// look (positions, notes: every frame of a drag) reuses its findings.
import { checkMap, definitionOf, type Definition, type Finding, type StakeMap } from '../domain';

const cache = new WeakMap<StakeMap, Map<Definition, readonly Finding[]>>();
let last: { map: StakeMap; definition: Definition; findings: readonly Finding[] } | null = null;

export function findingsFor(map: StakeMap, definition: Definition = definitionOf(map)): readonly Finding[] {
  let byDefinition = cache.get(map);
  if (!byDefinition) {
    byDefinition = new Map();
    cache.set(map, byDefinition);
  }
  let findings = byDefinition.get(definition);
  if (!findings) {
    findings = last && last.definition === definition && sameForRules(last.map, map) ? last.findings : checkMap(map, definition);
    byDefinition.set(definition, findings);
  }
  last = { map, definition, findings };
  return findings;
}

let canonical: StakeMap | null = null;

/**
 * The map as far as the rules can tell: the same object for as long as only
 * positions or notes change (every frame of a drag). Select it
 * (`useStakemap((s) => s.map && rulesMap(s.map))`) where only findings,
 * roles or names are shown, so a drag does not re-render them; never read
 * positions from it.
 */
export function rulesMap(map: StakeMap): StakeMap {
  if (canonical !== map && (canonical === null || !sameForRules(canonical, map))) canonical = map;
  return canonical;
}

/**
 * True when the rules would say the same of both maps: the same relations
 * (by reference, as edits keep untouched arrays), organization name and
 * stakeholders by id, name, label and side, in the same order.
 */
export function sameForRules(a: StakeMap, b: StakeMap): boolean {
  if (a === b) return true;
  if (a.relations !== b.relations || a.organization.name !== b.organization.name || a.definition !== b.definition) return false;
  if (a.stakeholders === b.stakeholders) return true;
  if (a.stakeholders.length !== b.stakeholders.length) return false;
  for (let i = 0; i < a.stakeholders.length; i++) {
    const x = a.stakeholders[i]!;
    const y = b.stakeholders[i]!;
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.label !== y.label || x.side !== y.side)) return false;
  }
  return true;
}

/** A stable key for a finding: one rule speaks once per stakeholder. */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.stakeholder ?? ''}`;
}
