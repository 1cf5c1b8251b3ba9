// @vitest-environment node
// Undo is personal: it reverts this person's edits, never a colleague's.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addStakeholder, moveStakeholders, setTitle, updateStakeholder, type StakeMap } from '../../src/domain';
import { createUndoManager, LiveMap, writeMapToDoc } from '../../src/live';
import { parseObject, validFile } from '../domain/helpers';
import { exchange } from './helpers';

function startMap(): StakeMap {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return result.map;
}

function room(): { a: LiveMap; b: LiveMap } {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  writeMapToDoc(docA, startMap(), 'load');
  exchange(docA, docB);
  return { a: new LiveMap(docA), b: new LiveMap(docB) };
}

const stakeholder = (map: StakeMap, id: string) => map.stakeholders.find((s) => s.id === id);

describe('undo per origin', () => {
  it('reverts only this person\'s edit, keeping the colleague\'s', () => {
    const { a, b } = room();
    a.edit(updateStakeholder(a.map, 'a', { name: 'Renamed by A' }));
    b.edit(updateStakeholder(b.map, 'b', { label: 'supplier' }));
    exchange(a.doc, b.doc);
    expect(stakeholder(a.map, 'a')?.name).toBe('Renamed by A');
    expect(a.undo()).toBe(true);
    exchange(a.doc, b.doc);
    for (const map of [a.map, b.map]) {
      expect(stakeholder(map, 'a')?.name).toBe('Alpha');
      expect(stakeholder(map, 'b')?.label).toBe('supplier');
    }
    expect(a.canUndo()).toBe(false); // B's edit is not A's to undo
    expect(b.canUndo()).toBe(true);
  });

  it('never makes a colleague\'s change, or the load, an undo step', () => {
    const { a, b } = room();
    expect(a.canUndo()).toBe(false);
    b.edit(setTitle(b.map, 'Their title'));
    exchange(a.doc, b.doc);
    expect(a.map.title).toBe('Their title');
    expect(a.undo()).toBe(false);
    expect(a.map.title).toBe('Their title');
  });

  it('does not undo over a colleague\'s later change of the same field', () => {
    const { a, b } = room();
    a.edit(updateStakeholder(a.map, 'a', { name: 'A was here' }));
    exchange(a.doc, b.doc);
    b.edit(updateStakeholder(b.map, 'a', { name: 'B came after' }));
    exchange(a.doc, b.doc);
    a.undo();
    exchange(a.doc, b.doc);
    expect(stakeholder(a.map, 'a')?.name).toBe('B came after');
    expect(b.map).toStrictEqual(a.map);
  });

  it('takes one step per edit, and redo brings it back', () => {
    const { a } = room();
    const first = addStakeholder(a.map, { id: 'n1', name: 'New one', label: 'other', side: 'external' });
    a.edit(first);
    a.edit(moveStakeholders(a.map, [{ id: 'n1', position: { x: 10, y: 20 } }]));
    a.undo();
    expect(a.map).toStrictEqual(first);
    a.undo();
    expect(stakeholder(a.map, 'n1')).toBeUndefined();
    a.redo();
    expect(a.map).toStrictEqual(first);
  });

  it('works on a bare doc with createUndoManager and an origin of one\'s own', () => {
    const doc = new Y.Doc();
    const base = startMap();
    writeMapToDoc(doc, base, 'load');
    const mine = Symbol('me');
    const undo = createUndoManager(doc, mine);
    writeMapToDoc(doc, setTitle(base, 'Mine'), mine);
    writeMapToDoc(doc, updateStakeholder(setTitle(base, 'Mine'), 'c', { name: 'Theirs' }), 'someone else');
    undo.undo();
    expect(doc.getMap('map').get('title')).toBe(base.title);
    expect((doc.getMap('stakeholders').get('c') as Y.Map<unknown>).get('name')).toBe('Theirs');
  });
});
