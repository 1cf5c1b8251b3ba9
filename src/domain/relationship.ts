// The relationship with a stakeholder, beside what the team calls it: how deep
// it goes (four steps from a defined purchase to needs worked out together),
// what it is worth, and where the stakeholder stands on power and interest.
// The checks here are shared by the file reader, the edits and the inspector,
// so a value the inspector accepts is one every file accepts.
import { DEPTHS, LIMITS, SCORES, type Depth, type Relationship, type RelationshipField, type Score } from './model';

export interface DepthInfo {
  readonly depth: Depth;
  readonly name: string;
  /** A word for small places (a card's badge): "Advisor". */
  readonly short: string;
  /** One line: what the relationship looks like at this step. */
  readonly meaning: string;
}

/** The four steps, in the product's own words. */
export const DEPTH_INFO: Readonly<Record<Depth, DepthInfo>> = Object.freeze({
  1: { depth: 1, name: 'Subject expert', short: 'Expert', meaning: 'They buy a defined offering for what you know, with little discussion.' },
  2: { depth: 2, name: 'Problem solver', short: 'Solver', meaning: 'They bring you a problem, and you shape the offering to fit it.' },
  3: { depth: 3, name: 'Strategic contributor', short: 'Strategic', meaning: 'You help with their wider goals, beyond any one problem or purchase.' },
  4: { depth: 4, name: 'Trusted advisor', short: 'Advisor', meaning: 'They seek your view first: needs and solutions are worked out together.' },
});

export function isDepth(v: unknown): v is Depth {
  return typeof v === 'number' && (DEPTHS as readonly number[]).includes(v);
}

export function isScore(v: unknown): v is Score {
  return typeof v === 'number' && (SCORES as readonly number[]).includes(v);
}

/** The numeric fields, each with its largest value and how a message names it. */
export const AMOUNT_FIELDS = {
  value: { max: LIMITS.money, noun: 'a yearly value' },
  lifetimeValue: { max: LIMITS.money, noun: 'a lifetime value' },
  valuePerPurchase: { max: LIMITS.money, noun: 'a value per purchase' },
  purchasesPerYear: { max: LIMITS.purchasesPerYear, noun: 'a number of purchases per year' },
  years: { max: LIMITS.years, noun: 'a number of years' },
} as const;
export type AmountField = keyof typeof AMOUNT_FIELDS;

const count = (n: number) => n.toLocaleString('en-US');

/** Why `v` cannot be the field's value, in plain words; undefined when it can. */
export function relationshipProblem(field: RelationshipField, v: unknown): string | undefined {
  if (field === 'depth') return isDepth(v) ? undefined : 'is not a depth: expected a whole number from 1 (subject expert) to 4 (trusted advisor)';
  if (field === 'power' || field === 'interest') return isScore(v) ? undefined : `is not ${field === 'power' ? 'a power' : 'an interest'} rating: expected a whole number from 1 to 5`;
  const { max, noun } = AMOUNT_FIELDS[field];
  if (typeof v !== 'number' || !Number.isFinite(v)) return `is not ${noun}: expected a number from 0 to ${count(max)}`;
  if (v < 0) return `is below zero: ${noun} is 0 or more`;
  if (v > max) return `is more than ${count(max)}, the largest ${noun.replace(/^an? /, '')} a map holds`;
  return undefined;
}

export function isRelationshipValue(field: RelationshipField, v: unknown): boolean {
  return relationshipProblem(field, v) === undefined;
}

/** An ISO 4217 code: three capital letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function currencyProblem(v: unknown): string | undefined {
  return typeof v === 'string' && CURRENCY_PATTERN.test(v) ? undefined : 'is not a currency code: expected three capital letters, such as EUR, USD or GBP';
}

/**
 * What the relationship is worth in a year: the value given, else value per
 * purchase times purchases per year when both are given.
 */
export function yearlyValue(s: Relationship): number | undefined {
  if (s.value !== undefined) return s.value;
  if (s.valuePerPurchase !== undefined && s.purchasesPerYear !== undefined) return s.valuePerPurchase * s.purchasesPerYear;
  return undefined;
}

/**
 * What it is worth over its life: the lifetime value given, else the yearly
 * value (given or estimated) times the years, when the years are given.
 */
export function lifetimeValueOf(s: Relationship): number | undefined {
  if (s.lifetimeValue !== undefined) return s.lifetimeValue;
  const yearly = yearlyValue(s);
  return yearly !== undefined && s.years !== undefined ? yearly * s.years : undefined;
}

/** "€12,500", "12,500 XYZ", or "12,500" without a currency. Never throws. */
export function formatValue(n: number, currency?: string, compact = false): string {
  const options: Intl.NumberFormatOptions = compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : { minimumFractionDigits: 0, maximumFractionDigits: 2 };
  if (currency) {
    try {
      return n.toLocaleString('en-US', { ...options, style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    } catch {
      return `${n.toLocaleString('en-US', options)} ${currency}`;
    }
  }
  return n.toLocaleString('en-US', options);
}

export interface RelationshipBadge {
  /** Compact, for a card: "4. Advisor · €1.2M". */
  readonly text: string;
  /** In full, for a tooltip and screen readers: "Depth 4 of 4, trusted advisor; €1,200,000 a year". */
  readonly title: string;
}

/** The depth and yearly value a card can show; null when the stakeholder has neither. */
export function relationshipBadge(s: Relationship, currency?: string): RelationshipBadge | null {
  const value = yearlyValue(s);
  if (s.depth === undefined && value === undefined) return null;
  const text: string[] = [];
  const title: string[] = [];
  if (s.depth !== undefined) {
    const info = DEPTH_INFO[s.depth];
    text.push(`${s.depth}. ${info.short}`);
    title.push(`Depth ${s.depth} of 4, ${info.name.toLowerCase()}`);
  }
  if (value !== undefined) {
    text.push(formatValue(value, currency, true));
    title.push(`${formatValue(value, currency)} a year`);
  }
  return { text: text.join(' · '), title: title.join('; ') };
}
