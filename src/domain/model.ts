// The map of docs/FORMAT.md as plain, immutable data. Every edit returns a new map.

/**
 * Version 2 added the workshop's votes and breakout teams; version 3 the
 * relationship of each stakeholder (depth, value, power, interest) and the
 * map's currency (docs/FORMAT.md).
 */
export const FORMAT_VERSION = 3;
export const ORG_ID = 'us';

export const LABELS = ['customer', 'client', 'partner', 'intermediary', 'supplier', 'colleague', 'other'] as const;
export type Label = (typeof LABELS)[number];
export const CUSTOMER_LABELS: readonly Label[] = ['customer', 'client'];

export const SIDES = ['internal', 'external'] as const;
export type Side = (typeof SIDES)[number];

export const KINDS = ['offering', 'serves', 'supply', 'money', 'advice', 'support', 'referral', 'insight'] as const;
export type Kind = (typeof KINDS)[number];

export const DEFINITIONS = ['user', 'payer', 'served'] as const;
export type Definition = (typeof DEFINITIONS)[number];
export const DEFAULT_DEFINITION: Definition = 'user';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface Organization {
  readonly name: string;
  readonly position?: Position;
}

/** How deep the relationship is, from 1 (subject expert) to 4 (trusted advisor): relationship.ts names the steps. */
export type Depth = 1 | 2 | 3 | 4;
export const DEPTHS: readonly Depth[] = [1, 2, 3, 4];

/** An optional 1–5 rating (power, interest). */
export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** The stakeholder's numbers: all optional, money in the map's currency. */
export interface Relationship {
  readonly depth?: Depth;
  /** What the relationship is worth in a year. */
  readonly value?: number;
  /** What it is worth over its whole life. */
  readonly lifetimeValue?: number;
  /** Inputs to estimate the lifetime value when it is not known. */
  readonly valuePerPurchase?: number;
  readonly purchasesPerYear?: number;
  readonly years?: number;
  readonly power?: Score;
  readonly interest?: Score;
}

export const RELATIONSHIP_FIELDS = ['depth', 'value', 'lifetimeValue', 'valuePerPurchase', 'purchasesPerYear', 'years', 'power', 'interest'] as const;
export type RelationshipField = (typeof RELATIONSHIP_FIELDS)[number];

export interface Stakeholder extends Relationship {
  readonly id: string;
  readonly name: string;
  readonly label: Label;
  readonly side: Side;
  readonly notes?: string;
  readonly position?: Position;
}

export interface Relation {
  readonly id: string;
  /** `us` (ORG_ID) or a stakeholder id. */
  readonly from: string;
  readonly to: string;
  readonly kind: Kind;
  readonly note?: string;
}

/** A map as held in memory; `format` and `version` live only in the file. */
export interface StakeMap {
  readonly title: string;
  readonly definition?: Definition;
  readonly definitionNote?: string;
  /** The currency of the stakeholders' values: an ISO 4217 code such as EUR (absent: plain numbers). */
  readonly currency?: string;
  readonly organization: Organization;
  readonly stakeholders: readonly Stakeholder[];
  readonly relations: readonly Relation[];
  /** The room's votes on what stakeholders are to us (absent when none). */
  readonly votes?: readonly Vote[];
  /** Breakout teams' own maps of the same organization, for comparison (absent when none). */
  readonly breakouts?: Breakouts;
}

/** One person's answer on one stakeholder: what it is to us, and whether it is our primary customer. */
export interface Answer {
  readonly stakeholder: string;
  readonly label: Label;
  readonly primary?: boolean;
}

export interface Ballot {
  /** An opaque id per participant (a laptop, or a turn on one screen); never shown. */
  readonly voter: string;
  /** The participant's name, kept only in a named vote. */
  readonly name?: string;
  readonly answers: readonly Answer[];
}

export const VOTE_STATES = ['open', 'revealed'] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export interface Vote {
  readonly id: string;
  /** The stakeholders voted on, in the order asked. */
  readonly stakeholders: readonly string[];
  /** Named: the reveal shows who answered what. Otherwise answers stay anonymous. */
  readonly named: boolean;
  /** Also ask "is it our primary customer?". */
  readonly askPrimary: boolean;
  readonly state: VoteState;
  /** When the vote started (ISO 8601). */
  readonly startedAt: string;
  readonly ballots: readonly Ballot[];
}

/** Hand-made match: these stakeholders of different teams are the same one, whatever their names. */
export interface BreakoutMatch {
  readonly members: readonly { readonly team: string; readonly stakeholder: string }[];
}

/** A team's own map, kept whole (without `format` and `version`) as it was when added. */
export interface Breakout {
  readonly id: string;
  /** The team's name, as the facilitator wrote it. */
  readonly team: string;
  readonly map: StakeMap;
}

export interface Breakouts {
  readonly teams: readonly Breakout[];
  readonly matches: readonly BreakoutMatch[];
}

/** Limits of docs/FORMAT.md, shared by the parser, the inspector and the tests. */
export const LIMITS = {
  fileBytes: 10_000_000,
  title: 200,
  name: 200,
  definitionNote: 2_000,
  notes: 10_000,
  note: 500,
  stakeholders: 5_000,
  relations: 20_000,
  id: 64,
  problems: 50,
  votes: 50,
  ballots: 500,
  breakouts: 12,
  breakoutMatches: 5_000,
  /** The largest money value (yearly, lifetime, per purchase). */
  money: 1_000_000_000_000,
  purchasesPerYear: 1_000_000,
  years: 1_000,
  /** The largest |x| or |y| of a position: the part of the plane the canvas and the exports can draw (docs/FORMAT.md). */
  coordinate: 1_000_000,
} as const;

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isCustomerLabel(label: Label): boolean {
  return label === 'customer' || label === 'client';
}

export function definitionOf(map: StakeMap): Definition {
  return map.definition ?? DEFAULT_DEFINITION;
}
