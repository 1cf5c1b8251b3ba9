import { describe, expect, it } from 'vitest';
import { moveStakeholders, renameOrganization, updateStakeholder, type StakeMap } from '../../src/domain';
import { EMPTY_SELECTION } from '../../src/store';
import { BOUNDARY_ID, createEdgeProjector, createNodeProjector, projectEdges } from '../../src/canvas/adapter';

const map: StakeMap = {
  title: 'Edges',
  organization: { name: 'Us', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'a', name: 'Alpha', label: 'customer', side: 'external', position: { x: 400, y: 0 } },
    { id: 'b', name: 'Beta', label: 'partner', side: 'external', position: { x: 400, y: 200 } },
  ],
  relations: [
    { id: 'r1', from: 'us', to: 'a', kind: 'offering' },
    { id: 'r2', from: 'a', to: 'us', kind: 'money' },
    { id: 'r3', from: 'us', to: 'b', kind: 'offering' },
  ],
};
const none: ReadonlySet<string> = new Set();

describe('createEdgeProjector', () => {
  it('gives what projectEdges gives', () => {
    expect(createEdgeProjector()(map, EMPTY_SELECTION, none)).toEqual(projectEdges(map, EMPTY_SELECTION, none));
  });

  it('returns the same array while only positions change (a drag)', () => {
    const project = createEdgeProjector();
    const first = project(map, EMPTY_SELECTION, none);
    const moved = moveStakeholders(map, [{ id: 'a', position: { x: 420, y: 10 } }]);
    expect(project(moved, EMPTY_SELECTION, none)).toBe(first);
  });

  it('keeps the edge objects that did not change and makes new ones for those that did', () => {
    const project = createEdgeProjector();
    const first = project(map, EMPTY_SELECTION, none);
    const selected = project(map, { ...EMPTY_SELECTION, relations: ['r3'] }, none);
    expect(selected).not.toBe(first);
    expect(selected[0]).toBe(first[0]);
    expect(selected[1]).toBe(first[1]);
    expect(selected[2]).not.toBe(first[2]);
    expect(selected[2]!.selected).toBe(true);

    // A new name changes the words of the edges that touch it, and only those.
    const renamed = project(updateStakeholder(map, 'b', { name: 'Bravo' }), { ...EMPTY_SELECTION, relations: ['r3'] }, none);
    expect(renamed[0]).toBe(first[0]);
    expect(renamed[2]!.ariaLabel).toContain('Bravo');
    const orgRenamed = project(renameOrganization(map, 'We'), EMPTY_SELECTION, none);
    expect(orgRenamed.every((e) => e.ariaLabel!.includes('We'))).toBe(true);
  });

  it('marks highlighted evidence', () => {
    const edges = createEdgeProjector()(map, EMPTY_SELECTION, new Set(['r2']));
    expect(edges.filter((e) => e.data!.highlighted).map((e) => e.id)).toEqual(['r2']);
  });
});

describe('the projectors on a large map (region.ts)', () => {
  const noFlags = new Map();
  const noOverrides = new Map();

  it('gives React Flow only the organization while far out (FarCanvas draws the rest), and only the shown stakeholders near', () => {
    const project = createNodeProjector();
    const ids = (far: boolean, shown: ReadonlySet<string> | null) =>
      project(map, EMPTY_SELECTION, new Map(), noFlags, null, noOverrides, far, false, shown).map((n) => n.id);
    expect(ids(true, null)).toEqual(['us']);
    expect(ids(false, new Set(['b']))).toEqual([BOUNDARY_ID, 'us', 'b']);
    expect(ids(false, null)).toEqual([BOUNDARY_ID, 'us', 'a', 'b']);
  });

  it('keeps a node object across the far view and back while its stakeholder is unchanged', () => {
    const project = createNodeProjector();
    const before = project(map, EMPTY_SELECTION, new Map(), noFlags, null, noOverrides, false, false, null).find((n) => n.id === 'a');
    project(map, EMPTY_SELECTION, new Map(), noFlags, null, noOverrides, true, false, null);
    const after = project(map, EMPTY_SELECTION, new Map(), noFlags, null, noOverrides, false, false, null).find((n) => n.id === 'a');
    expect(after?.data).toEqual(before?.data);
  });

  it('gives only the shown relations, and the same array while the shown set and the relations are the same', () => {
    const project = createEdgeProjector();
    const shown = new Set(['r1', 'r3']);
    const first = project(map, EMPTY_SELECTION, none, shown);
    expect(first.map((e) => e.id)).toEqual(['r1', 'r3']);
    expect(project(moveStakeholders(map, [{ id: 'a', position: { x: 1, y: 1 } }]), EMPTY_SELECTION, none, shown)).toBe(first);
    expect(project(map, EMPTY_SELECTION, none, new Set(['r2'])).map((e) => e.id)).toEqual(['r2']);
  });
});
