// The document slice: the open map and this person's undo history. Every
// change says where it came from (its origin); only this person's own edits
// become undo steps. A step keeps what its edit changed, record by record, so
// undoing it leaves other tabs' and peers' later changes alone.
import type { StateCreator } from 'zustand';
import { applyChange, diffMaps, invertChange, mergeChanges, type MapChange, type StakeMap } from '../domain';
import { carryAnalysis } from './analysis';

const HISTORY_LIMIT = 200;

/**
 * Who made a change: this person (`local`, an undo step), a map read from
 * storage or a file (`load`), another tab of this browser (`tab`), a live peer
 * (`peer`). Only `local` changes are undone and redone.
 */
export type Origin = 'local' | 'load' | 'tab' | 'peer';

export interface UndoStep {
  readonly change: MapChange;
  /** Typing in one field is one step: changes sharing this key merge. */
  readonly coalesce: string | null;
}

export interface CommitOptions {
  origin?: Origin;
  coalesce?: string;
  /**
   * False for this person's change that is no undo step (a ballot, a vote's
   * reveal): undoing it would also take back what others added since.
   */
  undoable?: boolean;
}

export interface DocumentSlice {
  mapId: string | null;
  map: StakeMap | null;
  undoStack: readonly UndoStep[];
  redoStack: readonly UndoStep[];
  /** The map as it was when the current gesture (a drag) began. */
  gestureBase: StakeMap | null;
  /** Where the latest change of `map` came from (a live room sends only this person's on). */
  lastOrigin: Origin;
  /** Opens a map read from storage: a load, with a fresh history. */
  openDocument: (mapId: string, map: StakeMap) => void;
  closeDocument: () => void;
  /**
   * Applies a pure edit. From this person (the default) it is one undo step,
   * merged with the previous one when both carry the same `coalesce` key;
   * from elsewhere it changes the map and leaves the history as it is.
   * Only commands (src/commands) call this.
   */
  commit: (edit: (map: StakeMap) => StakeMap, options?: CommitOptions) => void;
  /** Any edit that is not typing ends the current typing step. */
  endTyping: () => void;
  startGesture: () => void;
  /** Shows an intermediate state of a gesture without recording it. */
  previewGesture: (edit: (map: StakeMap) => StakeMap) => void;
  /** Ends the gesture: the whole gesture becomes one undo step. */
  endGesture: (edit?: (map: StakeMap) => StakeMap) => void;
  undo: () => void;
  redo: () => void;
}

function push(stack: readonly UndoStep[], step: UndoStep): UndoStep[] {
  const next = stack.length >= HISTORY_LIMIT ? stack.slice(stack.length - HISTORY_LIMIT + 1) : stack.slice();
  next.push(step);
  return next;
}

const CLOSED = { mapId: null, map: null, undoStack: [], redoStack: [], gestureBase: null, lastOrigin: 'load' } as const;

export const createDocumentSlice: StateCreator<DocumentSlice, [], [], DocumentSlice> = (set, get) => ({
  ...CLOSED,
  openDocument: (mapId, map) => set({ ...CLOSED, mapId, map }),
  closeDocument: () => set(CLOSED),
  commit: (edit, options = {}) => {
    const { map, undoStack, gestureBase } = get();
    if (!map) return;
    const origin = options.origin ?? 'local';
    // A gesture holds this person's edits until it ends; others' changes still arrive.
    if (gestureBase && origin === 'local') return;
    const next = edit(map);
    if (next === map) return;
    // Moves and notes leave the findings as they were: the new map shares them.
    carryAnalysis(map, next);
    if (origin !== 'local') {
      // Mid-gesture, the gesture's starting point takes the change too, so the
      // gesture's undo step holds only this person's part.
      set(gestureBase ? { map: next, gestureBase: edit(gestureBase), lastOrigin: origin } : { map: next, lastOrigin: origin });
      return;
    }
    const change = options.undoable === false ? null : diffMaps(map, next);
    if (!change) {
      set({ map: next, lastOrigin: origin });
      return;
    }
    const key = options.coalesce ?? null;
    const last = undoStack[undoStack.length - 1];
    if (key !== null && last && last.coalesce === key) {
      const merged: UndoStep = { change: mergeChanges(last.change, change), coalesce: key };
      set({ map: next, undoStack: [...undoStack.slice(0, -1), merged], redoStack: [], lastOrigin: origin });
      return;
    }
    set({ map: next, undoStack: push(undoStack, { change, coalesce: key }), redoStack: [], lastOrigin: origin });
  },
  endTyping: () => {
    const { undoStack } = get();
    const last = undoStack[undoStack.length - 1];
    if (last?.coalesce) set({ undoStack: [...undoStack.slice(0, -1), { change: last.change, coalesce: null }] });
  },
  startGesture: () => {
    const { map, gestureBase } = get();
    if (map && !gestureBase) set({ gestureBase: map });
  },
  previewGesture: (edit) => {
    const { map, gestureBase } = get();
    if (!map || !gestureBase) return;
    const next = edit(map);
    if (next === map) return;
    carryAnalysis(map, next);
    set({ map: next, lastOrigin: 'local' });
  },
  endGesture: (edit) => {
    const { map, undoStack, gestureBase } = get();
    if (!map || !gestureBase) return;
    const final = edit ? edit(map) : map;
    carryAnalysis(map, final);
    const change = diffMaps(gestureBase, final);
    if (!change) {
      set({ map: final, gestureBase: null, lastOrigin: 'local' });
      return;
    }
    set({ map: final, gestureBase: null, undoStack: push(undoStack, { change, coalesce: null }), redoStack: [], lastOrigin: 'local' });
  },
  undo: () => {
    const { map, undoStack, redoStack, gestureBase } = get();
    const step = undoStack[undoStack.length - 1];
    if (!map || !step || gestureBase) return;
    const previous = applyChange(map, invertChange(step.change));
    carryAnalysis(map, previous);
    set({ map: previous, lastOrigin: 'local', undoStack: undoStack.slice(0, -1), redoStack: [{ change: step.change, coalesce: null }, ...redoStack] });
  },
  redo: () => {
    const { map, undoStack, redoStack, gestureBase } = get();
    const step = redoStack[0];
    if (!map || !step || gestureBase) return;
    const next = applyChange(map, step.change);
    carryAnalysis(map, next);
    set({ map: next, lastOrigin: 'local', undoStack: push(undoStack, step), redoStack: redoStack.slice(1) });
  },
});
