// What the map shows a stakeholder to be, and whether that makes it a customer
// under each definition of docs/RULES.md.
import { FACT, type FactBits } from './facts';
import { DEFINITIONS, type Definition } from './model';

export const ROLES = [
  'colleague',
  'partner',
  'payer',
  'end-user',
  'supplier',
  'intermediary',
  'referrer',
  'unreached',
] as const;
export type Role = (typeof ROLES)[number];

const {
  internal: INTERNAL,
  receivesOffering: RECEIVES,
  passesOfferingOn: PASSES,
  paysForOffering: PAYS,
  paidByUs: PAID_BY_US,
  paidByOthers: PAID_BY_OTHERS,
  suppliesUs: SUPPLIES,
  advisedByUs: ADVISED,
  supportedByUs: SUPPORTED,
  refersToUs: REFERS,
} = FACT;

/** The first line of the role list in docs/RULES.md that holds. */
export function roleOf(facts: FactBits): Role {
  if (facts & INTERNAL) return 'colleague';
  if (facts & PASSES) {
    // A channel resells the offering, or hands it on without buying it.
    return (facts & PAID_BY_OTHERS) !== 0 || !(facts & PAYS) ? 'partner' : 'payer';
  }
  // Someone we pay to take the offering is not its user.
  if ((facts & RECEIVES) !== 0 && !((facts & PAID_BY_US) !== 0 && !(facts & PAYS))) return 'end-user';
  if (facts & SUPPLIES) return 'supplier';
  if (facts & PAID_BY_US) return 'intermediary';
  if (facts & PAYS) return 'payer';
  if (facts & REFERS) return 'referrer';
  return 'unreached';
}

export function isDefinition(value: unknown): value is Definition {
  return typeof value === 'string' && (DEFINITIONS as readonly string[]).includes(value);
}

/** The definition itself, or a clear Error naming the ones that exist. */
export function assertDefinition(value: unknown): Definition {
  if (isDefinition(value)) return value;
  throw unknownDefinition(value);
}

function unknownDefinition(value: unknown): Error {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new Error(`Unknown definition of customer ${shown}: expected one of ${DEFINITIONS.join(', ')}`);
}

export function countsAsCustomer(facts: FactBits, role: Role, definition: Definition): boolean {
  switch (definition) {
    case 'user':
      return role === 'end-user';
    case 'payer':
      return !(facts & INTERNAL) && (facts & PAYS) !== 0 && role !== 'supplier' && role !== 'intermediary';
    case 'served':
      return (facts & (RECEIVES | SUPPORTED | ADVISED)) !== 0;
    default:
      throw unknownDefinition(definition);
  }
}

export interface DefinitionInfo {
  readonly id: Definition;
  readonly name: string;
  /** One sentence for the definition picker. */
  readonly statement: string;
}

export const DEFINITION_INFO: Readonly<Record<Definition, DefinitionInfo>> = Object.freeze({
  user: {
    id: 'user',
    name: 'The user is the customer',
    statement:
      'Your customer is whoever directly uses your offering, the person whose needs you design for, even when someone else pays.',
  },
  payer: {
    id: 'payer',
    name: 'Whoever pays is the customer',
    statement:
      'Your customer is whoever pays for your offering, whether they use it themselves or hand it on to someone else.',
  },
  served: {
    id: 'served',
    name: 'Anyone we serve is a customer',
    statement:
      'Your customer is anyone you do something for — whoever gets your offering, your support or your advice — inside or outside the organization.',
  },
});

export interface RoleInfo {
  readonly id: Role;
  readonly name: string;
  /** What the map shows, in a short phrase for a badge or tooltip. */
  readonly description: string;
}

export const ROLE_INFO: Readonly<Record<Role, RoleInfo>> = Object.freeze({
  colleague: { id: 'colleague', name: 'Colleague', description: 'Part of your organization.' },
  partner: {
    id: 'partner',
    name: 'Partner',
    description: 'Passes your offering on to others: a channel you grow with.',
  },
  payer: {
    id: 'payer',
    name: 'Payer',
    description: 'Pays for your offering, while someone else (or no one on the map) uses it.',
  },
  'end-user': { id: 'end-user', name: 'End user', description: 'Gets your offering and uses it.' },
  supplier: { id: 'supplier', name: 'Supplier', description: 'Supplies you: someone you buy from.' },
  intermediary: {
    id: 'intermediary',
    name: 'Intermediary',
    description: 'You pay it: it stands between you and your customers.',
  },
  referrer: { id: 'referrer', name: 'Referrer', description: 'Refers business to you.' },
  unreached: { id: 'unreached', name: 'Not reached', description: 'Nothing on the map shows your offering reaching it.' },
});
