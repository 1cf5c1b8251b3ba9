// The document slice: the open map and its undo history. Every change to the
// map goes through `apply` (one undo step) or a gesture (one step at its end).
import type { StateCreator } from 'zustand';
import type { StakeMap } from '../domain';
import { carryAnalysis } from './analysis';

const HISTORY_LIMIT = 200;

export interface DocumentSlice {
  mapId: string | null;
  map: StakeMap | null;
  past: readonly StakeMap[];
  future: readonly StakeMap[];
  /** The map as it was when the current gesture (a drag) began. */
  gestureBase: StakeMap | null;
  /** Typing in one field is one undo step: edits sharing this key merge. */
  coalesceKey: string | null;
  openDocument(mapId: string, map: StakeMap): void;
  closeDocument(): void;
  /** Applies a pure edit as one undoable step; a no-op edit records nothing. */
  apply(edit: (map: StakeMap) => StakeMap, options?: { coalesce?: string }): void;
  startGesture(): void;
  /** Shows an intermediate state of a gesture without recording it. */
  previewGesture(edit: (map: StakeMap) => StakeMap): void;
  /** Ends the gesture: the whole gesture becomes one undo step. */
  endGesture(edit?: (map: StakeMap) => StakeMap): void;
  undo(): void;
  redo(): void;
}

function pushPast(past: readonly StakeMap[], map: StakeMap): StakeMap[] {
  const next = past.length >= HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT + 1) : past.slice();
  next.push(map);
  return next;
}

export const createDocumentSlice: StateCreator<DocumentSlice, [], [], DocumentSlice> = (set, get) => ({
  mapId: null,
  map: null,
  past: [],
  future: [],
  gestureBase: null,
  coalesceKey: null,
  openDocument: (mapId, map) => set({ mapId, map, past: [], future: [], gestureBase: null, coalesceKey: null }),
  closeDocument: () => set({ mapId: null, map: null, past: [], future: [], gestureBase: null, coalesceKey: null }),
  apply: (edit, options) => {
    const { map, past, gestureBase, coalesceKey } = get();
    if (!map || gestureBase) return;
    const next = edit(map);
    if (next === map) return;
    carryAnalysis(map, next);
    const key = options?.coalesce ?? null;
    if (key !== null && key === coalesceKey && past.length > 0) {
      set({ map: next, future: [] });
      return;
    }
    set({ map: next, past: pushPast(past, map), future: [], coalesceKey: key });
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
    set({ map: next });
  },
  endGesture: (edit) => {
    const { map, past, gestureBase } = get();
    if (!map || !gestureBase) return;
    const final = edit ? edit(map) : map;
    carryAnalysis(map, final);
    if (final === gestureBase) {
      set({ map: final, gestureBase: null });
      return;
    }
    set({ map: final, gestureBase: null, past: pushPast(past, gestureBase), future: [], coalesceKey: null });
  },
  undo: () => {
    const { map, past, future, gestureBase } = get();
    const previous = past[past.length - 1];
    if (!map || !previous || gestureBase) return;
    set({ map: previous, past: past.slice(0, -1), future: [map, ...future], coalesceKey: null });
  },
  redo: () => {
    const { map, past, future, gestureBase } = get();
    const next = future[0];
    if (!map || !next || gestureBase) return;
    set({ map: next, past: pushPast(past, map), future: future.slice(1), coalesceKey: null });
  },
});
