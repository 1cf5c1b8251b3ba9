// Every rule the checker runs, by family. Adding a rule: write it in its
// family's file, list it there, and give it words in messages.ts.
import { MAP_RULES } from './map';
import { MISLABELED_RULES } from './mislabeled';
import { isolated, OTHER_STAKEHOLDER_RULES } from './stakeholder';
import { LABELS, type Label } from '../model';
import type { MapRule, StakeholderRule } from './types';

/** Rules for a stakeholder that has at least one relation. */
export const STAKEHOLDER_RULES: readonly StakeholderRule[] = [...MISLABELED_RULES, ...OTHER_STAKEHOLDER_RULES];

/** The only rule for a stakeholder with no relation. */
export const ISOLATED_RULES: readonly StakeholderRule[] = [isolated];

/** STAKEHOLDER_RULES by the label they apply to, in list order. */
export function rulesByLabel(rules: readonly StakeholderRule[] = STAKEHOLDER_RULES): ReadonlyMap<Label, readonly StakeholderRule[]> {
  return new Map(LABELS.map((label) => [label, rules.filter((rule) => rule.labels.includes(label))]));
}

export { MAP_RULES };
export type { MapRule, StakeholderRule };
export * from './types';
export { mislabeledCustomer } from './mislabeled';
export {
  hiddenCustomer,
  partnerHidesCustomers,
  colleagueIsExternal,
  clientWithoutAdvice,
  customerIsClient,
  clientCustomersUnmapped,
  clientAtFirstStep,
  customerCouldBeClient,
  isolated,
  externalColleagueLabel,
} from './stakeholder';
export { noCustomer, noOfferingFlow } from './map';
