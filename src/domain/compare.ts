// Breakout teams, compared: several teams' maps of the same organization side
// by side. Stakeholders are matched by name (compare-names.ts) and by the
// facilitator's hand-made matches; each row is one stakeholder as every team
// drew it: its label, side, what the team's own map shows it to be (role) and
// the findings the team got. Rows where teams disagree come first.
//
// Built from indices (a union-find over every team's stakeholders, a Map per
// name key) so a comparison of teams with thousands of stakeholders stays
// linear; nothing compares names pairwise.
import { analyzeMap } from './analysis';
import type { Finding, Severity } from './check';
import { breakoutsOf } from './compare-edits';
import { nameKey } from './compare-names';
import type { BreakoutMatch, Label, Side, StakeMap } from './model';
import type { Role } from './roles';

export { nameKey } from './compare-names';
export * from './compare-edits';

/** The column id of the facilitator's own map (never a valid team id). */
export const OWN_COLUMN = '#this-map';

export interface CompareColumn {
  /** The team's id, or OWN_COLUMN. */
  readonly id: string;
  /** The team's name; "This map" for the facilitator's own. */
  readonly team: string;
  readonly own: boolean;
  readonly map: StakeMap;
}

/** One stakeholder as one team drew it. */
export interface CellEntry {
  readonly id: string;
  readonly name: string;
  readonly label: Label;
  readonly side: Side;
  /** What the team's own map shows it to be (docs/RULES.md). */
  readonly role: Role;
  readonly countsAsCustomer: boolean;
  /** The findings the team got about it. */
  readonly findings: readonly Finding[];
}

export type Aspect = 'label' | 'side' | 'role';
export const ASPECTS: readonly Aspect[] = ['label', 'side', 'role'];

export interface ComparisonRow {
  /** Stable while the matches stay: the first column's id and stakeholder id. */
  readonly key: string;
  /** The name as the first column that drew it writes it. */
  readonly name: string;
  /** Per column, in column order: the team's stakeholders in this row (usually one, none when missed). */
  readonly cells: readonly (readonly CellEntry[])[];
  /** What the teams that drew it do not agree on. */
  readonly disagreements: readonly Aspect[];
  /** Columns (by index) that did not draw it. */
  readonly missing: readonly number[];
  /** A hand-made match joined this row. */
  readonly handMatched: boolean;
}

export interface ColumnSummary {
  readonly stakeholders: number;
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** "You call 2 stakeholders customers; under your definition 1 is." */
  readonly sentence: string;
  /** Stakeholders no other column drew. */
  readonly onlyHere: number;
}

export interface Comparison {
  readonly columns: readonly CompareColumn[];
  readonly summaries: readonly ColumnSummary[];
  /** Disagreements first (most aspects first), then rows some column missed, then the rest; by name (lower-cased, code point order) within each. */
  readonly rows: readonly ComparisonRow[];
  readonly disagreeing: number;
  /** Rows that some column did not draw. */
  readonly partial: number;
}

export interface CompareOptions {
  /** Also show the facilitator's own map as the first column. */
  readonly includeOwn?: boolean;
}

/** The columns to compare: the teams in their order, after the map itself when asked. */
export function compareColumns(map: StakeMap, options: CompareOptions = {}): CompareColumn[] {
  const teams = breakoutsOf(map).teams.map((t): CompareColumn => ({ id: t.id, team: t.team, own: false, map: t.map }));
  return options.includeOwn ? [{ id: OWN_COLUMN, team: 'This map', own: true, map }, ...teams] : teams;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  /** Joins the two sets; the smaller root (the earlier stakeholder) stays the root. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}


/** Compares the map's breakout teams (and the map itself, when asked). */
export function compareBreakouts(map: StakeMap, options: CompareOptions = {}): Comparison {
  const columns = compareColumns(map, options);
  // Every stakeholder of every column is a node, numbered column by column.
  const entries: CellEntry[] = [];
  const columnOf: number[] = [];
  const start: number[] = [];
  const summaries: { -readonly [K in keyof ColumnSummary]: ColumnSummary[K] }[] = [];
  columns.forEach((column, c) => {
    start.push(entries.length);
    const analysis = analyzeMap(column.map);
    const byStakeholder = new Map<string, Finding[]>();
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of analysis.findings) {
      counts[f.severity]++;
      if (f.stakeholder === null) continue;
      const list = byStakeholder.get(f.stakeholder);
      if (list) list.push(f);
      else byStakeholder.set(f.stakeholder, [f]);
    }
    for (const s of column.map.stakeholders) {
      const view = analysis.views.get(s.id);
      entries.push({
        id: s.id,
        name: s.name,
        label: s.label,
        side: s.side,
        role: view?.role ?? 'unreached',
        countsAsCustomer: view?.countsAsCustomer ?? false,
        findings: byStakeholder.get(s.id) ?? [],
      });
      columnOf.push(c);
    }
    summaries.push({ stakeholders: column.map.stakeholders.length, findings: analysis.findings, counts, sentence: analysis.sentence, onlyHere: 0 });
  });

  const sets = new UnionFind(entries.length);
  const firstWithKey = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = nameKey(e.name);
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, i);
    else sets.union(first, i);
  });
  const handNodes = joinHandMatches(breakoutsOf(map).matches, columns, start, entries, sets);

  // Rows: each set's members, grouped by column.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < entries.length; i++) {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  const rows: ComparisonRow[] = [];
  for (const [root, members] of groups) {
    const cells: CellEntry[][] = columns.map(() => []);
    let handMatched = false;
    for (const i of members) {
      cells[columnOf[i]!]!.push(entries[i]!);
      if (handNodes.has(i)) handMatched = true;
    }
    const missing: number[] = [];
    cells.forEach((cell, c) => cell.length === 0 && missing.push(c));
    if (columns.length > 1 && missing.length === columns.length - 1) summaries[columnOf[root]!]!.onlyHere++;
    const first = entries[root]!;
    rows.push({ key: `${columns[columnOf[root]!]!.id}/${first.id}`, name: first.name, cells, disagreements: disagreementsOf(members.map((i) => entries[i]!)), missing, handMatched });
  }
  // Sorted by a key made once per row: a locale-aware compare in the sort was most of the time.
  const order = new Map(rows.map((r) => [r, `${String(concern(r)).padStart(2, '0')}\u0000${r.name.toLowerCase()}\u0000${r.key}`]));
  rows.sort((a, b) => (order.get(a)! < order.get(b)! ? -1 : 1));
  return {
    columns,
    summaries,
    rows,
    disagreeing: rows.filter((r) => r.disagreements.length > 0).length,
    partial: rows.filter((r) => r.missing.length > 0).length,
  };
}

