// The two grids drawn from the map's own data, as plain numbers for a drawing:
// the relationship grid (depth across, yearly value up) and the power/interest
// grid. Positions run from 0 to 1 (y up). A stakeholder without the numbers a
// grid needs is listed apart, never placed at zero. Shared by the screen
// (src/views) and the slide (src/export/grid-slide.ts), so both place alike.
import { isCustomerLabel, type Label, type StakeMap, type Stakeholder } from './model';
import { DEPTH_INFO, formatValue, yearlyValue } from './relationship';

export type GridKind = 'relationship' | 'power';

export const GRID_TITLES: Readonly<Record<GridKind, string>> = { relationship: 'Relationship grid', power: 'Power and interest' };
export const GRID_AXES: Readonly<Record<GridKind, { x: string; y: string }>> = {
  relationship: { x: 'Depth of the relationship →', y: 'Yearly value →' },
  power: { x: 'Interest →', y: 'Power →' },
};

export interface Quadrant {
  readonly name: string;
  readonly hint: string;
}

/** Each quadrant's name, as [bottom-left, bottom-right, top-left, top-right]; the top-right is the one to aim for. */
export const GRID_QUADRANTS: Readonly<Record<GridKind, readonly [Quadrant, Quadrant, Quadrant, Quadrant]>> = {
  relationship: [
    { name: 'Transactional', hint: 'Shallow and small: a purchase now and then.' },
    { name: 'Close, little value', hint: 'Deep, but worth little yet.' },
    { name: 'Valuable, at arm’s length', hint: 'Worth much, but shallow: deepen it.' },
    { name: 'Shared success', hint: 'Deep and valuable: both sides share in each other’s success.' },
  ],
  power: [
    { name: 'Monitor', hint: 'Little power, little interest.' },
    { name: 'Keep informed', hint: 'Much interest, little power.' },
    { name: 'Keep satisfied', hint: 'Much power, little interest.' },
    { name: 'Manage closely', hint: 'Much power, much interest: involve them.' },
  ],
};

/** Whether the map gives the grid anything to place: at least one stakeholder with its numbers. */
export function gridHasValues(map: StakeMap, kind: GridKind): boolean {
  return gridOf(map, kind).dots.length > 0;
}

export function gridOf(map: StakeMap, kind: GridKind): GridData {
  return kind === 'relationship' ? relationshipGrid(map) : powerInterestGrid(map);
}

export interface Dot {
  readonly id: string;
  readonly name: string;
  readonly label: Label;
  /** 0 (left) to 1 (right). */
  readonly x: number;
  /** 0 (bottom) to 1 (top). */
  readonly y: number;
  /** What the dot stands for, in words ("Trusted advisor, €90,000 a year"). */
  readonly detail: string;
}

export interface Unplaced {
  readonly id: string;
  readonly name: string;
  /** What it lacks: "no depth", "no value", "no depth or value". */
  readonly missing: string;
}

export interface Tick {
  /** 0 to 1, along the axis. */
  readonly at: number;
  readonly text: string;
}

export interface GridData {
  readonly dots: readonly Dot[];
  readonly unplaced: readonly Unplaced[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

/** 1, 2 or 5 times a power of ten, at least `n` (1 for nothing above zero). */
export function niceCeiling(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/**
 * Dots that share a column (the same depth, or the same power and interest)
 * are spread across its width in file order, so none hides another; the
 * column's centre stays where the value puts it when it is alone.
 */
function spread(items: { key: string; column: number; width: number }[]): Map<string, number> {
  const byColumn = new Map<number, string[]>();
  for (const it of items) byColumn.set(it.column, [...(byColumn.get(it.column) ?? []), it.key]);
  const out = new Map<string, number>();
  for (const it of items) {
    const keys = byColumn.get(it.column)!;
    const k = keys.indexOf(it.key);
    const slot = keys.length === 1 ? 0.5 : 0.15 + (0.7 * k) / (keys.length - 1);
    out.set(it.key, it.column * it.width + slot * it.width);
  }
  return out;
}

/** Whether a stakeholder belongs on the relationship grid: an outside customer or client, or anyone outside with a depth or value. */
function onRelationshipGrid(s: Stakeholder): boolean {
  return s.side === 'external' && (isCustomerLabel(s.label) || s.depth !== undefined || yearlyValue(s) !== undefined);
}

export function relationshipGrid(map: StakeMap): GridData {
  const placed: { s: Stakeholder; value: number }[] = [];
  const unplaced: Unplaced[] = [];
  for (const s of map.stakeholders) {
    if (!onRelationshipGrid(s)) continue;
    const value = yearlyValue(s);
    if (s.depth === undefined || value === undefined) {
      const missing = s.depth === undefined && value === undefined ? 'no depth or value' : s.depth === undefined ? 'no depth' : 'no value';
      unplaced.push({ id: s.id, name: s.name, missing });
    } else placed.push({ s, value });
  }
  const top = niceCeiling(Math.max(0, ...placed.map((p) => p.value)));
  const xs = spread(placed.map((p) => ({ key: p.s.id, column: p.s.depth! - 1, width: 0.25 })));
  const dots = placed.map(({ s, value }) => ({
    id: s.id,
    name: s.name,
    label: s.label,
    x: xs.get(s.id)!,
    y: value / top,
    detail: `${DEPTH_INFO[s.depth!].name}, ${formatValue(value, map.currency)} a year`,
  }));
  return {
    dots,
    unplaced,
    xTicks: ([1, 2, 3, 4] as const).map((d) => ({ at: (d - 0.5) / 4, text: `${d}. ${DEPTH_INFO[d].name}` })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, text: formatValue(top * at, map.currency, true) })),
  };
}

export function powerInterestGrid(map: StakeMap): GridData {
  const placed = map.stakeholders.filter((s) => s.power !== undefined && s.interest !== undefined);
  const unplaced: Unplaced[] = map.stakeholders
    .filter((s) => s.power === undefined || s.interest === undefined)
    .map((s) => ({ id: s.id, name: s.name, missing: s.power === undefined && s.interest === undefined ? 'no power or interest' : s.power === undefined ? 'no power' : 'no interest' }));
  // Columns are cells: one per interest and power pair, spread within the interest's width.
  const xs = spread(placed.map((s) => ({ key: s.id, column: s.interest! - 1 + 5 * (s.power! - 1), width: 0.2 })));
  const dots = placed.map((s) => ({
    id: s.id,
    name: s.name,
    label: s.label,
    x: xs.get(s.id)! - 5 * (s.power! - 1) * 0.2,
    y: (s.power! - 0.5) / 5,
    detail: `power ${s.power}, interest ${s.interest}`,
  }));
  const ticks = [1, 2, 3, 4, 5].map((n) => ({ at: (n - 0.5) / 5, text: String(n) }));
  return { dots, unplaced, xTicks: ticks, yTicks: ticks };
}
