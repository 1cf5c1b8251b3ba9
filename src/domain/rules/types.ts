// The shape every rule shares. A rule only decides: it names the finding, its
// severity, its suggestion and which facts' relations are its evidence. The
// words come from messages.ts, so a rule that does not fire costs nothing.
import { FACT, type FactBits } from '../facts';
import type { Definition, Label, Stakeholder } from '../model';
import type { Role } from '../roles';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const RULE_IDS = [
  'customer-is-colleague',
  'customer-is-partner',
  'customer-is-end-user',
  'customer-is-supplier',
  'customer-is-intermediary',
  'customer-is-payer',
  'customer-is-referrer',
  'customer-unreached',
  'hidden-customer',
  'partner-hides-customers',
  'colleague-is-external',
  'client-without-advice',
  'customer-is-client',
  'client-customers-unmapped',
  'client-at-first-step',
  'customer-could-be-client',
  'isolated',
  'no-offering-flow',
  'no-customer',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What a rule decided; `evidence` is a set of facts whose relations to highlight. */
export interface Hit {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly suggestedLabel: Label | null;
  readonly evidence: FactBits;
}

/** One stakeholder as the rules see it. */
export interface Subject {
  readonly stakeholder: Stakeholder;
  readonly facts: FactBits;
  readonly role: Role;
  /** Whether it counts as a customer under `definition`. */
  readonly counts: boolean;
  readonly definition: Definition;
  /**
   * The smallest yearly value in the top fifth of the map's customers with a
   * value (a value at least this is in it), or null when no customer has one.
   */
  readonly topValue: number | null;
}

/** The whole map as the map rules see it. */
export interface MapSubject {
  readonly stakeholders: number;
  readonly relations: number;
  readonly offerings: number;
  /** How many stakeholders count as customers under `definition`. */
  readonly customers: number;
  readonly definition: Definition;
}

export interface StakeholderRule {
  readonly name: string;
  /** The rule ids this rule can produce. */
  readonly produces: readonly RuleId[];
  /** The labels it can fire for: the checker runs it only for these. */
  readonly labels: readonly Label[];
  check(subject: Subject): Hit | null;
}

export interface MapRule {
  readonly name: string;
  readonly produces: readonly RuleId[];
  check(subject: MapSubject): Hit | null;
}

/** The relations that show a role. */
export function roleEvidence(role: Role): FactBits {
  switch (role) {
    case 'partner':
      return FACT.passesOfferingOn | FACT.paidByOthers;
    case 'payer':
      return FACT.paysForOffering | FACT.passesOfferingOn;
    case 'end-user':
      return FACT.receivesOffering;
    case 'supplier':
      return FACT.suppliesUs;
    case 'intermediary':
      return FACT.paidByUs;
    case 'referrer':
      return FACT.refersToUs;
    default:
      return 0;
  }
}

/** The relations that make a stakeholder count as a customer under a definition. */
export function customerEvidence(definition: Definition): FactBits {
  switch (definition) {
    case 'payer':
      return FACT.paysForOffering;
    case 'served':
      return FACT.receivesOffering | FACT.supportedByUs | FACT.advisedByUs;
    default:
      return FACT.receivesOffering;
  }
}

export function hit(rule: RuleId, severity: Severity, suggestedLabel: Label | null, evidence: FactBits): Hit {
  return { rule, severity, suggestedLabel, evidence };
}