/** Joins the members of each hand-made match; the nodes they touched. */
function joinHandMatches(matches: readonly BreakoutMatch[], columns: readonly CompareColumn[], start: readonly number[], entries: readonly CellEntry[], sets: UnionFind): Set<number> {
  const touched = new Set<number>();
  if (matches.length === 0) return touched;
  // Stakeholder id → node, per team column.
  const nodes = new Map<string, Map<string, number>>();
  columns.forEach((column, c) => {
    if (column.own) return;
    const ids = new Map<string, number>();
    const end = c + 1 < columns.length ? start[c + 1]! : entries.length;
    for (let i = start[c]!; i < end; i++) ids.set(entries[i]!.id, i);
    nodes.set(column.id, ids);
  });
  for (const match of matches) {
    let first = -1;
    for (const m of match.members) {
      const node = nodes.get(m.team)?.get(m.stakeholder);
      if (node === undefined) continue;
      touched.add(node);
      if (first < 0) first = node;
      else sets.union(first, node);
    }
  }
  return touched;
}

function disagreementsOf(drawn: readonly CellEntry[]): Aspect[] {
  if (drawn.length < 2) return [];
  const first = drawn[0]!;
  return ASPECTS.filter((aspect) => drawn.some((e) => e[aspect] !== first[aspect]));
}

function concern(row: ComparisonRow): number {
  if (row.disagreements.length > 0) return 10 - row.disagreements.length;
  return row.missing.length > 0 ? 20 : 30;
}


/** The columns that drew a row, by index. */
export function drawnBy(row: ComparisonRow): number[] {
  const out: number[] = [];
  row.cells.forEach((cell, c) => cell.length > 0 && out.push(c));
  return out;
}

/** What a row says, in words: "Teams disagree on label and role", "Drawn only by Team A", "Missing from Team B", "Agreed". */
export function rowStatus(comparison: Comparison, row: ComparisonRow): string {
  const names = (indices: readonly number[]) => listWords(indices.map((c) => comparison.columns[c]!.team));
  const parts: string[] = [];
  if (row.disagreements.length > 0) parts.push(`Disagree on ${listWords(row.disagreements)}`);
  const drawn = drawnBy(row);
  if (comparison.columns.length > 1 && drawn.length === 1) parts.push(`Drawn only by ${names(drawn)}`);
  else if (row.missing.length > 0) parts.push(`Missing from ${names(row.missing)}`);
  return parts.length > 0 ? parts.join('; ') : 'Agreed';
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

type Member = BreakoutMatch['members'][number];

/**
 * The members of a hand-made match that joins `rows` into one: one team
 * stakeholder from each row, each of a different team. A row drawn only by
 * the facilitator's own map cannot be matched by hand (matches are between
 * teams); nor can two rows that only one and the same team drew.
 */
export function matchMembersFor(comparison: Comparison, rows: readonly ComparisonRow[]): { ok: true; members: Member[] } | { ok: false; reason: string } {
  if (rows.length < 2) return { ok: false, reason: 'Choose two or more rows to match.' };
  const options = rows.map((row) =>
    row.cells.flatMap((cell, c) => (comparison.columns[c]!.own || cell.length === 0 ? [] : [{ team: comparison.columns[c]!.id, stakeholder: cell[0]!.id }])),
  );
  if (options.some((o) => o.length === 0)) return { ok: false, reason: 'A row drawn only on this map cannot be matched by hand: matches are between teams.' };
  // Rows with the fewest teams choose first, so each can still get a team of its own.
  const order = options.map((_, i) => i).sort((a, b) => options[a]!.length - options[b]!.length);
  const used = new Set<string>();
  const members: Member[] = [];
  for (const i of order) {
    const pick = options[i]!.find((m) => !used.has(m.team));
    if (!pick) return { ok: false, reason: 'These rows were drawn by the same single team; a match joins stakeholders of different teams.' };
    used.add(pick.team);
    members.push(pick);
  }
  return { ok: true, members };
}

/** Every team stakeholder in a row: what undoing its hand-made matches looks for. */
export function teamMembersOf(comparison: Comparison, row: ComparisonRow): Member[] {
  return row.cells.flatMap((cell, c) => (comparison.columns[c]!.own ? [] : cell.map((e) => ({ team: comparison.columns[c]!.id, stakeholder: e.id }))));
}
