// Commands the UI calls: each turns a gesture into one pure domain edit and
// keeps selection in step. Ids are made here so edits stay deterministic.
import {
  addStakeholder,
  boundaryRect,
  connect,
  deleteElements,
  duplicateStakeholders,
  freeSpotNear,
  isInside,
  moveStakeholders,
  positionForSide,
  uniqueId,
  updateRelation,
  updateStakeholder,
  NODE_SIZE,
  ORG_ID,
  type Kind,
  type Label,
  type Position,
  type Side,
  type StakeMap,
} from '../domain';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { StakemapState } from './index';

type Store = UseBoundStore<StoreApi<StakemapState>>;

const DEFAULT_NAMES: Record<Label, string> = {
  customer: 'New customer',
  client: 'New client',
  partner: 'New partner',
  intermediary: 'New intermediary',
  supplier: 'New supplier',
  colleague: 'New team',
  other: 'New stakeholder',
};

function takenIn(map: StakeMap) {
  const ids = new Set<string>([ORG_ID]);
  for (const s of map.stakeholders) ids.add(s.id);
  return (id: string) => ids.has(id);
}

export function createActions(store: Store) {
  const get = store.getState;

  return {
    /**
     * Adds a stakeholder centred on `center`. Placed `exactly` (a double-click
     * or a drop), its side follows the boundary; placed loosely (palette click,
     * keyboard), a colleague goes inside and anyone else outside, near `center`.
     */
    addStakeholderAt(center: Position, label: Label = 'other', exactly = true): string | null {
      const map = get().map;
      if (!map) return null;
      const id = uniqueId('s', takenIn(map));
      const rect = boundaryRect(map);
      let wanted = { x: Math.round(center.x - NODE_SIZE.width / 2), y: Math.round(center.y - NODE_SIZE.height / 2) };
      if (!exactly) {
        const inside = isInside(wanted, rect);
        if (label === 'colleague' && !inside) wanted = positionForSide(map, id, 'internal');
        if (label !== 'colleague' && inside) wanted = { x: Math.round(rect.x + rect.width + 60), y: wanted.y };
      }
      const position = freeSpotNear(map, wanted);
      const side: Side = isInside(wanted, rect) ? 'internal' : 'external';
      const chosen: Label = side === 'internal' && label === 'other' ? 'colleague' : label;
      const name = DEFAULT_NAMES[chosen];
      get().apply((m) => addStakeholder(m, { id, name, label: chosen, side, position }));
      get().select({ stakeholders: [id] });
      get().setRenameRequest(id);
      return id;
    },

    /** Text fields pass a coalesce key so a burst of typing is one undo step. */
    updateStakeholder(id: string, patch: { name?: string; label?: Label; notes?: string }, coalesce?: string) {
      get().apply((m) => updateStakeholder(m, id, patch), coalesce ? { coalesce } : undefined);
    },

    /** Changing the side moves the node across the boundary, so canvas and model agree. */
    setSide(id: string, side: Side) {
      get().apply((m) => {
        const s = m.stakeholders.find((x) => x.id === id);
        if (!s || s.side === side) return m;
        return moveStakeholders(m, [{ id, side, position: positionForSide(m, id, side) }]);
      });
    },

    connect(from: string, to: string, at?: Position): string | null {
      const map = get().map;
      if (!map || from === to) return null;
      const taken = new Set(map.relations.map((r) => r.id));
      const id = uniqueId('r', (x) => taken.has(x));
      get().apply((m) => connect(m, { id, from, to, kind: 'offering' }));
      if (!get().map?.relations.some((r) => r.id === id)) return null;
      get().select({ relations: [id] });
      if (at) get().setKindPick({ relationId: id, x: at.x, y: at.y });
      return id;
    },

    updateRelation(id: string, patch: { kind?: Kind; note?: string }, coalesce?: string) {
      get().apply((m) => updateRelation(m, id, patch), coalesce ? { coalesce } : undefined);
    },

    /** Any edit that is not typing ends the current typing step. */
    endTyping() {
      store.setState({ coalesceKey: null });
    },

    deleteSelection() {
      const { selection } = get();
      if (selection.stakeholders.length === 0 && selection.relations.length === 0) return;
      get().apply((m) => deleteElements(m, { stakeholders: selection.stakeholders, relations: selection.relations }));
      get().clearSelection();
      get().setKindPick(null);
    },

    duplicateSelection() {
      const { selection, map } = get();
      if (!map || selection.stakeholders.length === 0) return;
      let copies: string[] = [];
      get().apply((m) => {
        const result = duplicateStakeholders(m, selection.stakeholders, { x: 32, y: 32 });
        copies = [...result.idMap.values()];
        return result.map;
      });
      if (copies.length > 0) get().select({ stakeholders: copies });
    },

    selectAll() {
      const map = get().map;
      if (!map) return;
      get().select({ stakeholders: map.stakeholders.map((s) => s.id), relations: map.relations.map((r) => r.id) });
    },
  };
}

export type Actions = ReturnType<typeof createActions>;
