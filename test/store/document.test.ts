import { describe, expect, it } from 'vitest';
import { useStakemap } from '../../src/store';
import {
  addStakeholderAt,
  changeRelation,
  changeStakeholder,
  connectStakeholders,
  deleteSelection,
  duplicateSelection,
  endTyping,
  run,
  setSide,
} from '../../src/commands';
import { boundaryRect, isInside, NODE_SIZE, type StakeMap } from '../../src/domain';

const base: StakeMap = {
  title: 'Test',
  organization: { name: 'Acme', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'a', name: 'Alpha', label: 'customer', side: 'external', position: { x: 600, y: 0 } },
    { id: 'b', name: 'Beta', label: 'partner', side: 'external', position: { x: 900, y: 0 } },
  ],
  relations: [{ id: 'r1', from: 'us', to: 'a', kind: 'offering' }],
};

// The commands act on the app's store, as the editor's buttons and keys do.
const actions = {
  updateStakeholder: (id: string, patch: Parameters<typeof changeStakeholder.perform>[1], coalesce?: string) => run(changeStakeholder, id, patch, coalesce),
  endTyping: () => run(endTyping),
  addStakeholderAt: (...args: Parameters<typeof addStakeholderAt.perform>) => run(addStakeholderAt, ...args) ?? null,
  connect: (...args: Parameters<typeof connectStakeholders.perform>) => run(connectStakeholders, ...args) ?? null,
  updateRelation: (...args: Parameters<typeof changeRelation.perform>) => run(changeRelation, ...args),
  setSide: (...args: Parameters<typeof setSide.perform>) => run(setSide, ...args),
  deleteSelection: () => run(deleteSelection),
  duplicateSelection: () => run(duplicateSelection),
};

function setup(map: StakeMap = base) {
  const store = useStakemap;
  store.getState().clearSelection();
  store.getState().openDocument('m1', map);
  return { store, actions };
}

describe('document history', () => {
  it('undoes and redoes an edit', () => {
    const { store, actions } = setup();
    actions.updateStakeholder('a', { label: 'partner' });
    expect(store.getState().map?.stakeholders[0]?.label).toBe('partner');
    store.getState().undo();
    expect(store.getState().map).toEqual(base);
    store.getState().redo();
    expect(store.getState().map?.stakeholders[0]?.label).toBe('partner');
  });

  it('records nothing for an edit that changes nothing', () => {
    const { store, actions } = setup();
    actions.updateStakeholder('a', { label: 'customer' });
    expect(store.getState().undoStack).toHaveLength(0);
  });

  it('merges typing in one field into one step, and starts a new step after the field is left', () => {
    const { store, actions } = setup();
    for (const name of ['A', 'Al', 'Ali']) actions.updateStakeholder('a', { name }, 'name:a');
    expect(store.getState().undoStack).toHaveLength(1);
    actions.endTyping();
    actions.updateStakeholder('a', { name: 'Alix' }, 'name:a');
    expect(store.getState().undoStack).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().map?.stakeholders[0]?.name).toBe('Alpha');
  });

  it('records a whole drag as one step, measured from where it began', () => {
    const { store } = setup();
    const s = store.getState();
    s.startGesture();
    for (let x = 610; x <= 700; x += 10) {
      store.getState().previewGesture((m) => ({ ...m, stakeholders: m.stakeholders.map((st) => (st.id === 'a' ? { ...st, position: { x, y: 0 } } : st)) }));
    }
    store.getState().endGesture();
    expect(store.getState().undoStack).toHaveLength(1);
    expect(store.getState().map?.stakeholders[0]?.position).toEqual({ x: 700, y: 0 });
    store.getState().undo();
    expect(store.getState().map?.stakeholders[0]?.position).toEqual({ x: 600, y: 0 });
  });

  it('a new edit clears the redo stack', () => {
    const { store, actions } = setup();
    actions.updateStakeholder('a', { label: 'partner' });
    store.getState().undo();
    actions.updateStakeholder('a', { label: 'client' });
    expect(store.getState().redoStack).toHaveLength(0);
  });

  it('opening a map starts a fresh history', () => {
    const { store, actions } = setup();
    actions.updateStakeholder('a', { label: 'partner' });
    store.getState().openDocument('m2', base);
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().mapId).toBe('m2');
  });
});

