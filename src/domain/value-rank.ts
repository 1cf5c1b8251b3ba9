// Where a customer's value stands among the map's customers: the rule
// customer-could-be-client looks at the top fifth of the customers with a
// yearly value (given, or estimated from its inputs).
import { FACT_BITS } from './facts';
import type { Definition, StakeMap } from './model';
import { yearlyValue } from './relationship';
import { countsAsCustomer, roleOf } from './roles';

export interface ValueRank {
  /** The smallest value in the top fifth (ties included), or null when no customer has a value. */
  readonly top: number | null;
  /** How many customers have a value. */
  readonly valued: number;
}

const NONE: ValueRank = { top: null, valued: 0 };

/** From the facts' bits (by position in the file). One pass; a map without values costs one look per stakeholder. */
export function rankValues(map: StakeMap, bits: Int32Array, definition: Definition): ValueRank {
  let values: number[] | null = null;
  for (let i = 0; i < map.stakeholders.length; i++) {
    const value = yearlyValue(map.stakeholders[i]!);
    if (value === undefined) continue;
    const b = bits[i]! & FACT_BITS;
    if (!countsAsCustomer(b, roleOf(b), definition)) continue;
    (values ??= []).push(value);
  }
  if (values === null) return NONE;
  values.sort((a, b) => b - a);
  // The top fifth rounds down, but holds at least the most valuable one.
  return { top: values[Math.max(1, Math.floor(values.length / 5)) - 1]!, valued: values.length };
}
