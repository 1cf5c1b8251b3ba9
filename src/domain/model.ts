// The map of docs/FORMAT.md as plain, immutable data. Every edit returns a new map.

export const FORMAT_VERSION = 1;
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

export interface Stakeholder {
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
  readonly organization: Organization;
  readonly stakeholders: readonly Stakeholder[];
  readonly relations: readonly Relation[];
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
