// From a doc to a map that keeps the file format's rules, whatever peers wrote.
//
// A peer is not trusted: its changes may leave a relation pointing at a
// stakeholder someone else deleted, or write a name of 10,000 characters.
// The doc's content is laid out as a file and judged by the domain's own
// parseMap, so the rules are stated once. Each problem it finds gets a
// repair: keep the previous good value, remove an optional field, or remove
// the record; then it judges again, until the map passes. What cannot be
// repaired is refused: the previous good map stays. Every repair and refusal
// is reported as a plain sentence (text, never markup).
import * as Y from 'yjs';
import { FORMAT_VERSION, LIMITS, parseMap, type Problem, type StakeMap } from '../domain';
import { flatten, listOf, metaOf, plain, RELATIONS, STAKEHOLDERS, type Fields, type ListName } from './schema';
import { NO_CACHE, type RecordCache } from './cache';
import { deriveVotes, type VoteListName } from './votes';

/** The origin of repair transactions: never anyone's undo step. */
export const REPAIR_ORIGIN = Symbol('stakemap-live-repair');

export const DEFAULT_TITLE = 'Untitled map';
export const DEFAULT_ORGANIZATION = 'Our organization';
const EMPTY: StakeMap = { title: DEFAULT_TITLE, organization: { name: DEFAULT_ORGANIZATION }, stakeholders: [], relations: [] };

/** One change to the doc that repairs it: set or delete a field, or drop a record. */
export type Repair =
  | { readonly kind: 'set'; readonly list: 'meta' | ListName; readonly id?: string; readonly field: string; readonly value: unknown }
  | { readonly kind: 'delete'; readonly list: 'meta' | ListName; readonly id?: string; readonly field: string }
  | { readonly kind: 'drop'; readonly list: ListName; readonly id: string }
  | { readonly kind: 'drop'; readonly list: VoteListName; readonly id: string };

export interface Derived {
  /** A map that parseMap accepts. */
  readonly map: StakeMap;
  /** What to change in the doc so that it holds `map` (empty when it already does, or when refused). */
  readonly repairs: readonly Repair[];
  /** One sentence per repair or refusal. */
  readonly messages: readonly string[];
  /** True when the doc could not be repaired and `map` is the previous good one. */
  readonly refused: boolean;
}

const MAX_ROUNDS = 100;
const MAX_MESSAGES = LIMITS.problems;
const REQUIRED: Readonly<Record<ListName, readonly string[]>> = { stakeholders: ['name', 'label', 'side'], relations: ['kind'] };
const NOUN: Readonly<Record<ListName, string>> = { stakeholders: 'stakeholder', relations: 'relation' };
/** Doc keys of the map-level fields, by their place in the file. */
const META_KEYS: Readonly<Record<string, string>> = {
  title: 'title',
  definition: 'definition',
  definitionNote: 'definitionNote',
  currency: 'currency',
  'organization.name': 'organizationName',
  'organization.position': 'organizationPosition',
  organization: 'organizationName', // last: the paths above start with it
};

type RawRecord = Record<string, unknown> & { id: string };
interface RawFile {
  format: 'stakemap';
  version: number;
  title?: unknown;
  definition?: unknown;
  definitionNote?: unknown;
  currency?: unknown;
  organization: { name?: unknown; position?: unknown };
  stakeholders: RawRecord[];
  relations: RawRecord[];
}

/**
 * The map the doc holds, repaired in memory where it breaks the format's rules.
 * `previous` (the last good map) supplies values to fall back to.
 */