describe('editor actions', () => {
  it('adds a stakeholder inside the boundary as an internal colleague, outside as external', () => {
    const { store, actions } = setup();
    const rect = boundaryRect(base);
    const inside = actions.addStakeholderAt({ x: rect.x + rect.width / 2, y: rect.y + rect.height - 60 });
    const outside = actions.addStakeholderAt({ x: 1400, y: 400 }, 'supplier');
    const map = store.getState().map!;
    const a = map.stakeholders.find((s) => s.id === inside)!;
    const b = map.stakeholders.find((s) => s.id === outside)!;
    expect(a.side).toBe('internal');
    expect(a.label).toBe('colleague');
    expect(b).toMatchObject({ side: 'external', label: 'supplier' });
    expect(store.getState().selection.stakeholders).toEqual([outside]);
  });

  it('never stacks new stakeholders on top of each other', () => {
    const { store, actions } = setup();
    actions.addStakeholderAt({ x: 1400, y: 400 });
    actions.addStakeholderAt({ x: 1400, y: 400 });
    const [p, q] = store.getState().map!.stakeholders.slice(-2).map((s) => s.position!);
    expect(Math.abs(p!.y - q!.y) >= NODE_SIZE.height || Math.abs(p!.x - q!.x) >= NODE_SIZE.width).toBe(true);
  });

  it('connects two stakeholders with an offering, selects it and asks for the kind', () => {
    const { store, actions } = setup();
    const id = actions.connect('a', 'b', { x: 10, y: 20 });
    const r = store.getState().map!.relations.find((x) => x.id === id);
    expect(r).toMatchObject({ from: 'a', to: 'b', kind: 'offering' });
    expect(store.getState().kindPick).toEqual({ relationId: id, x: 10, y: 20 });
    actions.updateRelation(id!, { kind: 'money' });
    expect(store.getState().map!.relations.find((x) => x.id === id)?.kind).toBe('money');
  });

  it('refuses to connect a stakeholder to itself', () => {
    const { store, actions } = setup();
    expect(actions.connect('a', 'a')).toBeNull();
    expect(store.getState().map).toEqual(base);
  });

  it('changing the side moves the stakeholder across the boundary', () => {
    const { store, actions } = setup();
    actions.setSide('a', 'internal');
    let map = store.getState().map!;
    let a = map.stakeholders.find((s) => s.id === 'a')!;
    expect(a.side).toBe('internal');
    expect(isInside(a.position!, boundaryRect(map))).toBe(true);
    actions.setSide('a', 'external');
    map = store.getState().map!;
    a = map.stakeholders.find((s) => s.id === 'a')!;
    expect(isInside(a.position!, boundaryRect(map))).toBe(false);
  });

  it('deletes the selection with its relations in one undoable step', () => {
    const { store, actions } = setup();
    store.getState().select({ stakeholders: ['a'] });
    actions.deleteSelection();
    expect(store.getState().map!.stakeholders.map((s) => s.id)).toEqual(['b']);
    expect(store.getState().map!.relations).toHaveLength(0);
    store.getState().undo();
    expect(store.getState().map).toEqual(base);
  });

  it('duplicates the selection and selects the copies', () => {
    const { store, actions } = setup();
    store.getState().select({ stakeholders: ['a', 'b'] });
    actions.duplicateSelection();
    const map = store.getState().map!;
    expect(map.stakeholders).toHaveLength(4);
    expect(store.getState().selection.stakeholders).toHaveLength(2);
    expect(store.getState().selection.stakeholders).not.toContain('a');
  });
});

describe('adding loosely (palette, keyboard)', () => {
  it('puts a customer outside the organization even when the view is centred inside it', () => {
    const { store, actions } = setup();
    const rect = boundaryRect(base);
    const id = actions.addStakeholderAt({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, 'customer', false);
    const s = store.getState().map!.stakeholders.find((x) => x.id === id)!;
    expect(s.side).toBe('external');
    expect(isInside(s.position!, boundaryRect(store.getState().map!))).toBe(false);
  });

  it('puts a colleague inside the organization even when the view is centred outside it', () => {
    const { store, actions } = setup();
    const id = actions.addStakeholderAt({ x: 2000, y: 900 }, 'colleague', false);
    const map = store.getState().map!;
    const s = map.stakeholders.find((x) => x.id === id)!;
    expect(s.side).toBe('internal');
    expect(isInside(s.position!, boundaryRect(map))).toBe(true);
  });
});
