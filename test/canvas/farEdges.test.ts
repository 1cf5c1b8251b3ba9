import { describe, expect, it } from 'vitest';
import { NODE_SIZE, ORG_SIZE, type StakeMap } from '../../src/domain';
import { farEdgePaths, idsKey, movedIds } from '../../src/canvas/farEdges';

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

const us = { x: ORG_SIZE.width / 2, y: ORG_SIZE.height / 2 };
const a = { x: 400 + NODE_SIZE.width / 2, y: NODE_SIZE.height / 2 };
const b = { x: 400 + NODE_SIZE.width / 2, y: 200 + NODE_SIZE.height / 2 };

describe('farEdgePaths', () => {
  it('draws one path per kind between node centres, skipping ends without a position', () => {
    expect(farEdgePaths(map, new Set())).toEqual([
      { kind: 'offering', emphasis: false, d: `M${us.x} ${us.y}L${a.x} ${a.y}M${us.x} ${us.y}L${b.x} ${b.y}` },
      { kind: 'money', emphasis: false, d: `M${a.x} ${a.y}L${us.x} ${us.y}` },
    ]);
  });

  it('puts emphasised relations in their own paths, after the others', () => {
    const paths = farEdgePaths(map, new Set(['r3']));
    expect(paths.map((p) => [p.kind, p.emphasis])).toEqual([
      ['offering', false],
      ['money', false],
      ['offering', true],
    ]);
    expect(paths[2]!.d).toBe(`M${us.x} ${us.y}L${b.x} ${b.y}`);
  });

  it('draws only the relations asked for', () => {
    expect(farEdgePaths(map, new Set(), (r) => r.kind === 'money').map((p) => p.kind)).toEqual(['money']);
  });
});

describe('movedIds', () => {
  it('names the stakeholders whose objects changed, and the organization when it moved', () => {
    const moved: StakeMap = { ...map, stakeholders: map.stakeholders.map((s) => (s.id === 'b' ? { ...s, position: { x: 1, y: 1 } } : s)) };
    expect([...movedIds(map, moved)]).toEqual(['b']);
    const orgMoved: StakeMap = { ...map, organization: { ...map.organization, position: { x: 5, y: 0 } } };
    expect([...movedIds(map, orgMoved)]).toEqual(['us']);
    expect(movedIds(map, map).size).toBe(0);
    expect(movedIds(map, { ...map, stakeholders: map.stakeholders.slice(1) }).size).toBe(0);
  });

  it('keys a set of ids the same whatever its order', () => {
    expect(idsKey(new Set(['b', 'a']))).toBe(idsKey(new Set(['a', 'b'])));
    expect(idsKey(new Set())).toBe('');
  });
});
