// The gesture boundary: React Flow's changes in, map edits and selections out.
import { describe, expect, it } from 'vitest';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { boundaryRect, type StakeMap } from '../../src/domain';
import { applyDrag } from '../../src/canvas/drag';
import { selectionAfter } from '../../src/canvas/selection';
import { BOUNDARY_ID, type CanvasNode, type RelationEdge } from '../../src/canvas/adapter';
import { EMPTY_SELECTION } from '../../src/store';
import { borderPoint } from '../../src/drawing/shapes';

const base: StakeMap = {
  title: 'Drag',
  organization: { name: 'Acme', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'in', name: 'Team', label: 'colleague', side: 'internal', position: { x: 40, y: 120 } },
    { id: 'out', name: 'Client', label: 'client', side: 'external', position: { x: 800, y: 100 } },
  ],
  relations: [],
};

const move = (id: string, x: number, y: number) => ({ type: 'position', id, position: { x, y }, dragging: true }) as NodeChange<CanvasNode>;
const select = (id: string, selected: boolean) => ({ type: 'select', id, selected }) as NodeChange<CanvasNode>;

describe('applyDrag', () => {
  it('moves stakeholders to rounded positions, and leaves the map alone for other changes', () => {
    const next = applyDrag(base, base, [move('out', 810.6, 99.4), select('in', true)]);
    expect(next.stakeholders[1]!.position).toEqual({ x: 811, y: 99 });
    expect(next.stakeholders[0]).toBe(base.stakeholders[0]);
    expect(applyDrag(base, base, [select('in', true)])).toBe(base);
  });

  it('moving the boundary moves the organization and everyone inside, measured from where the drag began', () => {
    const from = boundaryRect(base);
    const halfway = applyDrag(base, base, [move(BOUNDARY_ID, from.x + 50, from.y + 10)]);
    const end = applyDrag(halfway, base, [move(BOUNDARY_ID, from.x + 100, from.y + 20)]);
    expect(end.organization.position).toEqual({ x: 100, y: 20 });
    expect(end.stakeholders[0]!.position).toEqual({ x: 140, y: 140 });
    expect(end.stakeholders[1]!.position).toEqual({ x: 800, y: 100 });
  });
});

describe('selectionAfter', () => {
  it('adds and removes stakeholders, the organization and relations; ignores the boundary', () => {
    const edge = (id: string, selected: boolean) => ({ type: 'select', id, selected }) as EdgeChange<RelationEdge>;
    const one = selectionAfter(EMPTY_SELECTION, [select('in', true), select('us', true), select(BOUNDARY_ID, true)], [edge('r1', true)]);
    expect(one).toEqual({ stakeholders: ['in'], relations: ['r1'], organization: true });
    const two = selectionAfter(one, [select('in', false)], [edge('r1', false)]);
    expect(two).toEqual({ stakeholders: [], relations: [], organization: true });
  });

  it('returns the same object when nothing changes, so nothing re-renders', () => {
    const current = { stakeholders: ['in'], relations: [], organization: false };
    expect(selectionAfter(current, [move('in', 1, 1)], [])).toBe(current);
    expect(selectionAfter(current, [select('in', true)], [])).toBe(current);
  });
});

describe('edge geometry', () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };

  it('leaves each box at the border facing the other', () => {
    expect(borderPoint(a, { x: 350, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(borderPoint(a, { x: 50, y: 500 })).toEqual({ x: 50, y: 50 });
    expect(borderPoint(a, { x: 50, y: 25 })).toEqual({ x: 50, y: 25 });
  });
  // Routes and labels: test/drawing/edges.test.ts.
});
