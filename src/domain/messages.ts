// The words of the findings. Messages name stakeholders and what the map shows
// about them, never ids; `why` gives the idea behind the rule (docs/RULES.md,
// "The ideas behind the rules"). Names from the map are only ever text in a template.
import { FACT, type FactBits } from './facts';
import type { Definition, Depth, Label } from './model';
import { DEPTH_INFO, formatValue } from './relationship';
import type { Role } from './roles';
import type { RuleId } from './rules/types';

/** What a message may say about one finding; built by the checker. */
export interface Words {
  /** The stakeholder's name ('' for map findings). */
  readonly name: string;
  readonly label: Label | null;
  /** The organization's name. */
  readonly org: string;
  readonly definition: Definition;
  readonly role: Role | null;
  /** Whether the stakeholder counts as a customer under `definition`. */
  readonly counts: boolean;
  readonly facts: FactBits;
  /** The stakeholder's relationship depth and yearly value (given or estimated), when set. */
  readonly depth: Depth | undefined;
  readonly yearly: number | undefined;
  /** The map's currency, if any. */
  readonly currency: string | undefined;
  /** How many of the map's customers have a yearly value. */
  readonly valued: number;
  /** The parties at the far end of the relations behind a fact, as a short list. */
  others(fact: FactBits): string;
  /** The notes written on those relations, as a short list ('' when none). */
  notes(fact: FactBits): string;
  /** Who the map shows using what the stakeholder pays for, as a short list ('' when no one is drawn). */
  usersOfPayments(): string;
  /** Who the map shows paying for what the stakeholder gets, as a short list ('' when no one is drawn). */
  payersOfUse(): string;
  /** Whether the stakeholder hands the offering to someone inside the organization. */
  offersInside(): boolean;
  /** For map findings: the stakeholders with any of these facts, as a short list ('' when none). */
  having(fact: FactBits): string;
}

export interface Explanation {
  readonly message: string;
  readonly why: string;
}

/** How many names a list shows before "and 2 others". */
const LISTED = 3;

/** "A", "A and B", "A, B and C", "A, B, C and 2 others". */
export function listNames(names: readonly string[]): string {
  return listFirst(names, names.length);
}

