// The facts of docs/RULES.md for every stakeholder at once: one pass over the
// relations, then one lookup per money relation whose payee is outside.
//
// Facts are bits in a typed array indexed by the stakeholder's position in the
// file, so the checker allocates nothing per relation. The evidence of facts
// (the relations that make them hold) is one linked list per stakeholder,
// threaded through typed arrays: relation r contributes entry 2r for its
// `from` end and 2r+1 for its `to` end, tagged with the fact it supports.
// Lists store entry + 1 so that a fresh (zeroed) array means "empty".
import { ORG_ID, type StakeMap } from './model';


export const FACT_NAMES = [
  'internal',
  'receivesOffering',
  'passesOfferingOn',
  'paysForOffering',
  'paidByUs',
  'paidByOthers',
  'suppliesUs',
  'advisedByUs',
  'supportedByUs',
  'refersToUs',
  'servesOwnCustomers',
  'isolated',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** A set of facts as bits: test one with `bits & FACT.paidByUs`. */
export type FactBits = number;

// Each fact's bit position, which is also the tag of its evidence entries.
const AT_RECEIVES = 1;
const AT_PASSES = 2;
const AT_PAYS = 3;
const AT_PAID_BY_US = 4;
const AT_PAID_BY_OTHERS = 5;
const AT_SUPPLIES = 6;
const AT_ADVISED = 7;
const AT_SUPPORTED = 8;
const AT_REFERS = 9;
const AT_SERVES = 10;
const SLOTS = 12;

const INTERNAL = 1 << 0;
const RECEIVES = 1 << AT_RECEIVES;
const PASSES = 1 << AT_PASSES;
const PAYS = 1 << AT_PAYS;
const PAID_BY_US = 1 << AT_PAID_BY_US;
const PAID_BY_OTHERS = 1 << AT_PAID_BY_OTHERS;
const SUPPLIES = 1 << AT_SUPPLIES;
const ADVISED = 1 << AT_ADVISED;
const SUPPORTED = 1 << AT_SUPPORTED;
const REFERS = 1 << AT_REFERS;
const SERVES = 1 << AT_SERVES;
const ISOLATED = 1 << 11;
const FACT_MASK = (1 << SLOTS) - 1;
/** Masks the scratch bits out of `MapFacts.bits`. */
export const FACT_BITS = FACT_MASK;
// Scratch bits, never exposed: they feed paysForOffering and isolated.
const STARTS_OFFERING = 1 << 12;
const PAYS_INSIDE = 1 << 13;
const TOUCHED = 1 << 14;

export const FACT: Readonly<Record<FactName, number>> = Object.freeze({
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
  servesOwnCustomers: SERVES,
  isolated: ISOLATED,
});

/** Facts whose evidence is the relation's `to` end: the party at the far end is `from`. */
export const INCOMING_FACTS: FactBits = RECEIVES | PAID_BY_US | PAID_BY_OTHERS | ADVISED | SUPPORTED;

export interface MapFacts {
  /** Stakeholder id → position in `map.stakeholders`. */
  readonly index: ReadonlyMap<string, number>;
  /** Per position: fact bits (plus scratch bits; read them through `factsAt`). */
  readonly bits: Int32Array;
  /** Per position: its first evidence entry + 1, or 0 for none. */
  readonly heads: Int32Array;
  /** Per evidence entry: the next entry + 1 in its list, or 0. */
  readonly next: Int32Array;
  /** Per evidence entry: the bit position of the fact it supports. */
  readonly slots: Uint8Array;
  /** How many `offering` relations the map has. */
  readonly offerings: number;
}

const NONE = -1;
// Kept between calls: growing a fresh array for every map costs more than the rest of the pass.
const PENDING: number[] = [];

export function computeFacts(map: StakeMap): MapFacts {
  const { stakeholders, relations } = map;
  const n = stakeholders.length;
  const m = relations.length;
  const index = new Map<string, number>();
  // One buffer for every array: on small maps, allocating typed arrays costs
  // more than filling them.
  const buffer = new ArrayBuffer(4 * (2 * n + 2 * m) + 2 * m);
  const bits = new Int32Array(buffer, 0, n);
  const heads = new Int32Array(buffer, 4 * n, n);
  const next = new Int32Array(buffer, 8 * n, 2 * m);
  const slots = new Uint8Array(buffer, 8 * n + 8 * m, 2 * m);
  for (let i = 0; i < n; i++) {
    const s = stakeholders[i]!;
    index.set(s.id, i);
    if (s.side === 'internal') bits[i] = INTERNAL;
  }
  // Money paid to an outside party: whether it pays for the offering depends
  // on facts of the payee that are only complete after the pass. Triples of
  // relation, payer and payee positions.
  const pending = PENDING;
  let pendingEnd = 0;
  let offerings = 0;

  for (let r = 0; r < m; r++) {
    const rel = relations[r]!;
    const f = index.get(rel.from);
    const t = index.get(rel.to);
    // The fact (by bit position) this relation gives each end, if any.
    let fromFact = NONE;
    let toFact = NONE;
    let fromBits = TOUCHED;
    switch (rel.kind) {
      case 'offering':
        offerings++;
        toFact = AT_RECEIVES;
        fromBits |= STARTS_OFFERING;
        if (t !== undefined && !(bits[t]! & INTERNAL)) fromFact = AT_PASSES;
        break;
      case 'money':
        if (isInside(bits, f, rel.from)) toFact = AT_PAID_BY_US;
        else if (f !== undefined) toFact = AT_PAID_BY_OTHERS;
        if (isInside(bits, t, rel.to)) {
          fromFact = AT_PAYS;
          fromBits |= PAYS_INSIDE;
        } else if (f !== undefined && t !== undefined) {
          pending[pendingEnd++] = r;
          pending[pendingEnd++] = f;
          pending[pendingEnd++] = t;
        }
        break;
      case 'supply':
        if (isInside(bits, t, rel.to)) fromFact = AT_SUPPLIES;
        break;
      case 'advice':
        if (isInside(bits, f, rel.from)) toFact = AT_ADVISED;
        break;
      case 'support':
        if (isInside(bits, f, rel.from)) toFact = AT_SUPPORTED;
        break;
      case 'referral':
        if (isInside(bits, t, rel.to)) fromFact = AT_REFERS;
        break;
      case 'serves':
        fromFact = AT_SERVES;
        break;
      default:
        // insight, and any kind with no fact: it only connects.
        break;
    }
    // Each end's bits are written once; its evidence entry is pushed on its list.
    if (f !== undefined) {
      if (fromFact !== NONE) {
        const e = 2 * r;
        next[e] = heads[f]!;
        heads[f] = e + 1;
        slots[e] = fromFact;
        fromBits |= 1 << fromFact;
      }
      bits[f] = bits[f]! | fromBits;
    }
    if (t !== undefined) {
      let toBits = TOUCHED;
      if (toFact !== NONE) {
        const e = 2 * r + 1;
        next[e] = heads[t]!;
        heads[t] = e + 1;
        slots[e] = toFact;
        toBits |= 1 << toFact;
      }
      bits[t] = bits[t]! | toBits;
    }
  }

  // Paying a shop for a toy a child gets, or premiums through a broker.
  for (let p = 0; p < pendingEnd; p += 3) {
    if ((bits[pending[p + 2]!]! & (STARTS_OFFERING | PAYS_INSIDE)) !== 0) {
      link(bits, heads, next, slots, pending[p + 1]!, AT_PAYS, 2 * pending[p]!);
    }
  }
  for (let i = 0; i < n; i++) {
    if ((bits[i]! & TOUCHED) === 0) bits[i] = bits[i]! | ISOLATED;
  }
  return { index, bits, heads, next, slots, offerings };
}

/** Whether a relation end is inside: `us`, or an internal stakeholder. */
function isInside(bits: Int32Array, position: number | undefined, id: string): boolean {
  return position === undefined ? id === ORG_ID : (bits[position]! & INTERNAL) !== 0;
}

/** Sets a fact and puts the relation end `entry` at the head of its evidence list. */
function link(
  bits: Int32Array,
  heads: Int32Array,
  next: Int32Array,
  slots: Uint8Array,
  who: number,
  slot: number,
  entry: number,
): void {
  next[entry] = heads[who]!;
  heads[who] = entry + 1;
  slots[entry] = slot;
  bits[who] = bits[who]! | (1 << slot);
}

/** The facts of the stakeholder at `position`. */
export function factsAt(facts: MapFacts, position: number): FactBits {
  return (facts.bits[position] ?? 0) & FACT_MASK;
}

/** The facts of a stakeholder by id, or undefined when it is not on the map. */
export function factsOf(facts: MapFacts, id: string): FactBits | undefined {
  const i = facts.index.get(id);
  return i === undefined ? undefined : factsAt(facts, i);
}

export function hasFact(bits: FactBits, name: FactName): boolean {
  return (bits & FACT[name]) !== 0;
}

/** The names of the facts that hold, in the order of docs/RULES.md. */
export function factNames(bits: FactBits): FactName[] {
  return FACT_NAMES.filter((name) => (bits & FACT[name]) !== 0);
}

/**
 * Positions (in `map.relations`) of the relations behind the given facts of
 * one stakeholder, ascending and without repeats.
 */
export function evidenceAt(facts: MapFacts, position: number, mask: FactBits): number[] {
  const out: number[] = [];
  const { heads, next, slots } = facts;
  // The list runs from the last relation to the first. A relation joins it
  // twice, one entry after the other, only when it runs from S to S.
  for (let e = heads[position] ?? 0; e !== 0; e = next[e - 1]!) {
    const r = (e - 1) >> 1;
    if (mask & (1 << slots[e - 1]!) && out[out.length - 1] !== r) out.push(r);
  }
  return out.reverse();
}

/** Ids of the relations behind the given facts of a stakeholder, in file order. */
export function evidenceIds(map: StakeMap, facts: MapFacts, id: string, mask: FactBits): string[] {
  const i = facts.index.get(id);
  return i === undefined ? [] : evidenceIdsAt(map, facts, i, mask);
}

export function evidenceIdsAt(map: StakeMap, facts: MapFacts, position: number, mask: FactBits): string[] {
  const found = evidenceAt(facts, position, mask);
  const ids = new Array<string>(found.length);
  for (let k = 0; k < found.length; k++) ids[k] = map.relations[found[k]!]!.id;
  return ids;
}
