import { describe, expect, it } from 'vitest';
import { generateMap } from '../../src/domain/generate';
import { moveStakeholders, updateStakeholder, type StakeMap } from '../../src/domain';
import { findingsFor, rulesMap, sameForRules } from '../../src/store/findings';

const map: StakeMap = generateMap({ stakeholders: 60, relations: 120, seed: 3 });
const first = map.stakeholders[0]!;

describe('findings while dragging', () => {
  it('treats maps that differ only in positions or notes as the same for the rules', () => {
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 1, y: 2 } }]);
    expect(sameForRules(map, moved)).toBe(true);
    expect(sameForRules(map, updateStakeholder(map, first.id, { notes: 'A note' }))).toBe(true);
    expect(sameForRules(map, updateStakeholder(map, first.id, { name: 'Renamed' }))).toBe(false);
    expect(sameForRules(map, updateStakeholder(map, first.id, { label: first.label === 'other' ? 'customer' : 'other' }))).toBe(false);
    expect(sameForRules(map, { ...map, relations: map.relations.slice(1) })).toBe(false);
    expect(sameForRules(map, { ...map, definition: 'payer' })).toBe(false);
  });

  it('reuses the findings of a map that only moved, and checks again after a real change', () => {
    const findings = findingsFor(map);
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 5, y: 5 } }]);
    expect(findingsFor(moved)).toBe(findings);
    const relabelled = updateStakeholder(moved, first.id, { label: first.label === 'customer' ? 'other' : 'customer' });
    expect(findingsFor(relabelled)).not.toBe(findings);
  });

  it('keeps one map for the rules while only positions change', () => {
    const start = rulesMap(map);
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 9, y: 9 } }]);
    expect(rulesMap(moved)).toBe(start);
    const renamed = updateStakeholder(moved, first.id, { name: 'Someone else' });
    expect(rulesMap(renamed)).toBe(renamed);
  });
});