export function deriveMap(doc: Y.Doc, previous?: StakeMap, cache: Pick<RecordCache, 'ids' | 'record'> = NO_CACHE): Derived {
  if (metaOf(doc).size === 0 && listOf(doc, STAKEHOLDERS).size === 0 && listOf(doc, RELATIONS).size === 0)
    return { map: previous ?? EMPTY, repairs: [], messages: [], refused: false };
  const repairs: Repair[] = [];
  const messages: string[] = [];
  const file = readRaw(doc, repairs, messages, cache);
  const before = previous && flatten(previous);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = parseMap(JSON.stringify(file));
    if (result.ok) {
      // Votes refer to the stakeholders: read once the map stands, each vote and ballot on its own.
      const votes = deriveVotes(doc, result.map);
      repairs.push(...votes.drops.map((d): Repair => ({ kind: 'drop', list: d.list, id: d.id })));
      messages.push(...votes.messages);
      const map = votes.votes.length > 0 ? { ...result.map, votes: votes.votes } : result.map;
      return { map, repairs, messages: capped(messages), refused: false };
    }
    // Every fix is found on the file as parsed, then applied: a drop shifts the indexes of the paths after it.
    const fixes: Fix[] = [];
    for (const problem of result.problems) {
      const fix = fixFor(problem, file, before);
      if (!fix) return refuse(problem, previous);
      fixes.push(fix);
    }
    const seen = new Set<string>();
    for (const fix of fixes) {
      const fresh = fix.repairs.filter((r) => !seen.has(keyOf(r)) && !seen.has(`${r.list}:${r.id ?? ''}`));
      if (fresh.length === 0) continue;
      for (const repair of fresh) {
        seen.add(keyOf(repair));
        applyToFile(file, repair);
        repairs.push(repair);
      }
      messages.push(fix.message);
    }
  }
  return refuse({ path: '', message: 'it kept breaking the rules after every repair' }, previous);
}

interface Fix {
  readonly repairs: readonly Repair[];
  readonly message: string;
}

function keyOf(r: Repair): string {
  return r.kind === 'drop' ? `${r.list}:${r.id}` : `${r.list}:${r.id ?? ''}:${r.field}`;
}

function refuse(problem: Problem, previous: StakeMap | undefined): Derived {
  const message = `A change from the room breaks the map's rules and cannot be repaired (${problem.message}); showing the last good map.`;
  return { map: previous ?? EMPTY, repairs: [], messages: [message], refused: true };
}

function capped(messages: string[]): string[] {
  const unique = [...new Set(messages)];
  if (unique.length <= MAX_MESSAGES) return unique;
  return [...unique.slice(0, MAX_MESSAGES), `…and ${unique.length - MAX_MESSAGES} more repairs.`];
}

function readRaw(doc: Y.Doc, repairs: Repair[], messages: string[], cache: Pick<RecordCache, 'ids' | 'record'>): RawFile {
  const meta = metaOf(doc);
  const m = (key: string): unknown => (meta.has(key) ? plain(meta.get(key)) : undefined);
  const organization: RawFile['organization'] = { name: m('organizationName') };
  if (meta.has('organizationPosition')) organization.position = m('organizationPosition');
  const read = (name: ListName): RawRecord[] => {
    const list = listOf(doc, name);
    const out: RawRecord[] = [];
    for (const id of cache.ids(name, list)) {
      const fields = cache.record(list.get(id));
      if (fields) out.push({ ...fields, id });
      else {
        repairs.push({ kind: 'drop', list: name, id });
        messages.push(`Removed ${NOUN[name]} ${quote(id)}: it is not a ${NOUN[name]} record.`);
      }
    }
    return out;
  };
  return {
    format: 'stakemap',
    version: FORMAT_VERSION,
    title: m('title'),
    definition: m('definition'),
    definitionNote: m('definitionNote'),
    currency: m('currency'),
    organization,
    stakeholders: read(STAKEHOLDERS),
    relations: read(RELATIONS),
  };
}

const RECORD_PATH = /^(stakeholders|relations)\[(\d+)\](?:\.(\w+))?/;

