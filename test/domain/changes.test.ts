// Undo by record: a change taken back on top of others' later changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addStakeholder, applyChange, connect, deleteElements, diffMaps, invertChange, mergeChanges, renameOrganization, setTitle, updateStakeholder, type StakeMap } from '../../src/domain';
import { mustParse, scenarioFiles } from './helpers';

const base: StakeMap = {
  title: 'Test',
  organization: { name: 'Acme', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'a', name: 'Alpha', label: 'customer', side: 'external', position: { x: 600, y: 0 } },
    { id: 'b', name: 'Beta', label: 'partner', side: 'external', position: { x: 900, y: 0 } },
    { id: 'c', name: 'Gamma', label: 'supplier', side: 'external', position: { x: 900, y: 300 } },
  ],
  relations: [
    { id: 'r1', from: 'us', to: 'a', kind: 'offering' },
    { id: 'r2', from: 'b', to: 'a', kind: 'offering' },
  ],
};

describe('diffMaps / applyChange', () => {
  it('finds nothing between a map and itself or an equal copy', () => {
    expect(diffMaps(base, base)).toBeNull();
    expect(diffMaps(base, structuredClone(base))).toBeNull();
  });

  it('applying the change of a → b to a gives b, and its inverse to b gives a, on every scenario', () => {
    for (const { name, text } of scenarioFiles()) {
      const a = mustParse(text);
      if (a.stakeholders.length === 0) continue;
      const first = a.stakeholders[0]!;
      const b = deleteElements(setTitle(a, `${a.title} (edited)`), { stakeholders: [first.id], relations: [] });
      const change = diffMaps(a, b)!;
      expect(applyChange(a, change), name).toEqual(b);
      expect(applyChange(b, invertChange(change)), name).toEqual(a);
    }
  });

  it('undoing a delete puts the stakeholder and its relations back where they were', () => {
    const after = deleteElements(base, { stakeholders: ['a'], relations: [] });
    const back = applyChange(after, invertChange(diffMaps(base, after)!));
    expect(back.stakeholders.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(back.relations.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it("undoing my rename leaves someone else's later edits alone", () => {
    const mine = updateStakeholder(base, 'a', { name: 'Mine' });
    const myChange = diffMaps(base, mine)!;
    // Another tab then renames b, relabels c and retitles the map.
    const theirs = setTitle(updateStakeholder(updateStakeholder(mine, 'b', { name: 'Theirs' }), 'c', { label: 'partner' }), 'Their title');
    const undone = applyChange(theirs, invertChange(myChange));
    expect(undone.stakeholders.map((s) => s.name)).toEqual(['Alpha', 'Theirs', 'Gamma']);
    expect(undone.stakeholders[2]!.label).toBe('partner');
    expect(undone.title).toBe('Their title');
  });

  it('drops a relation whose end someone else deleted, so the map stays valid', () => {
    const added = addStakeholder(base, { id: 'd', name: 'Delta', label: 'partner', side: 'external', position: { x: 0, y: 600 } });
    const connected = connect(added, { id: 'r3', from: 'd', to: 'c', kind: 'money' });
    const myChange = diffMaps(base, connected)!;
    const theirs = deleteElements(connected, { stakeholders: ['c'], relations: [] });
    // Redo of my change onto their map: r3 would dangle without c.
    const redone = applyChange(deleteElements(theirs, { stakeholders: ['d'], relations: [] }), myChange);
    expect(redone.relations.find((r) => r.id === 'r3')).toBeUndefined();
    expect(redone.stakeholders.map((s) => s.id)).toContain('d');
  });

  it('merges a burst of changes into one, and drops what came back to where it was', () => {
    const one = updateStakeholder(base, 'a', { name: 'Al' });
    const two = updateStakeholder(one, 'a', { name: 'Alpha' });
    const three = renameOrganization(two, 'Acme Ltd');
    const merged = mergeChanges(mergeChanges(diffMaps(base, one)!, diffMaps(one, two)!), diffMaps(two, three)!);
    expect(merged.stakeholders.size).toBe(0);
    expect([...merged.head.keys()]).toEqual(['organization']);
    expect(applyChange(three, invertChange(merged))).toEqual(base);
  });

  it('property: for any two edits in a row, undoing the second then the first returns the start', () => {
    const edit = fc.oneof(
      fc.record({ t: fc.constant('rename' as const), id: fc.constantFrom('a', 'b', 'c'), name: fc.string({ minLength: 1, maxLength: 8 }) }),
      fc.record({ t: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ t: fc.constant('title' as const), name: fc.string({ minLength: 1, maxLength: 8 }) }),
    );
    const apply = (m: StakeMap, e: { t: 'rename' | 'delete' | 'title'; id?: string; name?: string }): StakeMap => {
      if (e.t === 'rename') return updateStakeholder(m, e.id!, { name: e.name! });
      if (e.t === 'delete') return deleteElements(m, { stakeholders: [e.id!], relations: [] });
      return setTitle(m, e.name!);
    };
    fc.assert(
      fc.property(edit, edit, (e1, e2) => {
        const m1 = apply(base, e1);
        const m2 = apply(m1, e2);
        const c1 = diffMaps(base, m1);
        const c2 = diffMaps(m1, m2);
        let back = m2;
        if (c2) back = applyChange(back, invertChange(c2));
        expect(back).toEqual(m1);
        if (c1) back = applyChange(back, invertChange(c1));
        expect(back).toEqual(base);
      }),
      { numRuns: 200 },
    );
  });
});
