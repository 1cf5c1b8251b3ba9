// A seeded generator of large, realistic maps for benchmarks and the dev menu.
// The map is a stack of value chains, each a row band on a grid (alternating
// between the two sides of the organization, see gridSpot): suppliers and
// colleagues near the organization, then distributors, retailers and the people
// who finally use the offering, clients and their own customers, brokers and
// referrers. With every label right the map is clean under `user` (given room
// for each chain's backbone: about two relations per stakeholder); a share of
// labels is "wrong" on purpose, the way teams really label, so that the rules
// fire. Same options, same map.
import { LIMITS, type Definition, type Kind, type Label, type Relation, type Side, type StakeMap, type Stakeholder } from './model';

export interface GenerateOptions {
  readonly stakeholders: number;
  readonly relations: number;
  readonly seed: number;
  readonly definition?: Definition;
  /** Share of stakeholders given a label the map contradicts (default 0.15). */
  readonly wrongLabelRate?: number;
}

type Slot =
  | 'distributor'
  | 'retailer'
  | 'end-user'
  | 'buyer'
  | 'beneficiary'
  | 'client'
  | 'client-customers'
  | 'broker'
  | 'supplier'
  | 'team'
  | 'referrer';

interface SlotSpec {
  readonly names: readonly string[];
  readonly label: Label;
  readonly side: Side;
  /** Labels a team plausibly (but wrongly) gives it. */
  readonly wrong: readonly Label[];
  /** Grid column. */
  readonly column: number;
}

const SPECS: Readonly<Record<Slot, SlotSpec>> = {
  supplier: { names: ['Packaging supplier', 'Raw materials co-op', 'IT contractor', 'Print shop'], label: 'supplier', side: 'external', wrong: ['customer', 'colleague'], column: -1 },
  team: { names: ['Sales team', 'Customer service', 'Field marketing', 'IT service desk'], label: 'colleague', side: 'internal', wrong: ['customer'], column: 0 },
  distributor: { names: ['National distributor', 'Regional wholesaler', 'Import agent', 'Online marketplace'], label: 'partner', side: 'external', wrong: ['customer'], column: 1 },
  client: { names: ['Regional bank', 'Hospital group', 'City council', 'Logistics firm'], label: 'client', side: 'external', wrong: ['customer'], column: 1 },
  broker: { names: ['Insurance broker', 'Financial advisors', 'Sales agents'], label: 'intermediary', side: 'external', wrong: ['customer', 'colleague'], column: 1 },
  referrer: { names: ['Chamber of commerce', 'Industry association', 'Alumni network'], label: 'partner', side: 'external', wrong: ['customer'], column: 1 },
  retailer: { names: ['Grocery chain', 'Corner shops', 'Pharmacy chain', 'Department store', 'Web shop'], label: 'partner', side: 'external', wrong: ['customer'], column: 2 },
  'client-customers': { names: ['Small businesses', 'Patients', 'Residents', 'Shippers'], label: 'other', side: 'external', wrong: ['customer'], column: 2 },
  'end-user': { names: ['Families', 'Students', 'Commuters', 'Retirees', 'Small offices'], label: 'customer', side: 'external', wrong: ['other', 'partner'], column: 3 },
  // Buys for others: under "the user is the customer", not itself a customer.
  buyer: { names: ['Parents', 'Employers', 'Gift buyers'], label: 'other', side: 'external', wrong: ['customer'], column: 3 },
  beneficiary: { names: ['Children', 'Employees', 'Gift recipients'], label: 'customer', side: 'external', wrong: ['other'], column: 4 },
};

/** One value chain, in the order stakeholders are created. */
const CHAIN: readonly Slot[] = [
  'distributor', 'retailer', 'end-user', 'team', 'supplier', 'client', 'client-customers',
  'retailer', 'end-user', 'broker', 'buyer', 'beneficiary', 'referrer',
];
/** The stakeholders left over after whole chains: each makes sense on its own. */
const REST: readonly Slot[] = ['end-user', 'supplier', 'referrer', 'team', 'broker', 'end-user', 'supplier', 'referrer', 'team', 'broker', 'end-user', 'supplier'];

const SHORT: Readonly<Record<Slot, string>> = {
  distributor: 'dist', retailer: 'shop', 'end-user': 'user', buyer: 'buyer', beneficiary: 'benef', client: 'client',
  'client-customers': 'clcust', broker: 'broker', supplier: 'supp', team: 'team', referrer: 'ref',
};

const COLUMN_GAP = 300;
const ROW_GAP = 90;
const CHAIN_ROWS = 4;

/**
 * Where a chain's stakeholder sits. Chains alternate between the two sides of
 * the organization, so a large map is about as wide as it is tall (and a
 * 500-stakeholder map fits a 2x image): even chains run right from us,
 * suppliers on the left; odd chains run left, mirrored. Both sides share the
 * organization's column (teams) and the supplier column, where the left-hand
 * chain takes the lower half of its rows.
 */