/** listNames of the first `count` names, so that the checker can list from a scratch array without copying it. */
export function listFirst(names: readonly string[], count: number): string {
  if (count <= 1) return count === 1 ? names[0]! : '';
  const shown = count <= LISTED ? count - 1 : LISTED;
  let text = names[0]!;
  for (let k = 1; k < shown; k++) text += `, ${names[k]}`;
  if (count <= LISTED) return `${text} and ${names[count - 1]}`;
  const rest = count - LISTED;
  return `${text} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}

const DEFINITION_PHRASE: Readonly<Record<Definition, string>> = {
  user: 'the user is the customer',
  payer: 'whoever pays is the customer',
  served: 'anyone you serve is a customer',
};

/** What being a customer looks like on the map, per definition. */
const COUNTS_PHRASE: Readonly<Record<Definition, string>> = {
  user: 'using your offering',
  payer: 'paying for your offering',
  served: 'getting your offering, support or advice',
};

const under = (w: Words): string => `under your definition (${DEFINITION_PHRASE[w.definition]})`;
const withNotes = (w: Words, fact: FactBits): string => {
  const notes = w.notes(fact);
  return notes ? ` (${notes})` : '';
};

const WHY_USER =
  'A customer is whoever directly benefits from using your offering: the one who uses it, and whose needs you design for.';
const WHY_PARTNER =
  'Distribution partners are not customers: you grow and decline together, and their needs help you sell, but they are not the needs your offering solves. Their insights are a start; talk to the actual customers too.';
const WHY_CLIENT =
  'A client is a customer with a consultative relationship: they seek your advice, and needs and solutions are worked out together. A plain customer buys a well-defined offering with little negotiation.';
const WHY_DEFINITION: Readonly<Record<Definition, string>> = {
  user: WHY_USER,
  payer: 'Your map says whoever pays is the customer: the buyer, whether or not they use the offering themselves.',
  served: 'Your map says anyone you do something for is a customer, inside or outside the organization.',
};

type Text = (w: Words) => string;

const TEXTS: Readonly<Record<RuleId, { message: Text; why: Text }>> = {
  'customer-is-colleague': {
    message: (w) =>
      `You call ${w.name} a ${w.label}, but the map puts them inside ${w.org}: a colleague, not a ${w.label}. Work with them as peers whose own expertise counts.`,
    why: () =>
      'Colleagues are not customers. Calling an internal team a "customer" creates a power imbalance and pushes aside the colleague\u2019s own expertise.',
  },
  'customer-is-partner': {
    message: (w) =>
      `The map shows ${w.name} passing your offering on to ${w.others(FACT.passesOfferingOn)}: a distribution partner, not a customer. Their customers are yours — talk to them.`,
    why: () => WHY_PARTNER,
  },
  'customer-is-end-user': {
    message: (w) =>
      w.payersOfUse()
        ? `The map shows ${w.name} using your offering, and ${w.payersOfUse()} paying for it. Under your definition the customer is whoever pays, as ${w.payersOfUse()} ${w.payersOfUse().includes(' and ') ? 'do' : 'does'}: keep designing for ${w.name} as its user.`
        : `The map shows ${w.name} using your offering, but no one paying for it. Under your definition the customer is whoever pays: draw who pays for it, and keep designing for ${w.name} as its user.`,
    why: () => WHY_DEFINITION.payer + ' The user still matters: theirs are the needs the offering meets.',
  },
  'customer-is-supplier': {
    message: (w) =>
      `The map shows ${w.name} supplying ${w.others(FACT.suppliesUs)}${withNotes(w, FACT.suppliesUs)}: someone you buy from is a supplier, not a customer.`,
    why: () => 'A supplier is someone you buy from. Keeping suppliers apart from customers keeps everyone clear on whom the offering is for.',
  },
  'customer-is-intermediary': {
    message: (w) =>
      `The map shows ${w.others(FACT.paidByUs)} paying ${w.name}${withNotes(w, FACT.paidByUs)}: someone you pay stands between you and your customers, so this is an intermediary. The people they bring you are the customers.`,
    why: () =>
      'Someone you pay is not your customer: an advisor or broker who earns a commission from you stands between you and the customer.',
  },
  'customer-is-payer': {
    message: (w) =>
      w.facts & FACT.passesOfferingOn
        ? `The map shows ${w.name} paying for your offering and handing it on to ${w.others(FACT.passesOfferingOn)}: ${under(w)}, the customer is whoever gets it. Keep ${w.name} in view as the buyer, and design for ${w.others(FACT.passesOfferingOn)}.`
        : w.usersOfPayments()
          ? `The map shows ${w.name} paying ${w.others(FACT.paysForOffering)} for your offering, and ${w.usersOfPayments()} using it: ${under(w)}, the customer is whoever gets it. Keep ${w.name} in view as the buyer, and design for ${w.usersOfPayments()}.`
          : `The map shows ${w.name} paying ${w.others(FACT.paysForOffering)}, but no one using what is paid for. Draw who gets the offering: ${under(w)}, they are the customer.`,
    why: (w) =>
      w.definition === 'user'
        ? `${WHY_USER} The one who pays matters too, but as the buyer.`
        : `${WHY_DEFINITION[w.definition]} Paying alone does not show that.`,
  },
  'customer-is-referrer': {
    message: (w) =>
      `The map shows ${w.name} referring business to ${w.others(FACT.refersToUs)}: a referral partner who sends customers your way, not a customer. Thank and treat them as a partner.`,
    why: () => 'Referral and networking partners pass business to you; they are neither customers nor clients.',
  },
  'customer-unreached': {
    message: (w) =>
      `You call ${w.name} a ${w.label}, but nothing on the map shows them ${COUNTS_PHRASE[w.definition]}. If they are a customer, draw how that happens; if not, give them the label that fits.`,
    why: (w) => `${WHY_DEFINITION[w.definition]} The rules judge only what is drawn.`,
  },
  'hidden-customer': {
    message: (w) =>
      `The map shows ${w.name} ${hiddenHow(w)}: ${under(w)}, they are a customer, though labelled "other". Call them customer so the whole team sees them.`,
    why: (w) =>
      w.definition === 'user'
        ? `${WHY_USER} Name them plainly and share it loudly, so the whole company has one focus.`
        : `${WHY_DEFINITION[w.definition]} Naming customers plainly gives the whole team one focus.`,
  },
  'partner-hides-customers': {
    message: (w) =>
      `The map shows ${w.name} getting your offering from ${w.others(FACT.receivesOffering)} but passing it to no one${outside(w)}. Ask ${w.name} whom they sell to, and draw those customers: they are yours too.`,
    why: () =>
      'A partner\u2019s customers are your customers. Partner insights are a starting point, but the needs your offering solves are the customers\u2019 own.',
  },
  'colleague-is-external': {
    message: (w) => `You call ${w.name} a colleague, but the map puts them outside ${w.org}. ${externalTail(w)}`,
    why: () =>
      'Colleagues are the people inside your organization. An outside party is better named for what it does for you, so the map shows where the customer is.',
  },
  'client-without-advice': {
    message: (w) =>
      `You call ${w.name} a client, but nothing on the map shows anyone at ${w.org} advising them. It shows them ${countsHow(w)}: a customer who buys a well-defined offering. If you do advise them, draw that advice.`,
    why: () => WHY_CLIENT,
  },
  'customer-is-client': {
    message: (w) =>
      `The map shows ${w.others(FACT.advisedByUs)} advising ${w.name}: with a consultative relationship like that, they are a client rather than a plain customer.`,
    why: () =>
      'Clients seek your advice, and you work out needs and solutions with them. Calling them clients reminds everyone to listen together, not only to deliver.',
  },
  'client-customers-unmapped': {
    message: (w) =>
      w.facts & FACT.passesOfferingOn
        ? `${w.name}: a client you advise, shown passing your offering on to ${w.others(FACT.passesOfferingOn)} but serving no customers of their own (a "serves" relation). Draw whom they serve — that is where you can create value together.`
        : `${w.name}: a client you advise, whose own customers are not on the map yet. Draw whom they serve — that is where you can create value together.`,
    why: () => 'Your clients have customers of their own; value that reaches them is where co-innovation starts.',
  },
  'client-at-first-step': {
    message: (w) =>
      `You call ${w.name} a client, but the relationship is at the first step, ${DEPTH_INFO[1].name.toLowerCase()}: ${DEPTH_INFO[1].meaning.charAt(0).toLowerCase()}${DEPTH_INFO[1].meaning.slice(1, -1)}. That is not yet consultative: call them customer, or deepen the relationship and set its step.`,
    why: () => `${WHY_CLIENT} At the first step the relationship is a purchase, not yet a conversation about needs.`,
  },
  'customer-could-be-client': {
    message: (w) =>
      `${w.name} is among your most valuable customers (${valueText(w)} a year, in the top fifth of the ${w.valued} customers with a value), and ${closeness(w)}. Consider treating them as a client: work out needs and solutions together.`,
    why: () =>
      'A client is a customer with a consultative relationship. Your largest customers that already seek you out are where that relationship pays most: both sides share in each other\u2019s success.',
  },
  isolated: {
    message: (w) =>
      `Nothing connects ${w.name} to the rest of the map yet. Draw how they relate to ${w.org} or to others, and the map will show what they are.`,
    why: () => 'The rules judge only what is drawn: with no relations there is nothing yet to judge.',
  },
  'no-offering-flow': {
    message: (w) =>
      `No offering flows on this map yet. Draw how the offering of ${w.org} reaches people (an "offering" relation), so the map can show who uses it.`,
    why: () => `${WHY_USER} Without the offering on the map, no one can be shown to benefit from it.`,
  },
  'no-customer': {
    message: (w) => `${cap(under(w))}, no one on this map is a customer yet: ${noCustomerTail(w)}`,
    why: () =>
      'Keep one simple definition of the customer, share it loudly, and put the customers on the map: then every team knows whom it works for.',
  },
};

function valueText(w: Words): string {
  return w.yearly === undefined ? 'a value' : formatValue(w.yearly, w.currency);
}

/** What makes the relationship closer than a purchase: advice drawn, or its step. */
function closeness(w: Words): string {
  const parts: string[] = [];
  if (w.facts & FACT.advisedByUs) parts.push(`the map shows ${w.others(FACT.advisedByUs)} advising them`);
  if (w.depth !== undefined && w.depth > 1) parts.push(`the relationship is at step ${w.depth}, ${DEPTH_INFO[w.depth].name.toLowerCase()}`);
  return parts.join(' and ');
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hiddenHow(w: Words): string {
  if (w.definition === 'payer') return `paying ${w.others(FACT.paysForOffering)} for your offering`;
  if (w.definition === 'user') return `getting your offering from ${w.others(FACT.receivesOffering)} and passing it to no one${outside(w)}`;
  return countsHow(w);
}

/** What the map shows that makes the stakeholder count as a customer under the definition. */
function countsHow(w: Words): string {
  if (w.definition === 'payer') return `paying ${w.others(FACT.paysForOffering)} for your offering`;
  if (w.definition === 'user') return `getting your offering from ${w.others(FACT.receivesOffering)}`;
  const served: string[] = [];
  if (w.facts & FACT.receivesOffering) served.push(`your offering from ${w.others(FACT.receivesOffering)}`);
  if (w.facts & FACT.supportedByUs) served.push(`support from ${w.others(FACT.supportedByUs)}`);
  if (w.facts & FACT.advisedByUs) served.push(`advice from ${w.others(FACT.advisedByUs)}`);
  return `getting ${listNames(served)}`;
}

/** " outside Acme" when the stakeholder hands the offering only to someone inside. */
function outside(w: Words): string {
  return w.offersInside() ? ` outside ${w.org}` : '';
}

function noCustomerTail(w: Words): string {
  if (w.definition === 'user') {
    const reached = w.having(FACT.receivesOffering);
    if (reached)
      return `the map shows your offering reaching only ${reached}, each inside ${w.org}, paid by you to take it, or passing it on. Draw who ends up using it.`;
  } else if (w.definition === 'payer') {
    const paying = w.having(FACT.paysForOffering);
    if (paying)
      return `the map shows only ${paying} paying for your offering, and a colleague, a supplier or someone you pay is not a customer. Draw who pays for it.`;
  }
  return `nothing shows anyone ${COUNTS_PHRASE[w.definition]}. Draw who that is.`;
}

function externalTail(w: Words): string {
  switch (externalKind(w)) {
    case 'customer':
      return `It shows them ${countsHow(w)}: ${under(w)}, they are a customer.`;
    case 'partner':
      return `It shows them passing your offering on to ${w.others(FACT.passesOfferingOn)}: a partner.`;
    case 'referrer':
      return `It shows them referring business to ${w.others(FACT.refersToUs)}: a referral partner.`;
    case 'supplier':
      return `It shows them supplying ${w.others(FACT.suppliesUs)}${withNotes(w, FACT.suppliesUs)}: a supplier.`;
    case 'intermediary':
      return `It shows ${w.others(FACT.paidByUs)} paying them${withNotes(w, FACT.paidByUs)}: an intermediary.`;
    default:
      return 'None of their relations shows them to be a customer, partner, supplier or intermediary, so "other" fits until one does.';
  }
}

function externalKind(w: Words): 'customer' | Role {
  // The words follow the suggestion of externalColleagueLabel.
  return w.counts ? 'customer' : (w.role ?? 'unreached');
}

export function messageOf(rule: RuleId, words: Words): string {
  return TEXTS[rule].message(words);
}

export function whyOf(rule: RuleId, words: Words): string {
  return TEXTS[rule].why(words);
}

export function explain(rule: RuleId, words: Words): Explanation {
  return { message: messageOf(rule, words), why: whyOf(rule, words) };
}
