// The other stakeholder rules of docs/RULES.md: labels that hide a customer, a
// partner or a client, external "colleagues", and stakeholders with no relation.
// Internal stakeholders are never suggested to be customers or clients: every
// rule that suggests one of those labels requires side `external`.
import { FACT } from '../facts';
import { LABELS, type Label } from '../model';
import { yearlyValue } from '../relationship';
import type { Role } from '../roles';
import { customerEvidence, hit, roleEvidence, type StakeholderRule } from './types';

const external = (side: string): boolean => side === 'external';

export const hiddenCustomer: StakeholderRule = {
  name: 'hiddenCustomer',
  produces: ['hidden-customer'],
  labels: ['other'],
  check({ stakeholder: s, facts, counts, definition }) {
    if (s.label !== 'other' || !external(s.side) || facts & FACT.isolated || !counts) return null;
    return hit('hidden-customer', 'info', 'customer', customerEvidence(definition));
  },
};

export const partnerHidesCustomers: StakeholderRule = {
  name: 'partnerHidesCustomers',
  produces: ['partner-hides-customers'],
  labels: ['partner'],
  check({ stakeholder: s, role }) {
    if (s.label !== 'partner' || role !== 'end-user') return null;
    return hit('partner-hides-customers', 'info', null, FACT.receivesOffering);
  },
};

/** What an outside "colleague" should be called: what the map shows it to be. */
export function externalColleagueLabel(role: Role, counts: boolean): Label {
  if (counts) return 'customer';
  switch (role) {
    case 'partner':
    case 'referrer':
      return 'partner';
    case 'supplier':
      return 'supplier';
    case 'intermediary':
      return 'intermediary';
    default:
      return 'other';
  }
}

export const colleagueIsExternal: StakeholderRule = {
  name: 'colleagueIsExternal',
  produces: ['colleague-is-external'],
  labels: ['colleague'],
  check({ stakeholder: s, role, counts, definition }) {
    if (s.label !== 'colleague' || !external(s.side)) return null;
    const label = externalColleagueLabel(role, counts);
    return hit('colleague-is-external', 'warning', label, counts ? customerEvidence(definition) : roleEvidence(role));
  },
};

export const clientWithoutAdvice: StakeholderRule = {
  name: 'clientWithoutAdvice',
  produces: ['client-without-advice'],
  labels: ['client'],
  check({ stakeholder: s, facts, counts, definition }) {
    if (s.label !== 'client' || !external(s.side) || !counts || facts & FACT.advisedByUs) return null;
    return hit('client-without-advice', 'info', 'customer', customerEvidence(definition));
  },
};

export const customerIsClient: StakeholderRule = {
  name: 'customerIsClient',
  produces: ['customer-is-client'],
  labels: ['customer'],
  check({ stakeholder: s, facts, counts }) {
    if (s.label !== 'customer' || !external(s.side) || !counts || !(facts & FACT.advisedByUs)) return null;
    return hit('customer-is-client', 'info', 'client', FACT.advisedByUs);
  },
};

export const clientCustomersUnmapped: StakeholderRule = {
  name: 'clientCustomersUnmapped',
  produces: ['client-customers-unmapped'],
  labels: ['client'],
  check({ stakeholder: s, facts, counts }) {
    if (s.label !== 'client' || !external(s.side) || !counts) return null;
    if (!(facts & FACT.advisedByUs) || facts & FACT.servesOwnCustomers) return null;
    return hit('client-customers-unmapped', 'info', null, FACT.advisedByUs);
  },
};

export const clientAtFirstStep: StakeholderRule = {
  name: 'clientAtFirstStep',
  produces: ['client-at-first-step'],
  labels: ['client'],
  check({ stakeholder: s }) {
    if (s.label !== 'client' || !external(s.side) || s.depth !== 1) return null;
    return hit('client-at-first-step', 'info', 'customer', 0);
  },
};

export const customerCouldBeClient: StakeholderRule = {
  name: 'customerCouldBeClient',
  produces: ['customer-could-be-client'],
  labels: ['customer'],
  check({ stakeholder: s, facts, counts, topValue }) {
    if (s.label !== 'customer' || !external(s.side) || !counts || topValue === null) return null;
    const value = yearlyValue(s);
    if (value === undefined || value < topValue) return null;
    const advised = (facts & FACT.advisedByUs) !== 0;
    if (!advised && (s.depth === undefined || s.depth <= 1)) return null;
    return hit('customer-could-be-client', 'info', 'client', advised ? FACT.advisedByUs : 0);
  },
};

const ISOLATED_HIT = hit('isolated', 'info', null, 0);

/** Isolated stakeholders get this rule alone: there is nothing yet to judge. */
export const isolated: StakeholderRule = {
  name: 'isolated',
  produces: ['isolated'],
  labels: LABELS,
  check({ facts }) {
    return facts & FACT.isolated ? ISOLATED_HIT : null;
  },
};

export const OTHER_STAKEHOLDER_RULES: readonly StakeholderRule[] = [
  hiddenCustomer,
  partnerHidesCustomers,
  colleagueIsExternal,
  clientWithoutAdvice,
  customerIsClient,
  clientCustomersUnmapped,
  clientAtFirstStep,
  customerCouldBeClient,
];
