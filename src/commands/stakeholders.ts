// Commands that add, change and remove stakeholders and relations. Ids are
// made here, so that the domain's edits stay deterministic.
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
  reverseRelation,
  updateRelation,
  updateStakeholder,
  NODE_SIZE,
  ORG_ID,
  ORG_SIZE,
  orgPosition,
  type Kind,
  type Label,
  type Position,
  type Side,
  type StakeMap,
  type StakeholderPatch,
  LIMITS,
  limitPassed,
} from '../domain';
import { useStakemap } from '../store';
import { canvasApi } from '../services/canvasApi';
import { notify } from '../services/exportControl';
import { defineCommand } from './command';
import { newId } from './ids';
import { currentMap, editMap } from './edit';

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

const state = () => useStakemap.getState();

/**
 * Adds a stakeholder centred on `center`. Placed `exactly` (a double-click or
 * a drop), its side follows the boundary; placed loosely (palette click,
 * keyboard), a colleague goes inside and anyone else outside, near `center`.
 * Returns the new id.
 */
export const addStakeholderAt = defineCommand({
  id: 'stakeholder.add',
  label: 'Add a stakeholder',
  editsMap: true,
  perform(wantedCenter: Position, label: Label = 'other', exactly = true): string | null {
    const map = currentMap();
    if (!map) return null;
    if (limitPassed(map, 1, 0)) {
      notify(`This map has ${count(LIMITS.stakeholders)} stakeholders, the most a map can hold: remove one to add another.`, 'error');
      return null;
    }
    // A view that cannot say where it is (a NaN viewport) must not make Add do nothing: add beside the organization.
    const org = orgPosition(map);
    const center = Number.isFinite(wantedCenter.x) && Number.isFinite(wantedCenter.y)
      ? wantedCenter
      : { x: org.x + ORG_SIZE.width / 2, y: org.y + ORG_SIZE.height / 2 };
    const id = newId('s', takenIn(map));
    const rect = boundaryRect(map);
    const wanted = { x: Math.round(center.x - NODE_SIZE.width / 2), y: Math.round(center.y - NODE_SIZE.height / 2) };
    // Exactly: the side it was put on. Loosely: a colleague inside, anyone else outside, as near as there is room.
    const side: Side = exactly ? (isInside(wanted, rect) ? 'internal' : 'external') : label === 'colleague' ? 'internal' : 'external';
    const position = freeSpotNear(map, wanted, { side });
    const chosen: Label = side === 'internal' && label === 'other' ? 'colleague' : label;
    editMap((m) => addStakeholder(m, { id, name: DEFAULT_NAMES[chosen], label: chosen, side, position }));
    state().select({ stakeholders: [id] });
    // Its name field takes the keys next, whichever tab was open (typing must not run shortcuts).
    state().setSideTab('details');
    state().setRenameRequest(id);
    canvasApi()?.reveal({ ...position, ...NODE_SIZE });
    return id;
  },
});

export const addStakeholderInView = defineCommand({
  id: 'stakeholder.addInView',
  label: 'Add a stakeholder in the middle of the view',
  keys: [{ key: 'n' }],
  editsMap: true,
  perform(label: Label = 'other'): string | null {
    const api = canvasApi();
    return api ? addStakeholderAt.perform(api.viewCenter(), label, false) : null;
  },
});

/** Text fields pass a coalesce key so a burst of typing is one undo step. */
export const changeStakeholder = defineCommand({
  id: 'stakeholder.change',
  label: 'Change a stakeholder',
  editsMap: true,
  /** `coalesce` joins the edits of one field while it is typed into one undo step. */
  perform(id: string, patch: StakeholderPatch, coalesce?: string) {
    editMap((m) => updateStakeholder(m, id, patch), coalesce);
  },
});

export const relabelFromFinding = defineCommand({
  id: 'stakeholder.relabelFromFinding',
  label: 'Relabel as the finding suggests',
  editsMap: true,
  snapshot: 'Before relabelling from a finding',
  perform(id: string, label: Label) {
    editMap((m) => updateStakeholder(m, id, { label }));
  },
});

/** Changing the side moves the node across the boundary, so canvas and model agree. */
export const setSide = defineCommand({
  id: 'stakeholder.setSide',
  label: 'Inside or outside the organization',
  editsMap: true,
  perform(id: string, side: Side) {
    editMap((m) => {
      const s = m.stakeholders.find((x) => x.id === id);
      if (!s || s.side === side) return m;
      return moveStakeholders(m, [{ id, side, position: positionForSide(m, id, side) }]);
    });
  },
});

export const connectStakeholders = defineCommand({
  id: 'relation.connect',
  label: 'Connect two stakeholders',
  editsMap: true,
  perform(from: string, to: string, at?: Position): string | null {
    const map = currentMap();
    if (!map || from === to) return null;
    if (limitPassed(map, 0, 1)) {
      notify(`This map has ${count(LIMITS.relations)} relations, the most a map can hold: remove one to draw another.`, 'error');
      return null;
    }
    const taken = new Set(map.relations.map((r) => r.id));
    const id = newId('r', (x) => taken.has(x));
    editMap((m) => connect(m, { id, from, to, kind: 'offering' }));
    if (!currentMap()?.relations.some((r) => r.id === id)) return null;
    state().select({ relations: [id] });
    if (at) state().setKindPick({ relationId: id, x: at.x, y: at.y });
    return id;
  },
});

export const changeRelation = defineCommand({
  id: 'relation.change',
  label: 'Change a relation',
  editsMap: true,
  perform(id: string, patch: { kind?: Kind; note?: string }, coalesce?: string) {
    editMap((m) => updateRelation(m, id, patch), coalesce);
  },
});

/** What flowed from A to B now flows from B to A. */
export const reverseDirection = defineCommand({
  id: 'relation.reverse',
  label: 'Reverse the direction of the relation',
  editsMap: true,
  perform(id: string) {
    editMap((m) => reverseRelation(m, id));
  },
});

const hasSelection = () => state().selection.stakeholders.length > 0 || state().selection.relations.length > 0;

export const deleteSelection = defineCommand({
  id: 'selection.delete',
  label: 'Delete the selection',
  keys: [{ key: 'delete' }, { key: 'backspace' }],
  editsMap: true,
  enabled: hasSelection,
  perform() {
    const { selection } = state();
    editMap((m) => deleteElements(m, { stakeholders: selection.stakeholders, relations: selection.relations }));
    state().clearSelection();
    state().setKindPick(null);
  },
});

export const duplicateSelection = defineCommand({
  id: 'selection.duplicate',
  label: 'Duplicate the selected stakeholders',
  keys: [{ key: 'd', mod: true }],
  editsMap: true,
  enabled: (s) => s.selection.stakeholders.length > 0,
  perform() {
    const { selection } = state();
    // Filled in by the edit (a property, not a `let`: assignments in a callback are lost on the type checker).
    const done: { copies: string[]; passed: ReturnType<typeof limitPassed> } = { copies: [], passed: null };
    editMap((m) => {
      const result = duplicateStakeholders(m, selection.stakeholders, { x: 32, y: 32 });
      done.copies = [...result.idMap.values()];
      done.passed = result.passed;
      return result.map;
    });
    if (done.copies.length > 0) state().select({ stakeholders: done.copies });
    if (done.passed) notify(`The copies would take this map past ${count(LIMITS[done.passed])} ${done.passed}, the most a map can hold.`, 'error');
  },
});

const count = (n: number): string => n.toLocaleString('en-US');