/** The repair for one problem parseMap found; undefined when it has none. */
function fixFor(problem: Problem, file: RawFile, before: ReturnType<typeof flatten> | undefined): Fix | undefined {
  const detail = problem.path && problem.message.startsWith(`${problem.path}: `) ? problem.message.slice(problem.path.length + 2) : problem.message;
  const record = RECORD_PATH.exec(problem.path);
  if (record) {
    const list = record[1] as ListName;
    const entry = file[list][Number(record[2])];
    if (!entry) return undefined;
    return fixRecord(list, entry, record[3], detail, before?.[list].get(entry.id));
  }
  if (problem.path === STAKEHOLDERS || problem.path === RELATIONS) return fixCount(problem.path, file, detail);
  const metaPath = Object.keys(META_KEYS).find((p) => problem.path === p || problem.path.startsWith(`${p}.`));
  if (!metaPath) return undefined;
  const field = META_KEYS[metaPath]!;
  const old = before?.meta[field];
  const label = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  if (old !== undefined) return { repairs: [{ kind: 'set', list: 'meta', field, value: old }], message: `Kept the previous ${label}: ${detail}.` };
  if (field === 'title' || field === 'organizationName') {
    const value = field === 'title' ? DEFAULT_TITLE : DEFAULT_ORGANIZATION;
    return { repairs: [{ kind: 'set', list: 'meta', field, value }], message: `Set the ${label} to ${quote(value)}: ${detail}.` };
  }
  return { repairs: [{ kind: 'delete', list: 'meta', field }], message: `Removed the ${label}: ${detail}.` };
}

function fixRecord(list: ListName, entry: RawRecord, field: string | undefined, detail: string, old: Fields | undefined): Fix {
  const what = `${NOUN[list]} ${quote(entry.id)}${typeof entry.name === 'string' ? ` (${quote(entry.name)})` : ''}`;
  const keep = field !== undefined && field !== 'id' && field !== 'from' && field !== 'to';
  if (keep && old?.[field] !== undefined)
    return { repairs: [{ kind: 'set', list, id: entry.id, field, value: old[field] }], message: `Kept the previous ${field} of ${what}: ${detail}.` };
  if (keep && !REQUIRED[list].includes(field))
    return { repairs: [{ kind: 'delete', list, id: entry.id, field }], message: `Removed the ${field} of ${what}: ${detail}.` };
  return { repairs: [{ kind: 'drop', list, id: entry.id }], message: `Removed ${what}: ${field ? `${field}: ` : ''}${detail}.` };
}

/** Too many records: the last ones in the list go (the most recently added, as lists grow at the end). */
function fixCount(list: ListName, file: RawFile, detail: string): Fix | undefined {
  const max = list === STAKEHOLDERS ? LIMITS.stakeholders : LIMITS.relations;
  const extra = file[list].slice(max);
  if (extra.length === 0) return undefined;
  return {
    repairs: extra.map((e): Repair => ({ kind: 'drop', list, id: e.id })),
    message: `Removed the last ${extra.length.toLocaleString('en-US')} ${list}: ${detail}.`,
  };
}

function applyToFile(file: RawFile, repair: Repair): void {
  if (repair.kind === 'drop') {
    const list = repair.list;
    if (list === STAKEHOLDERS || list === RELATIONS) file[list] = file[list].filter((e) => e.id !== repair.id);
    return;
  }
  const target: Record<string, unknown> | undefined = repair.list === 'meta' ? undefined : file[repair.list].find((e) => e.id === repair.id);
  if (repair.list === 'meta') setMeta(file, repair.field, repair.kind === 'set' ? repair.value : undefined);
  else if (target) {
    if (repair.kind === 'set') target[repair.field] = repair.value;
    else delete target[repair.field];
  }
}

function setMeta(file: RawFile, field: string, value: unknown): void {
  if (field === 'organizationName') file.organization.name = value;
  else if (field === 'organizationPosition') {
    if (value === undefined) delete file.organization.position;
    else file.organization.position = value;
  } else if (field === 'title' || field === 'definition' || field === 'definitionNote' || field === 'currency') file[field] = value;
}

/** A piece of a peer's text, shortened and quoted, for a message (text only). */
function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text}”`;
}
