// client-at-first-step and customer-could-be-client, under all three definitions.
import { describe, expect, it } from 'vitest';
import { checkMap } from '../../../src/domain/check';
import { DEFINITIONS, type Definition, type StakeMap, type Stakeholder } from '../../../src/domain/model';
import { clientAtFirstStep, customerCouldBeClient } from '../../../src/domain/rules';
import { mapOf, rels, sh, subjectOf } from './helpers';

const withFields = (s: Stakeholder, fields: Partial<Stakeholder>): Stakeholder => ({ ...s, ...fields });
/** Relations that make `id` count as a customer under every definition: it gets the offering and pays for it. */
const customerOf = (id: string) => [`us offering ${id}`, `${id} money us`];

const rulesFor = (map: StakeMap, id: string, definition: Definition) =>
  checkMap(map, definition)
    .filter((f) => f.stakeholder === id)
    .map((f) => f.rule);

describe('client-at-first-step', () => {
  const map = (depth: number | undefined, side: 'external' | 'internal' = 'external') =>
    mapOf([withFields(sh('c', 'client', side, 'Corner shop'), depth === undefined ? {} : { depth: depth as 1 })], rels(...customerOf('c'), 'us advice c', 'c serves us'));

  it.each(DEFINITIONS)('fires for a client at the first step, suggesting customer (under %s)', (definition) => {
    expect(clientAtFirstStep.check(subjectOf(map(1), 'c', definition))).toMatchObject({ rule: 'client-at-first-step', severity: 'info', suggestedLabel: 'customer' });
    expect(rulesFor(map(1), 'c', definition)).toEqual(['client-at-first-step']);
  });

  it.each(DEFINITIONS)('stays quiet past the first step, without a depth, or inside (under %s)', (definition) => {
    for (const depth of [2, 3, 4, undefined]) expect(rulesFor(map(depth), 'c', definition)).not.toContain('client-at-first-step');
    expect(clientAtFirstStep.check(subjectOf(map(1, 'internal'), 'c', definition))).toBeNull();
  });

  it('is only for clients, and never for an isolated stakeholder', () => {
    const customer = mapOf([withFields(sh('c', 'customer'), { depth: 1 })], rels(...customerOf('c')));
    expect(rulesFor(customer, 'c', 'user')).not.toContain('client-at-first-step');
    const alone = mapOf([withFields(sh('c', 'client'), { depth: 1 })]);
    expect(rulesFor(alone, 'c', 'user')).toEqual(['isolated']);
  });

  it('names the step and its meaning, and why', () => {
    const [finding] = checkMap(map(1)).filter((f) => f.rule === 'client-at-first-step');
    expect(finding!.message).toContain('Corner shop');
    expect(finding!.message).toContain('subject expert');
    expect(finding!.why).toMatch(/consultative/);
  });
});

describe('customer-could-be-client', () => {
  /** Ten valued customers: the top fifth is the two most valuable. */
  function market(top: Partial<Stakeholder>, second: Partial<Stakeholder> = {}): StakeMap {
    const people = Array.from({ length: 10 }, (_, k) => withFields(sh(`c${k}`, 'customer', 'external', `Customer ${k}`), { value: (10 - k) * 1000 }));
    people[0] = withFields(people[0]!, top);
    people[1] = withFields(people[1]!, second);
    return mapOf(people, rels(...people.flatMap((p) => customerOf(p.id))));
  }

  it.each(DEFINITIONS)('fires for a top-fifth customer past the first step, suggesting client (under %s)', (definition) => {
    const map = market({ depth: 2 }, { depth: 3 });
    expect(customerCouldBeClient.check(subjectOf(map, 'c0', definition))).toMatchObject({ rule: 'customer-could-be-client', severity: 'info', suggestedLabel: 'client' });
    expect(rulesFor(map, 'c0', definition)).toEqual(['customer-could-be-client']);
    expect(rulesFor(map, 'c1', definition)).toEqual(['customer-could-be-client']);
  });

  it.each(DEFINITIONS)('fires when we advise them, whatever the depth (under %s)', (definition) => {
    const people = market({}).stakeholders;
    const map = mapOf([...people], rels(...people.flatMap((p) => customerOf(p.id)), 'us advice c0'));
    expect(rulesFor(map, 'c0', definition)).toEqual(['customer-could-be-client', 'customer-is-client']);
    expect(checkMap(map, definition).find((f) => f.rule === 'customer-could-be-client')!.evidence).toEqual([map.relations.at(-1)!.id]);
  });

  it.each(DEFINITIONS)('stays quiet below the top fifth, at the first step, or without a value (under %s)', (definition) => {
    const base = market({ depth: 2 });
    const third = { ...base, stakeholders: base.stakeholders.map((s, k) => (k === 2 ? withFields(s, { depth: 4 }) : s)) };
    expect(rulesFor(third, 'c2', definition)).toEqual([]);
    expect(rulesFor(market({ depth: 1 }), 'c0', definition)).toEqual([]);
    expect(rulesFor(market({ depth: 2, value: undefined }), 'c0', definition)).toEqual([]);
  });

  it('counts an estimated value (per purchase × purchases a year) like a given one', () => {
    const map = market({ value: undefined, valuePerPurchase: 1000, purchasesPerYear: 50, depth: 3 });
    expect(rulesFor(map, 'c0', 'user')).toEqual(['customer-could-be-client']);
    expect(checkMap(map).find((f) => f.rule === 'customer-could-be-client')!.message).toContain('50,000 a year');
  });

  it('ranks only the customers under the definition: a payer who uses nothing counts only under payer', () => {
    const people = market({ depth: 2 }).stakeholders;
    const buyer = withFields(sh('b', 'customer', 'external', 'Big buyer'), { value: 1e6, depth: 2 });
    const map = mapOf([...people, buyer], rels(...people.flatMap((p) => customerOf(p.id)), 'b money us'));
    expect(rulesFor(map, 'b', 'payer')).toEqual(['customer-could-be-client']);
    expect(rulesFor(map, 'b', 'user')).not.toContain('customer-could-be-client');
    expect(rulesFor(map, 'b', 'served')).not.toContain('customer-could-be-client');
    // Under payer, 11 customers have a value: the top fifth is two places, Big buyer and Customer 0.
    expect(rulesFor(map, 'c0', 'payer')).toEqual(['customer-could-be-client']);
  });

  it('is only for external customers labelled customer', () => {
    const asClient = market({ depth: 2, label: 'client' });
    expect(rulesFor(asClient, 'c0', 'user')).not.toContain('customer-could-be-client');
    const inside = market({ depth: 2, side: 'internal' });
    expect(customerCouldBeClient.check(subjectOf(inside, 'c0', 'served'))).toBeNull();
  });
});
