import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFINITIONS, KINDS, LABELS, SIDES, type Definition, type Label, type Side } from '../../../src/domain/model';
import {
  clientCustomersUnmapped,
  clientWithoutAdvice,
  colleagueIsExternal,
  customerIsClient,
  externalColleagueLabel,
  hiddenCustomer,
  isolated,
  partnerHidesCustomers,
  STAKEHOLDER_RULES,
  ISOLATED_RULES,
  type StakeholderRule,
} from '../../../src/domain/rules';
import { mapOf, rels, sh, subjectOf } from './helpers';

function run(rule: StakeholderRule, label: Label, relations: string[], definition: Definition = 'user', side: Side = 'external') {
  const map = mapOf([sh('s', label, side), sh('x'), sh('y'), sh('team', 'colleague', 'internal')], rels(...relations));
  return rule.check(subjectOf(map, 's', definition));
}

describe('hidden-customer', () => {
  it('an external "other" that counts as a customer', () => {
    expect(run(hiddenCustomer, 'other', ['x offering s'])).toMatchObject({ rule: 'hidden-customer', severity: 'info', suggestedLabel: 'customer' });
    expect(run(hiddenCustomer, 'other', ['s money us'], 'payer')).toMatchObject({ rule: 'hidden-customer' });
    expect(run(hiddenCustomer, 'other', ['team advice s'], 'served')).toMatchObject({ rule: 'hidden-customer' });
  });

  it('not for internal stakeholders, other labels, or ones that do not count', () => {
    expect(run(hiddenCustomer, 'other', ['us support s'], 'served', 'internal')).toBeNull();
    expect(run(hiddenCustomer, 'partner', ['x offering s'])).toBeNull();
    expect(run(hiddenCustomer, 'other', ['s money us'], 'user')).toBeNull();
  });
});

describe('partner-hides-customers', () => {
  it('a partner that gets the offering and passes it to no one', () => {
    expect(run(partnerHidesCustomers, 'partner', ['us offering s', 's money us'])).toMatchObject({
      rule: 'partner-hides-customers',
      severity: 'info',
      suggestedLabel: null,
    });
  });

  it('not once it passes the offering on', () => {
    expect(run(partnerHidesCustomers, 'partner', ['us offering s', 's offering x'])).toBeNull();
  });
});

describe('colleague-is-external: the suggestion follows what the map shows', () => {
  const cases: [string, string[], Definition, Label][] = [
    ['counts as a customer', ['us offering s', 's money us'], 'user', 'customer'],
    ['counts under served through advice', ['us advice s'], 'served', 'customer'],
    ['partner', ['us offering s', 's offering x'], 'user', 'partner'],
    ['referrer', ['s referral us'], 'user', 'partner'],
    ['supplier', ['s supply us', 'us money s'], 'user', 'supplier'],
    ['intermediary', ['us money s'], 'user', 'intermediary'],
    ['payer', ['s money us'], 'user', 'other'],
    ['unreached', ['s insight us'], 'user', 'other'],
    ['isolated (the checker gives it only `isolated`)', [], 'user', 'other'],
  ];
  it.each(cases)('%s', (_, relations, definition, label) => {
    expect(run(colleagueIsExternal, 'colleague', relations, definition)).toMatchObject({
      rule: 'colleague-is-external',
      severity: 'warning',
      suggestedLabel: label,
    });
  });

  it('an internal colleague is fine', () => {
    expect(run(colleagueIsExternal, 'colleague', ['us offering s'], 'user', 'internal')).toBeNull();
  });

  it('externalColleagueLabel never suggests client or colleague', () => {
    for (const counts of [true, false]) {
      for (const role of ['partner', 'payer', 'end-user', 'supplier', 'intermediary', 'referrer', 'unreached'] as const) {
        expect(['customer', 'partner', 'supplier', 'intermediary', 'other']).toContain(externalColleagueLabel(role, counts));
      }
    }
  });
});

describe('clients and customers', () => {
  it('client-without-advice: a client that counts but gets no advice', () => {
    expect(run(clientWithoutAdvice, 'client', ['us offering s', 's money us'])).toMatchObject({
      rule: 'client-without-advice',
      severity: 'info',
      suggestedLabel: 'customer',
    });
    expect(run(clientWithoutAdvice, 'client', ['us offering s', 'team advice s'])).toBeNull();
  });

  it('customer-is-client: an advised customer', () => {
    expect(run(customerIsClient, 'customer', ['us offering s', 'us advice s'])).toMatchObject({
      rule: 'customer-is-client',
      severity: 'info',
      suggestedLabel: 'client',
    });
    expect(run(customerIsClient, 'customer', ['us offering s', 'x advice s'])).toBeNull();
    expect(run(customerIsClient, 'customer', ['us advice s'], 'user')).toBeNull();
  });

  it('client-customers-unmapped: an advised client whose own customers are not drawn', () => {
    expect(run(clientCustomersUnmapped, 'client', ['us offering s', 'us advice s'])).toMatchObject({
      rule: 'client-customers-unmapped',
      severity: 'info',
      suggestedLabel: null,
    });
    expect(run(clientCustomersUnmapped, 'client', ['us offering s', 'us advice s', 's serves x'])).toBeNull();
  });

  it('none of them for internal stakeholders', () => {
    for (const rule of [clientWithoutAdvice, customerIsClient, clientCustomersUnmapped]) {
      for (const label of ['client', 'customer'] as const) {
        expect(run(rule, label, ['us offering s', 'us advice s', 'us support s'], 'served', 'internal')).toBeNull();
      }
    }
  });
});

describe('isolated', () => {
  it('fires for a stakeholder with no relation, whatever its label', () => {
    for (const label of LABELS) expect(run(isolated, label, ['x insight y'])).toMatchObject({ rule: 'isolated', severity: 'info', suggestedLabel: null });
    expect(run(isolated, 'customer', ['s insight us'])).toBeNull();
  });

  it('is the only rule for isolated stakeholders', () => {
    expect(ISOLATED_RULES).toEqual([isolated]);
    expect(STAKEHOLDER_RULES).not.toContain(isolated);
  });
});

describe('every stakeholder rule', () => {
  it('fires only for the labels it declares', () => {
    for (const rule of STAKEHOLDER_RULES) {
      for (const label of LABELS.filter((l) => !rule.labels.includes(l))) {
        for (const definition of DEFINITIONS) {
          expect(run(rule, label, ['us offering s', 's money us', 'us advice s', 's offering x', 'us money s'], definition)).toBeNull();
        }
      }
    }
  });

  it('never suggests customer or client for an internal stakeholder (any map, any definition)', () => {
    const ids = ['s', 'x', 'us'];
    const relation = fc
      .tuple(fc.constantFrom(...ids), fc.constantFrom(...KINDS), fc.constantFrom(...ids))
      .filter(([from, , to]) => from !== to)
      .map(([from, kind, to]) => `${from} ${kind} ${to}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...LABELS),
        fc.constantFrom(...SIDES),
        fc.constantFrom(...DEFINITIONS),
        fc.array(relation, { maxLength: 6 }),
        (label, side, definition, relations) => {
          const map = mapOf([sh('s', label, 'internal'), sh('x', 'other', side)], rels(...relations));
          const subject = subjectOf(map, 's', definition);
          for (const rule of [...STAKEHOLDER_RULES, ...ISOLATED_RULES]) {
            const hit = rule.check(subject);
            expect(hit?.suggestedLabel === 'customer' || hit?.suggestedLabel === 'client').toBe(false);
          }
        },
      ),
    );
  });
});
