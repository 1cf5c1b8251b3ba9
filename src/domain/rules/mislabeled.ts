// Mislabeled customers: the team calls S a customer or client, the map shows
// S to be something else under the map's definition. The rule id names S's role.
import { FACT } from '../facts';
import { CUSTOMER_LABELS, isCustomerLabel } from '../model';
import type { Role } from '../roles';
import { hit, roleEvidence, type Hit, type StakeholderRule } from './types';

const BY_ROLE: Readonly<Record<Role, Hit>> = {
  colleague: hit('customer-is-colleague', 'warning', 'colleague', 0),
  partner: hit('customer-is-partner', 'warning', 'partner', roleEvidence('partner')),
  'end-user': hit('customer-is-end-user', 'info', null, roleEvidence('end-user')),
  supplier: hit('customer-is-supplier', 'warning', 'supplier', roleEvidence('supplier')),
  intermediary: hit('customer-is-intermediary', 'warning', 'intermediary', roleEvidence('intermediary')),
  payer: hit('customer-is-payer', 'info', null, roleEvidence('payer')),
  referrer: hit('customer-is-referrer', 'warning', 'partner', roleEvidence('referrer')),
  unreached: hit('customer-unreached', 'info', null, 0),
};

export const mislabeledCustomer: StakeholderRule = {
  name: 'mislabeledCustomer',
  produces: Object.values(BY_ROLE).map((h) => h.rule),
  labels: CUSTOMER_LABELS,
  check({ stakeholder, facts, role, counts }) {
    if (!isCustomerLabel(stakeholder.label) || counts || facts & FACT.isolated) return null;
    return BY_ROLE[role];
  },
};

export const MISLABELED_RULES: readonly StakeholderRule[] = [mislabeledCustomer];
