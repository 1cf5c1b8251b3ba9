// One store, built from slices; components select primitives or use useShallow.
import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document';
import { createUiSlice, type UiSlice } from './ui';

export type StakemapState = DocumentSlice & UiSlice;

export const createStakemapStore = () =>
  create<StakemapState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createUiSlice(...a),
  }));

export const useStakemap = createStakemapStore();
export type StakemapStore = typeof useStakemap;

export { EMPTY_SELECTION, type Selection, type SaveStatus, type SaveState, type KindPick } from './ui';
export type { Origin, UndoStep, CommitOptions } from './document';
export { readFlag, writeFlag } from './preference';
