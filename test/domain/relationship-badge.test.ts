// What a card's badge says: the depth's step and short name, the yearly value
// compact in the map's currency; nothing for a stakeholder with neither.
import { describe, expect, it } from 'vitest';
import { DEPTH_INFO, relationshipBadge } from '../../src/domain';

describe('relationshipBadge', () => {
  it('names the step by number and a short word, and the yearly value compactly in the currency', () => {
    expect(relationshipBadge({ depth: 4, value: 1_200_000 }, 'EUR')).toEqual({ text: '4. Advisor · €1.2M', title: 'Depth 4 of 4, trusted advisor; €1,200,000 a year' });
    expect(relationshipBadge({ depth: 2, value: 950 }, 'USD')?.text).toBe('2. Solver · $950');
    expect(relationshipBadge({ depth: 3, value: 1_250_000_000 }, 'GBP')?.text).toBe('3. Strategic · £1.3B');
    expect(relationshipBadge({ depth: 1, value: 12_345 }, 'JPY')?.text).toBe('1. Expert · ¥12.3K');
  });

  it('shows plain numbers without a currency, and the code for one without a symbol', () => {
    expect(relationshipBadge({ value: 12_345 })).toEqual({ text: '12.3K', title: '12,345 a year' });
    expect(relationshipBadge({ value: 12_345 }, 'XYZ')?.text).toMatch(/^XYZ\s12\.3K$/);
  });

  it('estimates the yearly value from purchases as the inspector does, and shows zero as a value', () => {
    expect(relationshipBadge({ valuePerPurchase: 250, purchasesPerYear: 40 }, 'EUR')).toEqual({ text: '€10K', title: '€10,000 a year' });
    expect(relationshipBadge({ depth: 3, value: 0 }, 'EUR')?.text).toBe('3. Strategic · €0');
  });

  it('shows the depth alone when there is no value, and nothing when there is neither', () => {
    expect(relationshipBadge({ depth: 1 }, 'EUR')).toEqual({ text: '1. Expert', title: 'Depth 1 of 4, subject expert' });
    expect(relationshipBadge({}, 'EUR')).toBeNull();
    expect(relationshipBadge({ valuePerPurchase: 250 }, 'EUR')).toBeNull();
  });

  it('has a short word for each of the four steps', () => {
    expect(Object.values(DEPTH_INFO).map((d) => d.short)).toEqual(['Expert', 'Solver', 'Strategic', 'Advisor']);
  });
});
