// The rules of docs/FORMAT.md that span fields: list sizes, unique ids, relation
// ends. They read the raw JSON, so they run even where the schema fails, and
// they skip values the schema already refuses (one problem per place).
import { LIMITS, ORG_ID } from './model';
import { isValidId } from './field-rules';
import { describe, type PathSegment, type RawProblem } from './format-problems';

type Raw = Readonly<Record<string, unknown>>;

// Plain loops and plain property reads: this runs over every item of a map of
// 25,000 on each open. Reading `id`, `from` or `to` is safe without hasOwn, as
// Object.prototype has none of them.
function field(v: unknown, key: 'id' | 'from' | 'to' | 'stakeholders' | 'relations'): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw)[key] : undefined;
}

export function referenceProblems(file: Raw): RawProblem[] {
  const problems: RawProblem[] = [];
  const stakeholders = field(file, 'stakeholders');
  const relations = field(file, 'relations');
  const ids = new Set<string>([ORG_ID]); // every stakeholder id, valid or not: relation ends may point ahead
  if (Array.isArray(stakeholders)) {
    checkCount(problems, 'stakeholders', stakeholders.length, LIMITS.stakeholders);
    const first = new Map<string, number>();
    for (let i = 0; i < stakeholders.length; i++) {
      const id = field(stakeholders[i], 'id');
      if (typeof id !== 'string') continue;
      ids.add(id);
      if (isValidId(id)) checkUnique(problems, first, id, 'stakeholders', i);
    }
  }
  if (Array.isArray(relations)) {
    checkCount(problems, 'relations', relations.length, LIMITS.relations);
    const first = new Map<string, number>();
    for (let i = 0; i < relations.length; i++) {
      const r: unknown = relations[i];
      const id = field(r, 'id');
      if (isValidId(id)) checkUnique(problems, first, id, 'relations', i);
      if (!Array.isArray(stakeholders)) continue; // no list to look ends up in: its own problem says so
      const from = field(r, 'from');
      const to = field(r, 'to');
      if (typeof from === 'string' && !ids.has(from)) problems.push(unknownEnd(['relations', i, 'from'], from));
      if (typeof to !== 'string') continue;
      if (!ids.has(to)) problems.push(unknownEnd(['relations', i, 'to'], to));
      else if (to === from) problems.push({ path: ['relations', i, 'to'], detail: `a relation cannot go from ${describe(from)} to itself` });
    }
  }
  return problems;
}

function checkCount(problems: RawProblem[], key: string, count: number, max: number): void {
  if (count > max)
    problems.push({ path: [key], detail: `${count.toLocaleString('en-US')} ${key}, more than the ${max.toLocaleString('en-US')} allowed` });
}

/** A duplicate is reported where it occurs again, naming the first occurrence. */
function checkUnique(problems: RawProblem[], first: Map<string, number>, id: string, list: string, i: number): void {
  const at = first.get(id);
  if (at === undefined) first.set(id, i);
  else problems.push({ path: [list, i, 'id'], detail: `${describe(id)} is already the id of ${list}[${at}]` });
}

function unknownEnd(path: PathSegment[], end: string): RawProblem {
  return { path, detail: `${describe(end)} is neither "${ORG_ID}" nor the id of a stakeholder in this file` };
}
