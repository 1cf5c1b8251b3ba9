// Commands on the map as a whole: its title, the organization, the
// definition of customer, history, layout, and this person's undo and redo.
import { placeMissing, renameOrganization, setCurrency, setDefinition, setDefinitionNote, setTitle, type Definition } from '../domain';
import { useStakemap } from '../store';
import { repository } from '../services/session';
import { canvasApi } from '../services/canvasApi';
import { defineCommand, run, snapshotWritten } from './command';
import { currentMap, editMap } from './edit';

export const renameMap = defineCommand({
  id: 'map.rename',
  label: 'Rename the map',
  editsMap: true,
  perform(title: string) {
    editMap((m) => setTitle(m, title), 'title');
  },
});

export const renameOrg = defineCommand({
  id: 'organization.rename',
  label: 'Rename the organization',
  editsMap: true,
  perform(name: string) {
    editMap((m) => renameOrganization(m, name), 'org-name');
  },
});

export const chooseDefinition = defineCommand({
  id: 'definition.choose',
  label: 'Choose the definition of customer',
  editsMap: true,
  perform(definition: Definition) {
    editMap((m) => setDefinition(m, definition));
  },
});

export const describeDefinition = defineCommand({
  id: 'definition.describe',
  label: 'Say what customer means to the team',
  editsMap: true,
  perform(text: string) {
    editMap((m) => setDefinitionNote(m, text === '' ? undefined : text), 'definition-note');
  },
});

export const chooseCurrency = defineCommand({
  id: 'map.currency',
  label: 'Set the currency of values',
  editsMap: true,
  /** An ISO 4217 code such as EUR; '' removes it. */
  perform(code: string) {
    editMap((m) => setCurrency(m, code === '' ? undefined : code), 'currency');
  },
});

export const undo = defineCommand({
  id: 'history.undo',
  label: 'Undo',
  keys: [{ key: 'z', mod: true, shift: false }],
  editsMap: true,
  enabled: (s) => s.undoStack.length > 0,
  perform() {
    useStakemap.getState().undo();
  },
});

export const redo = defineCommand({
  id: 'history.redo',
  label: 'Redo',
  keys: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true },
  ],
  editsMap: true,
  enabled: (s) => s.redoStack.length > 0,
  perform() {
    useStakemap.getState().redo();
  },
});

/** Leaving a text field ends its typing step. */
export const endTyping = defineCommand({
  id: 'history.endTyping',
  label: 'End typing',
  perform() {
    useStakemap.getState().endTyping();
  },
});

const restoreCommand = defineCommand({
  id: 'history.restore',
  label: 'Restore a snapshot',
  editsMap: true,
  snapshot: 'Before restoring a snapshot',
  perform(map: ReturnType<typeof placeMissing>) {
    editMap(() => map);
  },
});

/** Restores a snapshot into the open map as one undoable step. Resolves to whether it did. */
export async function restoreSnapshot(snapshotId: number): Promise<boolean> {
  const snapshot = await repository().getSnapshot(snapshotId);
  const { mapId } = useStakemap.getState();
  if (!snapshot || snapshot.mapId !== mapId) return false;
  const restored = placeMissing(snapshot.map);
  run(restoreCommand, restored);
  await snapshotWritten();
  return useStakemap.getState().map === restored;
}

const restoreKeptCommand = defineCommand({
  id: 'history.restoreKept',
  label: 'Restore a kept copy',
  editsMap: true,
  perform(map: ReturnType<typeof placeMissing>) {
    editMap(() => map);
  },
});

/**
 * Puts a kept copy (one written when a page closed with edits unsaved) in
 * place of the open map, as one undoable step. No snapshot first: storage may
 * be full, and undo brings back what was shown. Returns whether it did.
 */
export function restoreKeptCopy(map: ReturnType<typeof placeMissing>): boolean {
  run(restoreKeptCommand, map);
  return useStakemap.getState().map === map;
}

/** The lanes layout, one undoable step; it loads (and runs, in a worker) on first use. */
export const layOutLanes = defineCommand({
  id: 'map.layout',
  label: 'Lay the map out as a value chain, left to right',
  keys: [{ key: 'l' }],
  editsMap: true,
  async perform(): Promise<void> {
    const map = currentMap();
    if (!map) return;
    const { computeLanes, applyLayout } = await import('../layout/run');
    const result = await computeLanes(map);
    // The layout took a while: apply it only if this tab may still edit.
    run(applyLanes, (m) => applyLayout(m, result));
  },
});

const applyLanes = defineCommand({
  id: 'map.applyLayout',
  label: 'Apply a computed layout',
  editsMap: true,
  snapshot: 'Before a lanes layout',
  perform(edit: Parameters<typeof editMap>[0]) {
    editMap(edit);
    // In the same task: React then renders the laid-out map once, already fitted
    // (on a large map, the far view), not first at the old view's zoom.
    canvasApi()?.fitView();
  },
});

export async function cancelLayout(): Promise<void> {
  const { cancelLayout: cancel } = await import('../layout/run');
  cancel();
}
