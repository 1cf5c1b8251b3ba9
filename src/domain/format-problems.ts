// Problems found while reading a file: where they are, how they read, and the
// file order they are listed in.
import { LIMITS } from './model';

/**
 * One reason a file was refused. `path` is the place in the file (`""` for the
 * file as a whole, else like `stakeholders[3].label`); `message` is a complete
 * sentence for people and already starts with the path (`stakeholders[3].label:
 * "custmer" is not one of …`), so a list of problems can show `message` alone.
 */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export type PathSegment = string | number;

/** A problem before it is sorted and worded: `detail` is the message without its path. */
export interface RawProblem {
  readonly path: readonly PathSegment[];
  readonly detail: string;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

export function toProblem(raw: RawProblem): Problem {
  const path = formatPath(raw.path);
  return { path, message: path === '' ? raw.detail : `${path}: ${raw.detail}` };
}

const PREVIEW = 60;

/** A short, safe rendering of a value found in the file; never recurses, so deep input cannot overflow. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > PREVIEW ? `${value.slice(0, PREVIEW)}…` : value;
    return escapeBidi(JSON.stringify(shown));
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN (not a number)'; // only from storage: JSON has no NaN
    return Number.isFinite(value) ? String(value) : 'a number too large to store';
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** Bidi controls written as escapes (\u202e), as JSON writes other invisible controls: shown in a message, they would reorder it. */
function escapeBidi(quoted: string): string {
  return quoted.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** "expected text, found 42" / "missing (expected text)" */
export function expected(what: string, found: unknown): string {
  return found === undefined ? `missing (expected ${what})` : `expected ${what}, found ${describe(found)}`;
}

/**
 * Known fields in the order docs/FORMAT.md lists them, for fields that are missing
 * from the file (they sort after the fields present in their object).
 */
const FIELD_ORDER = [
  'format', 'version', 'title', 'definition', 'definitionNote', 'organization',
  'id', 'from', 'to', 'name', 'kind', 'label', 'side', 'notes', 'note',
  'position', 'x', 'y', 'stakeholders', 'relations',
];

/**
 * The first `LIMITS.problems` problems in file order: a parent before its
 * children, fields in the order the file has them (JSON.parse keeps it for
 * non-numeric keys, which all known keys are), array items by index.
 */
export function inFileOrder(file: unknown, problems: readonly RawProblem[]): Problem[] {
  const keyIndex = new WeakMap<object, Map<string, number>>();
  const indexOf = (node: unknown, key: string): number => {
    if (typeof node !== 'object' || node === null) return 0;
    let keys = keyIndex.get(node);
    if (!keys) {
      keys = new Map(Object.keys(node).map((k, i) => [k, i]));
      keyIndex.set(node, keys);
    }
    return keys.get(key) ?? keys.size + FIELD_ORDER.indexOf(key);
  };
  const keyed = problems.map((problem, seq) => {
    const rank: number[] = [];
    let node: unknown = file;
    for (const seg of problem.path) {
      rank.push(typeof seg === 'number' ? seg : indexOf(node, seg));
      node = typeof node === 'object' && node !== null && Object.hasOwn(node, seg) ? (node as Record<PathSegment, unknown>)[seg] : undefined;
    }
    return { problem, rank, seq };
  });
  keyed.sort((a, b) => compareRanks(a.rank, b.rank) || a.seq - b.seq);
  return keyed.slice(0, LIMITS.problems).map((k) => toProblem(k.problem));
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
