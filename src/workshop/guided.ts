// "Who is your customer?" as answers → an ordinary map. Pure: the wizard only
// collects answers; this decides the stakeholders and what flows between them.
import { LIMITS, ORG_ID, type Label, type Relation, type StakeMap, type Stakeholder } from '../domain';

export interface GuidedAnswers {
  organization: string;
  offering: string;
  /** Who uses the offering: its end users. */
  users: string[];
  /** Who passes it on towards the users, in order from us. */
  passers: string[];
  /** Who pays: any name, given or new. */
  payers: string[];
  /** Whom we pay to sell or advise: intermediaries. */
  paidToSell: string[];
  /** Internal teams involved. */
  teams: string[];
  /** What the team calls each stakeholder, by name (case-insensitive). */
  labels: ReadonlyMap<string, Label>;
}

export const EMPTY_ANSWERS: GuidedAnswers = {
  organization: '',
  offering: '',
  users: [],
  passers: [],
  payers: [],
  paidToSell: [],
  teams: [],
  labels: new Map(),
};

export type Role = 'user' | 'passer' | 'payer' | 'paid' | 'team';

const key = (name: string) => name.trim().toLocaleLowerCase();

/** Splits "one per line" text into clean, distinct names. */
export function namesFrom(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/[\n,;]/)) {
    const name = line.trim().slice(0, LIMITS.name);
    if (name && !seen.has(key(name))) {
      seen.add(key(name));
      out.push(name);
    }
  }
  return out;
}

/** Every named stakeholder once, in the order they were first named, with what they first were. */
export function stakeholdersOf(a: GuidedAnswers): { name: string; role: Role }[] {
  const seen = new Map<string, { name: string; role: Role }>();
  const add = (names: string[], role: Role) => {
    for (const name of names) if (!seen.has(key(name))) seen.set(key(name), { name: name.trim(), role });
  };
  add(a.passers, 'passer');
  add(a.users, 'user');
  add(a.payers, 'payer');
  add(a.paidToSell, 'paid');
  add(a.teams, 'team');
  return [...seen.values()];
}

/** What the wizard proposes before the team says what it calls them. */
export function defaultLabel(role: Role): Label {
  if (role === 'team') return 'colleague';
  if (role === 'paid') return 'partner';
  return 'customer';
}

export function buildGuidedMap(a: GuidedAnswers): StakeMap {
  const people = stakeholdersOf(a);
  const ids = new Map<string, string>();
  const stakeholders: Stakeholder[] = people.map((p, i) => {
    const id = `s${i + 1}`;
    ids.set(key(p.name), id);
    const internal = p.role === 'team';
    return { id, name: p.name, label: a.labels.get(key(p.name)) ?? defaultLabel(p.role), side: internal ? 'internal' : 'external' };
  });
  const idOf = (name: string) => ids.get(key(name))!;
  const relations: Relation[] = [];
  const seen = new Set<string>();
  const relate = (from: string, to: string, kind: Relation['kind'], note?: string) => {
    const tag = `${from}>${to}>${kind}`;
    if (from === to || seen.has(tag)) return;
    seen.add(tag);
    relations.push({ id: `r${relations.length + 1}`, from, to, kind, ...(note ? { note } : {}) });
  };
  const offering = a.offering.trim().slice(0, LIMITS.note) || undefined;

  // The offering travels from us along the chain of passers to the users.
  const chain = [ORG_ID, ...a.passers.map(idOf)];
  for (let i = 1; i < chain.length; i++) relate(chain[i - 1]!, chain[i]!, 'offering', i === 1 ? offering : undefined);
  const last = chain[chain.length - 1]!;
  for (const user of a.users) relate(last, idOf(user), 'offering', chain.length === 1 ? offering : undefined);

  // Payers pay whoever hands them the offering: a passer pays the one before
  // it, a user the last passer. Anyone else (a donor, a parent, an employer)
  // pays us: nothing in the answers says they pay someone else.
  const users = new Set(a.users.map(key));
  for (const payer of a.payers) {
    const id = idOf(payer);
    const at = chain.indexOf(id);
    relate(id, at > 0 ? chain[at - 1]! : users.has(key(payer)) ? last : ORG_ID, 'money');
  }

  // Those we pay to sell or advise earn from us and advise the users.
  for (const paid of a.paidToSell) {
    relate(ORG_ID, idOf(paid), 'money', 'Commission or fee');
    for (const user of a.users) relate(idOf(paid), idOf(user), 'advice');
  }

  // Internal teams support the first party outside that the offering reaches.
  const firstOut = chain[1] ?? (a.users[0] ? idOf(a.users[0]) : undefined);
  for (const team of a.teams) if (firstOut) relate(idOf(team), firstOut, 'support');

  const organization = a.organization.trim().slice(0, LIMITS.name) || 'Our organization';
  return {
    title: `${organization}: who is our customer?`.slice(0, LIMITS.title),
    organization: { name: organization, position: { x: 0, y: 0 } },
    stakeholders,
    relations,
  };
}
