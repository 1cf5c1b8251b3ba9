// What a vote says, next to what the map says: per stakeholder the spread of
// answers, the team's current label, the role the map shows and its findings,
// and how much the room disagrees. Pure: the same map and vote, the same tally.
import { analyzeMap, type MapAnalysis } from './analysis';
import type { Finding } from './check';
import { LABELS, type Label, type StakeMap, type Vote } from './model';
import type { Role } from './roles';

export interface StakeholderTally {
  readonly stakeholder: string;
  readonly name: string;
  /** The team's label on the map now. */
  readonly current: Label;
  /** How many answered each label (every label present, 0 when nobody chose it). */
  readonly counts: Readonly<Record<Label, number>>;
  /** How many answered about this stakeholder. */
  readonly answers: number;
  /** How many said it is our primary customer. */
  readonly primary: number;
  /** The labels answered most often (several on a tie; none without answers), in label order. */
  readonly top: readonly Label[];
  /** The one most common answer; null on a tie or without answers. */
  readonly mostCommon: Label | null;
  /** The room's most common answer is not the team's current label. */
  readonly differsFromLabel: boolean;
  /**
   * 0 when everyone answered alike, higher the more the answers spread:
   * 1 − the share of the most common answer (0 without answers).
   */
  readonly disagreement: number;
  /** The spread as normalized entropy (0 alike, 1 spread evenly over all labels): breaks ties in the ranking. */
  readonly entropy: number;
  /** In a named vote, who chose each label (names as given; an unnamed ballot is left out). */
  readonly names: Readonly<Partial<Record<Label, readonly string[]>>>;
  /** What the map shows it to be. */
  readonly role: Role;
  readonly countsAsCustomer: boolean;
  /** The rules' findings about it, in the checker's order. */
  readonly findings: readonly Finding[];
}

export interface VoteTally {
  readonly vote: Vote;
  /** Ballots cast. */
  readonly ballots: number;
  /** The stakeholders still on the map, in the order asked. */
  readonly stakeholders: readonly StakeholderTally[];
  /** How many stakeholders voted on are no longer on the map (their answers are left out). */
  readonly gone: number;
}

/** The tally of `vote` against `map` (its analysis may be passed in when already made). */
export function tallyVote(map: StakeMap, vote: Vote, analysis: MapAnalysis = analyzeMap(map)): VoteTally {
  const byId = new Map(map.stakeholders.map((s) => [s.id, s]));
  const asked = vote.stakeholders.filter((id) => byId.has(id));
  const findings = new Map<string, Finding[]>();
  for (const f of analysis.findings) if (f.stakeholder !== null) (findings.get(f.stakeholder) ?? findings.set(f.stakeholder, []).get(f.stakeholder)!).push(f);
  const stakeholders = asked.map((id): StakeholderTally => {
    const s = byId.get(id)!;
    const counts = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
    const names: Partial<Record<Label, string[]>> = {};
    let answers = 0;
    let primary = 0;
    for (const ballot of vote.ballots) {
      const answer = ballot.answers.find((a) => a.stakeholder === id);
      if (!answer) continue;
      answers++;
      counts[answer.label]++;
      if (answer.primary === true) primary++;
      if (vote.named && ballot.name !== undefined) (names[answer.label] ??= []).push(ballot.name);
    }
    const most = Math.max(0, ...LABELS.map((l) => counts[l]));
    const top = most === 0 ? [] : LABELS.filter((l) => counts[l] === most);
    const mostCommon = top.length === 1 ? top[0]! : null;
    const view = analysis.views.get(id);
    return {
      stakeholder: id,
      name: s.name,
      current: s.label,
      counts,
      answers,
      primary,
      top,
      mostCommon,
      differsFromLabel: mostCommon !== null && mostCommon !== s.label,
      disagreement: answers === 0 ? 0 : 1 - most / answers,
      entropy: entropyOf(counts, answers),
      names,
      role: view?.role ?? 'unreached',
      countsAsCustomer: view?.countsAsCustomer ?? false,
      findings: findings.get(id) ?? [],
    };
  });
  return { vote, ballots: vote.ballots.length, stakeholders, gone: vote.stakeholders.length - asked.length };
}

/** Shannon entropy of the answers over the labels, divided by its largest value (log of the label count). */
function entropyOf(counts: Readonly<Record<Label, number>>, total: number): number {
  if (total === 0) return 0;
  let h = 0;
  for (const l of LABELS) {
    const p = counts[l] / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return Math.max(0, h / Math.log(LABELS.length));
}

/**
 * The stakeholders most disputed first: by disagreement, then those where the
 * room's answer differs from the team's label, then by entropy; stakeholders
 * nobody answered go last; otherwise the order asked.
 */
export function rankByDisagreement(tallies: readonly StakeholderTally[]): StakeholderTally[] {
  const order = new Map(tallies.map((t, i) => [t, i]));
  const EPS = 1e-9;
  return tallies.slice().sort((a, b) => {
    if ((a.answers === 0) !== (b.answers === 0)) return a.answers === 0 ? 1 : -1;
    if (Math.abs(a.disagreement - b.disagreement) > EPS) return b.disagreement - a.disagreement;
    if (a.differsFromLabel !== b.differsFromLabel) return a.differsFromLabel ? -1 : 1;
    if (Math.abs(a.entropy - b.entropy) > EPS) return b.entropy - a.entropy;
    return order.get(a)! - order.get(b)!;
  });
}

/** The stakeholders the room still disagrees about: answers split, or the room's answer not the team's label. */
export function openDisagreements(tally: VoteTally): StakeholderTally[] {
  return rankByDisagreement(tally.stakeholders).filter((t) => t.answers > 0 && (t.disagreement > 0 || t.differsFromLabel));
}
