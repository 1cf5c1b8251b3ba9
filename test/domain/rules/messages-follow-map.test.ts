// Messages say only what the map shows: "no one" only when no one is drawn,
// and otherwise the names (up to three, then "and N others").
import { describe, expect, it } from 'vitest';
import { checkMap, type RuleId } from '../../../src/domain/check';
import type { Definition, StakeMap } from '../../../src/domain/model';
import { buildGuidedMap, EMPTY_ANSWERS } from '../../../src/workshop/guided';
import { mapOf, ORG, rels, sh } from './helpers';

function message(map: StakeMap, rule: RuleId, definition?: Definition, stakeholder?: string): string {
  const found = checkMap(map, definition).find((f) => f.rule === rule && (stakeholder === undefined || f.stakeholder === stakeholder));
  expect(found, `no ${rule}`).toBeDefined();
  return found!.message;
}

const users = (n: number) => Array.from({ length: n }, (_, k) => sh(`u${k}`, 'other', 'external', `User ${k + 1}`));
const offeringsTo = (n: number) => Array.from({ length: n }, (_, k) => `us offering u${k}`);

describe('customer-is-payer names who uses what is paid for', () => {
  it('a payer of us: names the users of our offering', () => {
    const map = mapOf([sh('d', 'customer', 'external', 'Donors'), ...users(1)], rels('d money us', ...offeringsTo(1)));
    const text = message(map, 'customer-is-payer');
    expect(text).toContain('Donors paying Acme Org for your offering, and User 1 using it');
    expect(text).not.toContain('no one');
  });

  it('lists three users, then "and N others"', () => {
    const map = mapOf([sh('d', 'customer', 'external', 'Donors'), ...users(5)], rels('d money us', ...offeringsTo(5)));
    expect(message(map, 'customer-is-payer')).toContain('User 1, User 2, User 3 and 2 others using it');
    const four = mapOf([sh('d', 'customer', 'external', 'Donors'), ...users(4)], rels('d money us', ...offeringsTo(4)));
    expect(message(four, 'customer-is-payer')).toContain('User 1, User 2, User 3 and 1 other using it');
  });

  it('a parent paying a shop: names the child the shop hands the offering to, not other users', () => {
    const map = mapOf(
      [sh('p', 'customer', 'external', 'Parents'), sh('shop', 'partner', 'external', 'Toy shop'), sh('c', 'other', 'external', 'Children'), sh('x', 'other', 'external', 'Schools')],
      rels('p money shop', 'us offering shop', 'shop offering c', 'us offering x'),
    );
    const text = message(map, 'customer-is-payer');
    expect(text).toContain('Parents paying Toy shop for your offering, and Children using it');
    expect(text).not.toContain('Schools');
  });

  it('premiums through a broker: names the users of our offering', () => {
    const map = mapOf(
      [sh('h', 'customer', 'external', 'Policyholders'), sh('b', 'intermediary', 'external', 'Broker'), sh('i', 'other', 'external', 'Insured drivers')],
      rels('h money b', 'b money us', 'us offering i'),
    );
    expect(message(map, 'customer-is-payer')).toContain('and Insured drivers using it');
  });

  it('says "no one" only when no one is drawn using it, under user and served', () => {
    const map = mapOf([sh('d', 'customer', 'external', 'Donors'), sh('t', 'colleague', 'internal', 'Kitchen')], rels('d money us', 'us offering t'));
    for (const definition of ['user', 'served'] as const) expect(message(map, 'customer-is-payer', definition)).toContain('no one using what is paid for');
  });
});

describe('customer-is-end-user (whoever pays) names who pays', () => {
  it('names who pays us for what the user gets', () => {
    const map = mapOf([sh('k', 'client', 'external', 'Kids'), sh('p', 'customer', 'external', 'Parents')], rels('us offering k', 'p money us'));
    const text = message(map, 'customer-is-end-user', 'payer');
    expect(text).toContain('Kids using your offering, and Parents paying for it');
    expect(text).not.toContain('draw who pays');
  });

  it('follows the offering chain back: names who pays the shop it comes from', () => {
    const map = mapOf(
      [sh('shop', 'partner', 'external', 'Shop'), sh('k', 'customer', 'external', 'Kids'), sh('p', 'other', 'external', 'Parents')],
      rels('us offering shop', 'shop offering k', 'p money shop'),
    );
    expect(message(map, 'customer-is-end-user', 'payer', 'k')).toContain('and Parents paying for it');
  });

  it('asks to draw who pays only when no one is drawn paying', () => {
    const map = mapOf([sh('k', 'client', 'external', 'Kids'), sh('s', 'supplier', 'external', 'Mill')], rels('us offering k', 's supply us'));
    expect(message(map, 'customer-is-end-user', 'payer')).toContain('no one paying for it');
  });
});

