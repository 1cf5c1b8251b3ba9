import { describe, expect, it } from 'vitest';
import type { StakeMap } from '../../src/domain';
import { movedIds } from '../../src/canvas/moved';

const map: StakeMap = {
  title: 'Far',
  organization: { name: 'Us', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'a', name: 'A', label: 'customer', side: 'external', position: { x: 400, y: 0 } },
    { id: 'b', name: 'B', label: 'partner', side: 'external', position: { x: 400, y: 200 } },
    { id: 'c', name: 'C', label: 'other', side: 'external' },
  ],
  relations: [
    { id: 'r1', from: 'us', to: 'a', kind: 'offering' },
    { id: 'r2', from: 'a', to: 'us', kind: 'money' },
    { id: 'r3', from: 'us', to: 'b', kind: 'offering' },
    { id: 'r4', from: 'us', to: 'c', kind: 'offering' },
  ],
};

describe('movedIds', () => {
  it('names the stakeholders whose objects changed, and the organization when it moved', () => {
    const moved: StakeMap = { ...map, stakeholders: map.stakeholders.map((s) => (s.id === 'b' ? { ...s, position: { x: 1, y: 1 } } : s)) };
    expect([...movedIds(map, moved)]).toEqual(['b']);
    const orgMoved: StakeMap = { ...map, organization: { ...map.organization, position: { x: 5, y: 0 } } };
    expect([...movedIds(map, orgMoved)]).toEqual(['us']);
    expect(movedIds(map, map).size).toBe(0);
    expect(movedIds(map, { ...map, stakeholders: map.stakeholders.slice(1) }).size).toBe(0);
  });
});
