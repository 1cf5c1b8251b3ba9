// One analysis per map object (findings, roles, customer count), kept beside
// the map in a WeakMap: every panel, the canvas badges, presentation and
// exports that ask about the same map get the same object, and it goes when
// the map does. Nothing here remembers "the last map": when an edit changes
// only what the rules never read (positions, notes: every frame of a drag),
// the store hands the old map's analysis on to the new one (carryAnalysis).
import { analyzeMap, definitionOf, RELATIONSHIP_FIELDS, type Definition, type MapAnalysis, type StakeMap } from '../domain';

/** The analyses of one map, or of maps that are the same for the rules. */
interface Entry {
  /** The first map of its kind: what the analyses were computed from. */
  readonly map: StakeMap;
  readonly byDefinition: Map<Definition, MapAnalysis>;
}

const entries = new WeakMap<StakeMap, Entry>();

function entryOf(map: StakeMap): Entry {
  let entry = entries.get(map);
  if (!entry) {
    entry = { map, byDefinition: new Map() };
    entries.set(map, entry);
  }
  return entry;
}

/** The analysis of `map` under `definition` (default: the map's own); the same object every time. */
export function analysisFor(map: StakeMap, definition: Definition = definitionOf(map)): MapAnalysis {
  const { map: analysed, byDefinition } = entryOf(map);
  let analysis = byDefinition.get(definition);
  if (!analysis) {
    analysis = analyzeMap(analysed, definition);
    byDefinition.set(definition, analysis);
  }
  return analysis;
}

/**
 * Called by the store when `next` replaces `previous`: where the rules would
 * say the same of both, `next` shares `previous`'s analyses instead of
 * starting its own. A map that already has analyses keeps them.
 */
export function carryAnalysis(previous: StakeMap, next: StakeMap): void {
  if (previous === next || entries.has(next)) return;
  const entry = entries.get(previous);
  if (entry && sameForRules(entry.map, next)) entries.set(next, entry);
}

/**
 * The map as far as the rules can tell: the same object for as long as the
 * store only changed positions or notes (every frame of a drag). Select it
 * (`useStakemap((s) => s.map && rulesMap(s.map))`) where only findings,
 * roles or names are shown, so a drag does not re-render them; never read
 * positions from it.
 */
export function rulesMap(map: StakeMap): StakeMap {
  return entryOf(map).map;
}

/**
 * True when the rules would say the same of both maps: the same relations
 * (by reference, as edits keep untouched arrays), organization name,
 * definition, and stakeholders by id, name, label, side and relationship
 * (depth and value feed rules), in the same order.
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
    if (x !== y && RELATIONSHIP_FIELDS.some((f) => x[f] !== y[f])) return false;
  }
  return true;
}