describe('other messages follow the map', () => {
  it('hidden-customer and partner-hides-customers: an offering handed inside is not "passed to no one"', () => {
    const map = mapOf(
      [sh('a', 'other', 'external', 'Agency'), sh('p', 'partner', 'external', 'Reseller'), sh('t', 'colleague', 'internal', 'Sales')],
      rels('us offering a', 'a offering t', 'us offering p', 'p offering t'),
    );
    expect(message(map, 'hidden-customer', 'user', 'a')).toContain(`passing it to no one outside ${ORG}`);
    expect(message(map, 'partner-hides-customers', 'user', 'p')).toContain(`passing it to no one outside ${ORG}`);
  });

  it('client-without-advice under whoever pays: says they pay, not that they get the offering', () => {
    const map = mapOf([sh('c', 'client', 'external', 'Council')], rels('c money us'));
    const text = message(map, 'client-without-advice', 'payer');
    expect(text).toContain(`shows them paying ${ORG} for your offering`);
    expect(text).not.toContain('get a well-defined offering');
  });

  it('client-without-advice under anyone we serve: names the support they get', () => {
    const map = mapOf([sh('c', 'client', 'external', 'Council'), sh('t', 'colleague', 'internal', 'Helpdesk')], rels('t support c'));
    expect(message(map, 'client-without-advice', 'served')).toContain('shows them getting support from Helpdesk');
  });

  it('client-customers-unmapped: a client shown handing the offering on is not said to have no one', () => {
    const map = mapOf(
      [sh('c', 'client', 'external', 'Hospital'), sh('n', 'other', 'external', 'Nurses')],
      rels('c money us', 'us offering c', 'c offering n', 'us advice c'),
    );
    const text = message(map, 'client-customers-unmapped', 'payer');
    expect(text).toContain('passing your offering on to Nurses');
    expect(text).not.toContain('not on the map yet');
  });

  it('colleague-is-external: a stakeholder that supports us is not said to do nothing for us', () => {
    const map = mapOf([sh('c', 'colleague', 'external', 'Volunteers'), sh('u', 'other', 'external', 'Guests')], rels('c support us', 'us offering u'));
    const text = message(map, 'colleague-is-external');
    expect(text).not.toContain('Nothing on the map says');
    expect(text).toContain('None of their relations shows them to be a customer');
  });

  it('no-customer under the user definition names who the offering reaches', () => {
    const map = mapOf([sh('t', 'colleague', 'internal', 'Kitchen')], rels('us offering t'));
    const text = message(map, 'no-customer');
    expect(text).toContain('reaching only Kitchen');
    expect(text).not.toContain('nothing shows anyone');
  });

  it('no-customer under whoever pays names who pays but does not count', () => {
    const map = mapOf([sh('s', 'supplier', 'external', 'Mill')], rels('s supply us', 'us money s', 's money us'));
    expect(message(map, 'no-customer', 'payer')).toContain('only Mill paying for your offering');
    const none = mapOf([sh('s', 'supplier', 'external', 'Mill')], rels('s supply us'));
    expect(message(none, 'no-customer', 'payer')).toContain('nothing shows anyone paying for your offering');
  });
});

describe('the guided start', () => {
  it('draws payers who neither pass the offering on nor use it paying the organization', () => {
    const map = buildGuidedMap({
      ...EMPTY_ANSWERS,
      organization: 'City Food Bank',
      users: ['Families'],
      passers: ['Partner pantries'],
      payers: ['Donors', 'Families'],
    });
    const flows = map.relations.map((r) => `${r.from}-${r.kind}->${r.to}`);
    const id = (name: string) => map.stakeholders.find((s) => s.name === name)!.id;
    expect(flows).toContain(`${id('Donors')}-money->us`);
    expect(flows).toContain(`${id('Families')}-money->${id('Partner pantries')}`);
    expect(flows).not.toContain(`${id('Donors')}-money->${id('Partner pantries')}`);
    const donors = checkMap(map).find((f) => f.stakeholder === id('Donors'))!;
    expect(donors.message).toContain('Families using it');
  });
});

describe('docs/RULES.md quotes the words the app gives', () => {
  it('customer-is-end-user on the Pupils example', () => {
    const map = mapOf([sh('p', 'customer', 'external', 'Pupils'), sh('d', 'customer', 'external', 'School district')], rels('us offering p', 'd money us'));
    expect(message(map, 'customer-is-end-user', 'payer')).toBe(
      'The map shows Pupils using your offering, and School district paying for it. Under your definition the customer is whoever pays, as School district does: keep designing for Pupils as its user.',
    );
  });
});
