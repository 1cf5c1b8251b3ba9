import { describe, expect, it } from 'vitest';
import type { Definition, Label } from '../../../src/domain/model';
import { mislabeledCustomer } from '../../../src/domain/rules';
import { mapOf, rels, sh, subjectOf } from './helpers';

/** One stakeholder `s`, labelled `label`, with the given relations. */
function check(label: Label, relations: string[], definition: Definition = 'user', side: 'internal' | 'external' = 'external', others = [sh('x'), sh('y')]) {
  const map = mapOf([sh('s', label, side), ...others], rels(...relations));
  return mislabeledCustomer.check(subjectOf(map, 's', definition));
}

describe('mislabeled customers: the rule id names the role', () => {
  it('customer-is-colleague: an internal team called customer', () => {
    expect(check('customer', ['x support s'], 'user', 'internal')).toMatchObject({
      rule: 'customer-is-colleague',
      severity: 'warning',
      suggestedLabel: 'colleague',
    });
  });

  it('customer-is-partner: passes the offering on', () => {
    expect(check('client', ['us offering s', 's money us', 's offering x', 'x money s'])).toMatchObject({
      rule: 'customer-is-partner',
      severity: 'warning',
      suggestedLabel: 'partner',
    });
  });

  it('customer-is-end-user: only under payer, uses but does not pay', () => {
    expect(check('customer', ['us offering s'], 'payer')).toMatchObject({
      rule: 'customer-is-end-user',
      severity: 'info',
      suggestedLabel: null,
    });
    expect(check('customer', ['us offering s'], 'user')).toBeNull();
    expect(check('customer', ['us offering s'], 'served')).toBeNull();
  });

  it('customer-is-supplier', () => {
    expect(check('customer', ['s supply us', 'us money s'])).toMatchObject({
      rule: 'customer-is-supplier',
      severity: 'warning',
      suggestedLabel: 'supplier',
    });
  });

  it('customer-is-intermediary: we pay it', () => {
    expect(check('customer', ['us money s', 's advice x'])).toMatchObject({
      rule: 'customer-is-intermediary',
      severity: 'warning',
      suggestedLabel: 'intermediary',
    });
  });

  it('customer-is-payer: pays, while someone else (or no one) uses the offering', () => {
    const expected = { rule: 'customer-is-payer', severity: 'info', suggestedLabel: null };
    expect(check('customer', ['s money us'])).toMatchObject(expected);
    expect(check('customer', ['s money x', 'x offering y', 's offering y'])).toMatchObject(expected);
  });

  it('customer-is-referrer: suggests partner', () => {
    expect(check('client', ['s referral us'])).toMatchObject({
      rule: 'customer-is-referrer',
      severity: 'warning',
      suggestedLabel: 'partner',
    });
  });

  it('customer-unreached: connected, but nothing shows the offering reaching it', () => {
    expect(check('customer', ['s insight us'])).toMatchObject({
      rule: 'customer-unreached',
      severity: 'info',
      suggestedLabel: null,
    });
  });

  it('stays quiet when S counts as a customer, is isolated, or has another label', () => {
    expect(check('customer', ['us offering s', 's money us'])).toBeNull();
    expect(check('customer', [])).toBeNull();
    expect(check('partner', ['s referral us'])).toBeNull();
    expect(check('other', ['s money us'])).toBeNull();
  });

  it('does not warn a team that calls a colleague customer under served', () => {
    expect(check('customer', ['us support s'], 'served', 'internal')).toBeNull();
    expect(check('customer', ['x insight s'], 'served', 'internal')).toMatchObject({ rule: 'customer-is-colleague' });
  });

  it('declares what it can produce and for which labels', () => {
    expect([...mislabeledCustomer.produces].sort()).toEqual([
      'customer-is-colleague',
      'customer-is-end-user',
      'customer-is-intermediary',
      'customer-is-partner',
      'customer-is-payer',
      'customer-is-referrer',
      'customer-is-supplier',
      'customer-unreached',
    ]);
    expect(mislabeledCustomer.labels).toEqual(['customer', 'client']);
  });
});
