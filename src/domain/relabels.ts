// Every relabel of a session, with its reason, read from the map's history:
// the snapshots (oldest first) and the map as it is now. A relabel is a
// stakeholder whose label differs between two states in a row. Its reason is
// the finding that suggested the new label on the map just before (what
// "Relabel as the finding suggests" applies, or a hand change that followed
// it); without one, the team changed it by hand.
import { analyzeMap } from './analysis';
import type { Label, StakeMap } from './model';

/** The map at one moment: a snapshot, or the map now. */
export interface MapState {
  readonly map: StakeMap;
  /** Wall-clock ms. */
  readonly at: number;
}

export interface Relabel {
  readonly stakeholder: string;
  /** Its name when the new label was first seen. */
  readonly name: string;
  readonly from: Label;
  readonly to: Label;
  /** When the new label was first seen (the relabel happened at or before this). */
  readonly at: number;
  /** The finding's message that suggested the new label, or null for a change by hand. */
  readonly finding: string | null;
  /** In words, for the report: "The map suggested it: …" or "Changed by the team (no finding suggested it)." */
  readonly reason: string;
}

export const BY_HAND = 'Changed by the team; no finding suggested this label.';

export function reasonOf(finding: string | null): string {
  return finding === null ? BY_HAND : `Suggested by the map: ${finding}`;
}

/** The relabels between each state and the next, oldest first. */
export function relabelsAlong(states: readonly MapState[]): Relabel[] {
  const out: Relabel[] = [];
  for (let i = 1; i < states.length; i++) {
    const before = states[i - 1]!;
    const after = states[i]!;
    const old = new Map(before.map.stakeholders.map((s) => [s.id, s.label]));
    const changed = after.map.stakeholders.filter((s) => old.has(s.id) && old.get(s.id) !== s.label);
    if (changed.length === 0) continue;
    // Analysed only when something was relabelled: most steps have no relabel.
    const findings = analyzeMap(before.map).findings;
    for (const s of changed) {
      const suggested = findings.find((f) => f.stakeholder === s.id && f.suggestedLabel === s.label);
      const finding = suggested ? suggested.message : null;
      out.push({ stakeholder: s.id, name: s.name, from: old.get(s.id)!, to: s.label, at: after.at, finding, reason: reasonOf(finding) });
    }
  }
  return out;
}

/** Stakeholders whose label differs between the first state and the last (relabelled back and forth counts as not). */
export function relabelledBetween(first: StakeMap, last: StakeMap): number {
  const old = new Map(first.stakeholders.map((s) => [s.id, s.label]));
  return last.stakeholders.filter((s) => old.has(s.id) && old.get(s.id) !== s.label).length;
}
