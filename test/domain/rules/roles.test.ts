import { describe, expect, it } from 'vitest';
import { FACT, type FactBits } from '../../../src/domain/facts';
import { DEFINITIONS, type Definition } from '../../../src/domain/model';
import {
  assertDefinition,
  countsAsCustomer,
  DEFINITION_INFO,
  isDefinition,
  ROLE_INFO,
  ROLES,
  roleOf,
  type Role,
} from '../../../src/domain/roles';
import { factsFor, mapOf, rels, sh } from './helpers';

const F = FACT;

describe('roleOf: the first line of the table that holds', () => {
  const cases: [string, FactBits, Role][] = [
    ['internal, whatever else', F.internal | F.passesOfferingOn | F.receivesOffering | F.paysForOffering, 'colleague'],
    ['passes on, paid by others (resells)', F.passesOfferingOn | F.paysForOffering | F.paidByOthers, 'partner'],
    ['passes on without buying', F.passesOfferingOn | F.receivesOffering, 'partner'],
    ['passes on, bought and unpaid (a parent buying for a child)', F.passesOfferingOn | F.paysForOffering, 'payer'],
    ['receives', F.receivesOffering, 'end-user'],
    ['receives and pays, though we pay it too', F.receivesOffering | F.paidByUs | F.paysForOffering, 'end-user'],
    ['receives, paid by us, pays nothing (a paid reviewer)', F.receivesOffering | F.paidByUs, 'intermediary'],
    ['receives, paid by us, supplies us', F.receivesOffering | F.paidByUs | F.suppliesUs, 'supplier'],
    ['supplies us and is paid', F.suppliesUs | F.paidByUs, 'supplier'],
    ['paid by us', F.paidByUs | F.paysForOffering, 'intermediary'],
    ['pays', F.paysForOffering | F.refersToUs, 'payer'],
    ['refers', F.refersToUs, 'referrer'],
    ['advised and supported only', F.advisedByUs | F.supportedByUs | F.servesOwnCustomers, 'unreached'],
    ['nothing at all', 0, 'unreached'],
  ];
  it.each(cases)('%s', (_, facts, role) => {
    expect(roleOf(facts)).toBe(role);
  });

  it('reads roles from a drawn map', () => {
    const map = mapOf(
      [sh('dist'), sh('shop'), sh('family'), sh('parent'), sh('child')],
      rels('us offering dist', 'dist money us', 'dist offering shop', 'shop money dist', 'shop offering family', 'family money shop', 'shop offering parent', 'parent money shop', 'parent offering child'),
    );
    const role = (id: string) => roleOf(factsFor(map, id));
    expect([role('dist'), role('shop'), role('family'), role('parent'), role('child')]).toEqual([
      'partner',
      'partner',
      'end-user',
      'payer',
      'end-user',
    ]);
  });
});

describe('countsAsCustomer', () => {
  const all = (facts: FactBits): Record<Definition, boolean> =>
    Object.fromEntries(DEFINITIONS.map((d) => [d, countsAsCustomer(facts, roleOf(facts), d)])) as Record<Definition, boolean>;

  it('user: the end user only', () => {
    expect(all(F.receivesOffering).user).toBe(true);
    expect(all(F.receivesOffering | F.passesOfferingOn).user).toBe(false);
    expect(all(F.paysForOffering).user).toBe(false);
  });

  it('payer: an outsider who pays, unless supplier or intermediary', () => {
    expect(all(F.paysForOffering).payer).toBe(true);
    expect(all(F.paysForOffering | F.passesOfferingOn | F.paidByOthers).payer).toBe(true);
    expect(all(F.paysForOffering | F.suppliesUs).payer).toBe(false);
    expect(all(F.paysForOffering | F.paidByUs).payer).toBe(false);
    expect(all(F.paysForOffering | F.internal).payer).toBe(false);
    expect(all(F.receivesOffering).payer).toBe(false);
  });

  it('served: gets our offering, support or advice, inside or out', () => {
    expect(all(F.receivesOffering).served).toBe(true);
    expect(all(F.supportedByUs | F.internal).served).toBe(true);
    expect(all(F.advisedByUs).served).toBe(true);
    expect(all(F.paysForOffering | F.refersToUs).served).toBe(false);
  });

  it('a distributor that buys and resells counts only under payer and served', () => {
    expect(all(F.receivesOffering | F.passesOfferingOn | F.paysForOffering | F.paidByOthers)).toEqual({
      user: false,
      payer: true,
      served: true,
    });
  });

  it('throws a clear error for an unknown definition', () => {
    expect(() => countsAsCustomer(0, 'unreached', 'buyer' as Definition)).toThrow(/Unknown definition of customer "buyer"/);
  });
});

describe('definitions', () => {
  it('knows exactly user, payer and served', () => {
    expect(DEFINITIONS.filter(isDefinition)).toEqual(['user', 'payer', 'served']);
    for (const bad of ['', 'User', 'buyer', '__proto__', 'toString', null, undefined, 3]) expect(isDefinition(bad)).toBe(false);
  });

  it('assertDefinition returns a known one and throws for the rest', () => {
    expect(assertDefinition('payer')).toBe('payer');
    expect(() => assertDefinition('everyone')).toThrow('expected one of user, payer, served');
    expect(() => assertDefinition(undefined)).toThrow(Error);
  });

  it('gives each definition a name and one sentence for the picker', () => {
    for (const d of DEFINITIONS) {
      const info = DEFINITION_INFO[d];
      expect(info.id).toBe(d);
      expect(info.name.length).toBeGreaterThan(5);
      expect(info.statement).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  it('describes every role', () => {
    for (const role of ROLES) expect(ROLE_INFO[role].id).toBe(role);
  });
});
