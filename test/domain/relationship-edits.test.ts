// Edits of the relationship fields and the currency keep a valid map valid:
// a value sets, undefined removes, a value the format refuses is ignored.
import { describe, expect, it } from 'vitest';
import { addStakeholder, parseMap, serializeMap, setCurrency, updateStakeholder, type StakeMap } from '../../src/domain';

const map: StakeMap = {
  title: 'T',
  organization: { name: 'Us' },
  stakeholders: [{ id: 'a', name: 'A', label: 'client', side: 'external' }],
  relations: [],
};

describe('relationship edits', () => {
  it('sets, changes and removes each field; the result is a valid file', () => {
    const set = updateStakeholder(map, 'a', { depth: 3, value: 1200.5, lifetimeValue: 9000, valuePerPurchase: 50, purchasesPerYear: 24, years: 5, power: 4, interest: 2 });
    expect(set.stakeholders[0]).toMatchObject({ depth: 3, value: 1200.5, lifetimeValue: 9000, power: 4, interest: 2 });
    expect(parseMap(serializeMap(set))).toEqual({ ok: true, map: set });
    const removed = updateStakeholder(set, 'a', { depth: undefined, value: undefined });
    expect(removed.stakeholders[0]).not.toHaveProperty('depth');
    expect(removed.stakeholders[0]).not.toHaveProperty('value');
    expect(removed.stakeholders[0]).toMatchObject({ power: 4 });
  });

  it('ignores values the format refuses, and returns the same map for no change', () => {
    const set = updateStakeholder(map, 'a', { depth: 2 });
    for (const patch of [{ depth: 5 }, { depth: 1.5 }, { value: -1 }, { value: Number.NaN }, { power: 0 }, { years: 1e9 }] as const) {
      expect(updateStakeholder(set, 'a', patch as never)).toBe(set);
    }
    expect(updateStakeholder(set, 'a', { depth: 2 })).toBe(set);
  });

  it('adding a stakeholder with a refused value adds nothing', () => {
    expect(addStakeholder(map, { id: 'b', name: 'B', label: 'customer', side: 'external', depth: 7 as never })).toBe(map);
    expect(addStakeholder(map, { id: 'b', name: 'B', label: 'customer', side: 'external', depth: 1 }).stakeholders[1]).toMatchObject({ depth: 1 });
  });

  it('sets and removes the currency; a code that is not three capitals is ignored', () => {
    const eur = setCurrency(map, 'EUR');
    expect(eur.currency).toBe('EUR');
    expect(setCurrency(eur, 'euro')).toBe(eur);
    expect(setCurrency(eur, 'EUR')).toBe(eur);
    expect(setCurrency(eur, '')).not.toHaveProperty('currency');
    expect(setCurrency(map, undefined)).toBe(map);
  });
});