function gridSpot(chain: number, column: number, row: number): { column: number; row: number } {
  const band = Math.floor(chain / 2) * CHAIN_ROWS;
  if (chain % 2 === 0) return { column, row: band + row };
  return column <= 0 ? { column, row: band + CHAIN_ROWS / 2 + row } : { column: -(column + 1), row: band + row };
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateMap(options: GenerateOptions): StakeMap {
  const count = clamp(options.stakeholders, LIMITS.stakeholders);
  const wanted = count === 0 ? 0 : clamp(options.relations, LIMITS.relations);
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const wrongRate = options.wrongLabelRate ?? 0.15;

  const stakeholders: Stakeholder[] = [];
  // Per chain: the ids of each slot kind, to wire relations within the chain.
  const chains: Map<Slot, string[]>[] = [];
  const rowsUsed = new Map<string, number>();
  const wholeChains = Math.floor(count / CHAIN.length);
  for (let i = 0; i < count; i++) {
    const chain = Math.floor(i / CHAIN.length);
    const slot = (chain < wholeChains ? CHAIN : REST)[i % CHAIN.length]!;
    const spec = SPECS[slot];
    if (!chains[chain]) chains[chain] = new Map();
    const ids = chains[chain].get(slot) ?? [];
    chains[chain].set(slot, ids);
    const id = `${SHORT[slot]}-${chain + 1}-${ids.length + 1}`;
    ids.push(id);
    const cell = `${chain}:${spec.column}`;
    const row = rowsUsed.get(cell) ?? 0;
    rowsUsed.set(cell, row + 1);
    const spot = gridSpot(chain, spec.column, row);
    stakeholders.push({
      id,
      name: `${pick(spec.names)} ${chain + 1}${ids.length > 1 ? String.fromCharCode(96 + ids.length) : ''}`,
      label: rand() < wrongRate ? pick(spec.wrong) : spec.label,
      side: spec.side,
      position: { x: spot.column * COLUMN_GAP, y: spot.row * ROW_GAP },
    });
  }

  const relations: Relation[] = [];
  const add = (from: string, to: string, kind: Kind, note?: string): void => {
    if (relations.length >= wanted || from === to) return;
    relations.push(note === undefined ? { id: `r${relations.length + 1}`, from, to, kind } : { id: `r${relations.length + 1}`, from, to, kind, note });
  };
  for (const chain of chains) wireChain(chain, add);
  // Fill up with the everyday traffic of a chain: insight, support, more sales.
  for (let guard = 0; relations.length < wanted && guard < wanted * 4; guard++) {
    extraRelation(pick(chains), rand, pick, add);
  }
  // A chain too small for its patterns still connects to the organization.
  for (let k = 0; relations.length < wanted; k++) add(stakeholders[k % count]!.id, 'us', 'insight');

  return {
    title: `Generated map: ${count} stakeholders (seed ${options.seed})`,
    definition: options.definition ?? 'user',
    organization: { name: 'Generated Co', position: { x: 0, y: -2 * ROW_GAP } },
    stakeholders,
    relations,
  };
}

type Add = (from: string, to: string, kind: Kind, note?: string) => void;

/** The backbone of one chain; a slot missing from a partial chain falls back to `us`. */
function wireChain(chain: Map<Slot, string[]>, add: Add): void {
  const first = (slot: Slot): string => chain.get(slot)?.[0] ?? 'us';
  const all = (slot: Slot): string[] => chain.get(slot) ?? [];
  const dist = first('distributor');
  all('distributor').forEach((d) => { add('us', d, 'offering', 'By the pallet'); add(d, 'us', 'money'); });
  all('retailer').forEach((r) => { add(dist, r, 'offering'); add(r, dist, 'money'); add(first('team'), r, 'support', 'Promotions'); });
  all('end-user').forEach((u, k) => {
    const shop = all('retailer')[k] ?? dist;
    add(shop, u, 'offering');
    add(u, shop, 'money');
  });
  all('buyer').forEach((b) => {
    const shop = all('retailer')[0] ?? dist;
    add(shop, b, 'offering');
    add(b, shop, 'money');
    all('beneficiary').forEach((c) => add(b, c, 'offering', 'A present'));
  });
  all('client').forEach((c) => {
    add('us', c, 'offering', 'Programme');
    add('us', c, 'advice');
    add(c, 'us', 'money');
    all('client-customers').forEach((cc) => add(c, cc, 'serves'));
  });
  all('broker').forEach((b) => {
    add('us', b, 'money', 'Commission');
    all('end-user').forEach((u) => add(b, u, 'advice'));
  });
  all('supplier').forEach((s) => { add(s, 'us', 'supply'); add('us', s, 'money'); });
  all('referrer').forEach((r) => add(r, 'us', 'referral'));
  all('team').forEach((t) => add(t, 'us', 'insight', 'Field reports'));
}

function extraRelation(
  chain: Map<Slot, string[]>,
  rand: () => number,
  pick: <T>(items: readonly T[]) => T,
  add: Add,
): void {
  const any = (...slots: Slot[]): string | undefined => {
    const ids = slots.flatMap((s) => chain.get(s) ?? []);
    return ids.length ? pick(ids) : undefined;
  };
  const r = rand();
  if (r < 0.3) {
    const who = any('distributor', 'retailer', 'client', 'broker', 'end-user');
    if (who) add(who, 'us', 'insight', 'Sales data');
  } else if (r < 0.5) {
    const team = any('team');
    const who = any('retailer', 'end-user', 'client', 'broker', 'buyer');
    if (team && who) add(team, who, 'support');
  } else if (r < 0.75) {
    const shop = any('retailer');
    const user = any('end-user', 'buyer');
    if (shop && user) {
      add(shop, user, 'offering');
      add(user, shop, 'money');
    }
  } else if (r < 0.9) {
    const who = any('client');
    if (who) add(any('team') ?? 'us', who, 'advice');
  } else {
    const who = any('supplier', 'referrer', 'distributor');
    if (who) add('us', who, 'insight', 'Forecasts');
  }
}

function clamp(n: number, max: number): number {
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(Math.floor(n), max);
}
