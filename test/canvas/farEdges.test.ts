import { describe, expect, it } from 'vitest';
import { NODE_SIZE, ORG_SIZE, type StakeMap } from '../../src/domain';
import { FAR_CELL, farLines, idsKey, movedIds, pathOf, zoomStep } from '../../src/canvas/farEdges';

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

describe('farLines', () => {
  it('draws lines between node centres, grouped by kind and place, skipping ends without a position', () => {
    expect(farLines(map, new Set())).toEqual([
      { kind: 'offering', emphasis: false, coords: [us.x, us.y, a.x, a.y, us.x, us.y, b.x, b.y] },
      { kind: 'money', emphasis: false, coords: [a.x, a.y, us.x, us.y] },
    ]);
  });

  it('keeps lines of different parts of the map in different groups', () => {
    const far: StakeMap = {
      ...map,
      stakeholders: [...map.stakeholders, { id: 'd', name: 'D', label: 'other', side: 'external', position: { x: 5 * FAR_CELL, y: 0 } }],
      relations: [...map.relations, { id: 'r5', from: 'us', to: 'd', kind: 'offering' }],
    };
    expect(farLines(far, new Set()).filter((l) => l.kind === 'offering')).toHaveLength(2);
  });

  it('puts emphasised relations in their own groups, after the others', () => {
    const lines = farLines(map, new Set(['r3']));
    expect(lines.map((l) => [l.kind, l.emphasis])).toEqual([
      ['offering', false],
      ['money', false],
      ['offering', true],
    ]);
    expect(lines[2]!.coords).toEqual([us.x, us.y, b.x, b.y]);
  });

  it('draws only the relations asked for, and writes them as an SVG path', () => {
    const lines = farLines(map, new Set(), (r) => r.kind === 'money');
    expect(lines.map((l) => l.kind)).toEqual(['money']);
    expect(pathOf(lines[0]!.coords)).toBe(`M${a.x} ${a.y}L${us.x} ${us.y}`);
  });

  it('rounds the zoom to steps', () => {
    expect(zoomStep(0.1)).toBeCloseTo(0.105, 2);
    expect(zoomStep(0.11)).toBe(zoomStep(0.1));
    expect(zoomStep(0.4)).toBeCloseTo(0.42, 2);
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
