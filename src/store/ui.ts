// The UI slice: what is selected, what the panels show, how saving goes.
// None of it is part of the map, so none of it is undone or saved.
import type { StateCreator } from 'zustand';
import { readFlag, writeFlag } from './preference';

export interface Selection {
  readonly stakeholders: readonly string[];
  readonly relations: readonly string[];
  readonly organization: boolean;
}

export const EMPTY_SELECTION: Selection = { stakeholders: [], relations: [], organization: false };

export type SaveState = 'saved' | 'saving' | 'pending' | 'error' | 'memory';

export interface SaveStatus {
  readonly state: SaveState;
  readonly message?: string;
  readonly lastSavedAt?: number;
}

/** A relation just drawn, waiting for its kind to be picked near the pointer. */
export interface KindPick {
  readonly relationId: string;
  readonly x: number;
  readonly y: number;
}

export interface UiSlice {
  selection: Selection;
  saveStatus: SaveStatus;
  kindPick: KindPick | null;
  /** Asks the canvas to centre on a stakeholder; the nonce repeats a request. */
  focusRequest: { readonly id: string; readonly nonce: number } | null;
  /** Set when a new stakeholder should have its name field focused. */
  renameRequest: string | null;
  /** Facilitator mode: findings stay hidden until the team asks to check. */
  findingsHidden: boolean;
  /** The finding being looked at: its evidence is highlighted on the canvas. */
  activeFinding: string | null;
  sideTab: 'details' | 'findings';
  /** Presentation mode: chrome hidden, findings stepped through one by one. */
  presenting: boolean;
  presentStep: number;
  /** "After": show the labels the rules suggest instead of the team's own. */
  showSuggested: boolean;
  /** Which overlay is open over the editor. */
  overlay: 'none' | 'shortcuts' | 'connect';
  legendOpen: boolean;
  select: (selection: Partial<Selection>) => void;
  clearSelection: () => void;
  setSaveStatus: (status: SaveStatus) => void;
  setKindPick: (pick: KindPick | null) => void;
  requestFocus: (id: string) => void;
  setRenameRequest: (id: string | null) => void;
  setFindingsHidden: (hidden: boolean) => void;
  setActiveFinding: (key: string | null) => void;
  setSideTab: (tab: 'details' | 'findings') => void;
  setPresenting: (presenting: boolean) => void;
  setPresentStep: (step: number) => void;
  setShowSuggested: (show: boolean) => void;
  setOverlay: (overlay: 'none' | 'shortcuts' | 'connect') => void;
  setLegendOpen: (open: boolean) => void;
}

/** The facilitator's choice to hide findings outlives a reload. */
const HIDDEN_KEY = 'stakemap.findingsHidden';

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  saveStatus: { state: 'saved' },
  kindPick: null,
  focusRequest: null,
  renameRequest: null,
  findingsHidden: readFlag(HIDDEN_KEY),
  activeFinding: null,
  sideTab: 'details',
  presenting: false,
  presentStep: 0,
  showSuggested: false,
  overlay: 'none',
  legendOpen: false,
  select: (selection) => set({ selection: { ...EMPTY_SELECTION, ...selection } }),
  clearSelection: () => {
    if (get().selection !== EMPTY_SELECTION) set({ selection: EMPTY_SELECTION });
  },
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  setKindPick: (kindPick) => set({ kindPick }),
  requestFocus: (id) => set({ focusRequest: { id, nonce: (get().focusRequest?.nonce ?? 0) + 1 } }),
  setRenameRequest: (renameRequest) => set({ renameRequest }),
  setFindingsHidden: (findingsHidden) => {
    writeFlag(HIDDEN_KEY, findingsHidden);
    set({ findingsHidden, activeFinding: null });
  },
  setActiveFinding: (activeFinding) => set({ activeFinding }),
  setSideTab: (sideTab) => set({ sideTab }),
  setPresenting: (presenting) => set({ presenting, presentStep: 0, showSuggested: false, activeFinding: null, kindPick: null }),
  setPresentStep: (presentStep) => set({ presentStep }),
  setShowSuggested: (showSuggested) => set({ showSuggested }),
  setOverlay: (overlay) => set({ overlay }),
  setLegendOpen: (legendOpen) => set({ legendOpen }),
});
