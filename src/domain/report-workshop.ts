// The report's vote and breakout sections, from the map's own workshop data:
// votes counted by the votes' own tally (vote-tally.ts), the teams summed up
// per team (the full table is the comparison's, compare.ts).
import { analyzeMap, type MapAnalysis } from './analysis';
import { tallyVote } from './vote-tally';
import { isCustomerLabel, LABELS, type Label, type StakeMap, type Vote } from './model';

export interface LabelCount {
  readonly label: Label;
  readonly count: number;
}

export interface ReportTally {
  readonly stakeholder: string;
  readonly name: string;
  /** The team's label on the map now. */
  readonly current: Label;
  /** Answers per label, most first (labels nobody chose left out). */
  readonly spread: readonly LabelCount[];
  readonly answers: number;
  /** How many said it is our primary customer (when asked). */
  readonly primary: number;
  /** Share of answers on the most chosen label, 0..1 (1: everyone agrees). */
  readonly agreement: number;
  /** The room does not agree, or its most chosen label is not the map's. */
  readonly disagreement: boolean;
}

export interface VoteResult {
  readonly id: string;
  readonly startedAt: string;
  readonly state: Vote['state'];
  readonly ballots: number;
  readonly askPrimary: boolean;
  /** Revealed votes only: an open vote's answers stay hidden, in the report too. */
  readonly tallies: readonly ReportTally[];
  /** Stakeholders voted on that are no longer on the map. */
  readonly dropped: number;
}

export interface VotesSection {
  readonly kind: 'votes';
  readonly title: string;
  readonly votes: readonly VoteResult[];
  /** Across revealed votes, the stakeholders the room disagrees on, most disagreement first. */
  readonly disagreements: readonly ReportTally[];
}

export interface TeamSummary {
  readonly team: string;
  readonly stakeholders: number;
  readonly relations: number;
  /** Names the team calls customers or clients. */
  readonly customers: readonly string[];
  readonly findings: number;
  /** The team's summary line: "You call 2 stakeholders customers; …". */
  readonly sentence: string;
}

export interface ComparisonSection {
  readonly kind: 'comparison';
  readonly title: string;
  readonly teams: readonly TeamSummary[];
}

/** The votes' own tally (vote-tally.ts), read as the report words it. */
function tally(vote: Vote, map: StakeMap, analysis: MapAnalysis): { tallies: ReportTally[]; dropped: number } {
  const counted = tallyVote(map, vote, analysis);
  const dropped = vote.stakeholders.length - counted.stakeholders.length;
  const tallies = counted.stakeholders.map((t): ReportTally => {
    const spread = LABELS.filter((l) => t.counts[l] > 0)
      .map((label) => ({ label, count: t.counts[label] }))
      .sort((a, b) => b.count - a.count);
    const agreement = t.answers > 0 ? 1 - t.disagreement : 1;
    return { stakeholder: t.stakeholder, name: t.name, current: t.current, spread, answers: t.answers, primary: t.primary, agreement, disagreement: t.answers > 0 && (t.disagreement > 0 || t.differsFromLabel) };
  });
  return { tallies, dropped };
}

/** Least agreement first; then the most labels named; then the map's order. */
function byDisagreement(a: ReportTally, b: ReportTally): number {
  return a.agreement - b.agreement || b.spread.length - a.spread.length;
}

/** The votes held in the session, or null when there were none. */
export function voteSection(map: StakeMap): VotesSection | null {
  const votes = map.votes ?? [];
  if (votes.length === 0) return null;
  const analysis = analyzeMap(map);
  const results: VoteResult[] = votes.map((v) => {
    const { tallies, dropped } = tally(v, map, analysis);
    return { id: v.id, startedAt: v.startedAt, state: v.state, ballots: v.ballots.length, askPrimary: v.askPrimary, tallies: v.state === 'revealed' ? tallies : [], dropped };
  });
  // The latest revealed answer per stakeholder stands for the room's view of it.
  const latest = new Map<string, ReportTally>();
  for (const r of results) for (const t of r.tallies) latest.set(t.stakeholder, t);
  const disagreements = [...latest.values()].filter((t) => t.disagreement).sort(byDisagreement);
  return { kind: 'votes', title: 'Votes and open disagreements', votes: results, disagreements };
}

/** The breakout teams' maps side by side, or null when there were none. */
export function comparisonSection(map: StakeMap): ComparisonSection | null {
  const teams = map.breakouts?.teams ?? [];
  if (teams.length === 0) return null;
  return {
    kind: 'comparison',
    title: 'Breakout teams compared',
    teams: teams.map((t) => {
      const analysis = analyzeMap(t.map);
      return {
        team: t.team,
        stakeholders: t.map.stakeholders.length,
        relations: t.map.relations.length,
        customers: t.map.stakeholders.filter((s) => isCustomerLabel(s.label)).map((s) => s.name),
        findings: analysis.findings.length,
        sentence: analysis.sentence,
      };
    }),
  };
}
