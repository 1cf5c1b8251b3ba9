// What the map shows each stakeholder to be, and the customer count built on
// it: "You call 5 stakeholders customers; under your definition 2 are."
import { listNames } from './messages';
import { computeFacts, factsAt, type FactBits, type MapFacts } from './facts';
import { definitionOf, isCustomerLabel, type Definition, type StakeMap } from './model';
import { assertDefinition, countsAsCustomer, roleOf, type Role } from './roles';

export interface CustomerSummary {
  /** Stakeholders the team labels customer or client. */
  readonly calledCustomers: number;
  /** Stakeholders that count as customers under the definition, whatever their label. */
  readonly countedCustomers: number;
  /** Stakeholders labelled customer or client that also count as customers. */
  readonly calledAndCounted: number;
}

export interface StakeholderView {
  readonly role: Role;
  readonly countsAsCustomer: boolean;
  /** Test with `facts & FACT.name`, or list with `factNames(facts)`. */
  readonly facts: FactBits;
}

/** The view of every stakeholder (by id, in file order), from facts already computed. */
export function viewsOf(map: StakeMap, def: Definition, facts: MapFacts): Map<string, StakeholderView> {
  const views = new Map<string, StakeholderView>();
  map.stakeholders.forEach((s, i) => {
    const bits = factsAt(facts, i);
    const role = roleOf(bits);
    views.set(s.id, { role, countsAsCustomer: countsAsCustomer(bits, role, def), facts: bits });
  });
  return views;
}

/** The customer count, from the views of the same map. */
export function summaryOf(map: StakeMap, views: ReadonlyMap<string, StakeholderView>): CustomerSummary {
  let called = 0;
  let counted = 0;
  let both = 0;
  for (const s of map.stakeholders) {
    const counts = views.get(s.id)?.countsAsCustomer === true;
    const calls = isCustomerLabel(s.label);
    if (calls) called++;
    if (counts) counted++;
    if (calls && counts) both++;
  }
  return { calledCustomers: called, countedCustomers: counted, calledAndCounted: both };
}

/**
 * The summary line, in one wording for the app, exports and the CLI:
 * "You call 5 stakeholders customers; under your definition 2 are."
 */
export function sentenceOf(summary: CustomerSummary): string {
  const { calledCustomers: called, calledAndCounted: kept, countedCustomers: counted } = summary;
  const stakeholders = (n: number) => (n === 1 ? '1 stakeholder' : `${n} stakeholders`);
  const first =
    called === 0
      ? 'You call no stakeholder a customer yet.'
      : `You call ${stakeholders(called)} ${called === 1 ? 'a customer' : 'customers'}; under your definition ${kept} ${kept === 1 ? 'is' : 'are'}.`;
  const unnamed = counted - kept;
  const second = unnamed > 0 ? ` ${stakeholders(unnamed)} more ${unnamed === 1 ? 'counts' : 'count'} as a customer without being called one.` : '';
  return first + second;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 others": the same lists as the findings. */
export function nameList(names: readonly string[]): string {
  return listNames(names);
}

/**
 * The summary line that names who it counts, for the findings panel and the
 * presentation: "You call 2 stakeholders customers; under your definition 1
 * is: Grocery chains. 1 stakeholder more counts as a customer without being
 * called one: Families who eat the cereal."
 */
export function namedSentenceOf(map: StakeMap, views: ReadonlyMap<string, StakeholderView>, summary: CustomerSummary = summaryOf(map, views)): string {
  const kept: string[] = [];
  const unnamed: string[] = [];
  for (const s of map.stakeholders) {
    if (views.get(s.id)?.countsAsCustomer !== true) continue;
    (isCustomerLabel(s.label) ? kept : unnamed).push(s.name);
  }
  const [first, second] = sentenceOf(summary).split(/(?<=\.) /);
  const withNames = (sentence: string, names: string[]) => (names.length > 0 ? `${sentence.replace(/\.$/, '')}: ${nameList(names)}.` : sentence);
  return [withNames(first!, kept), second ? withNames(second, unnamed) : ''].filter(Boolean).join(' ');
}

/** What the map shows each stakeholder to be (by id), for badges and the inspector. */
export function stakeholderViews(map: StakeMap, definition?: Definition): Map<string, StakeholderView> {
  return viewsOf(map, assertDefinition(definition ?? definitionOf(map)), computeFacts(map));
}

/** For "You call 5 stakeholders customers; under your definition 2 are." */
export function customerSummary(map: StakeMap, definition?: Definition): CustomerSummary {
  return summaryOf(map, stakeholderViews(map, definition));
}

export function customerSentence(map: StakeMap, definition?: Definition): string {
  return sentenceOf(customerSummary(map, definition));
}
