import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addStakeholder, connect, deleteElements, moveStakeholders, setTitle, updateRelation, updateStakeholder, type StakeMap } from '../../src/domain';
import { generateMap } from '../../src/domain/generate';
import { PatchMismatchError, applyListPatch, applyMapPatch, listPatch, mapPatch } from '../../src/persistence/mapPatch';

const map = generateMap({ stakeholders: 120, relations: 240, seed: 9 });
const first = map.stakeholders[0]!;

function roundTrip(before: StakeMap, after: StakeMap): StakeMap {
  // What crosses to the worker is a structured clone: so is the patch here.
  return applyMapPatch(structuredClone(before), structuredClone(mapPatch(before, after)));
}

describe('mapPatch', () => {
  it('sends only what an edit touched', () => {
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 7, y: 8 } }]);
    const patch = mapPatch(map, moved);
    expect(patch.relations).toEqual({ kind: 'same' });
    expect(patch.stakeholders).toEqual({ kind: 'edit', removed: [], changed: [[0, moved.stakeholders[0]]], appended: [] });
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(map).length / 50);
  });

  it('compares content where objects are not shared, as in a map read again from storage', () => {
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 7, y: 8 } }]);
    const patch = mapPatch(structuredClone(map), moved);
    expect(patch.relations).toEqual({ kind: 'same' });
    expect(patch.stakeholders).toEqual({ kind: 'edit', removed: [], changed: [[0, moved.stakeholders[0]]], appended: [] });
    // The same fields in another order are stored differently: sent.
    const { id, ...rest } = first;
    const reordered = { ...map, stakeholders: [{ ...rest, id }, ...map.stakeholders.slice(1)] };
    expect(mapPatch(structuredClone(map), reordered).stakeholders).toEqual({ kind: 'edit', removed: [], changed: [[0, reordered.stakeholders[0]]], appended: [] });
  });

  it('rebuilds the map, down to the order of its keys', () => {
    const edits: ((m: StakeMap) => StakeMap)[] = [
      (m) => moveStakeholders(m, [{ id: first.id, position: { x: 1, y: 2 } }]),
      (m) => updateStakeholder(m, first.id, { name: 'Renamed', notes: 'Noted' }),
      (m) => addStakeholder(m, { id: 'new-one', name: 'New', label: 'customer', side: 'external', position: { x: 0, y: 900 } }),
      (m) => connect(m, { id: 'r-new', from: 'us', to: first.id, kind: 'advice' }),
      (m) => updateRelation(m, m.relations[3]!.id, { kind: 'money', note: 'Fee' }),
      (m) => deleteElements(m, { stakeholders: [map.stakeholders[5]!.id], relations: [] }),
      (m) => setTitle(m, 'Another title'),
      (m) => ({ ...m, stakeholders: [...m.stakeholders].reverse() }),
      (m) => ({ ...m, stakeholders: [], relations: [] }),
    ];
    let before = map;
    for (const edit of edits) {
      const after = edit(before);
      const rebuilt = roundTrip(before, after);
      expect(rebuilt).toEqual(after);
      expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(after));
      before = after;
    }
  });

  it('rebuilds any mix of removals, changes and additions', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), v: fc.integer() });
    const list = fc.uniqueArray(item, { selector: (x) => x.id, maxLength: 8 });
    fc.assert(
      fc.property(list, list, (before, after) => {
        // Keep the objects that did not change, as edits do.
        const shared = after.map((x) => before.find((y) => y.id === x.id && y.v === x.v) ?? x);
        expect(applyListPatch(before, structuredClone(listPatch(before, shared)))).toEqual(shared);
      }),
    );
  });

  it('refuses to apply a patch to another version of the map', () => {
    const before = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }];
    const patch = listPatch(before, [before[0]!, { id: 'b', v: 2 }]);
    expect(() => applyListPatch([{ id: 'b', v: 1 }, { id: 'a', v: 1 }], patch)).toThrow(PatchMismatchError);
    // A stakeholder more (or fewer) than the patch was made from, even where the change itself would fit.
    const renamed = mapPatch(map, setTitle(map, 'Renamed'));
    const grown = addStakeholder(map, { id: 'extra', name: 'Extra', label: 'customer', side: 'external' });
    expect(() => applyMapPatch(grown, renamed)).toThrow(PatchMismatchError);
    expect(() => applyMapPatch({ ...map, relations: map.relations.slice(1) }, renamed)).toThrow(PatchMismatchError);
  });

  it('sends the whole list when most of it changed or the order did', () => {
    expect(listPatch([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'a' }]).kind).toBe('full');
    expect(listPatch([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }, { id: 'c' }]).kind).toBe('full');
    const same = [{ id: 'a' }];
    expect(listPatch(same, same).kind).toBe('same');
    expect(listPatch(same, [...same]).kind).toBe('same');
  });
});
