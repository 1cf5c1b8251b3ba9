// Which grid is open over the canvas (none most of the time). Kept apart from
// the map's store: it is a view choice, never saved, never undone.
import { create } from 'zustand';
import type { GridKind } from '../domain/grids';

export type { GridKind };

export const useGridView = create<{ open: GridKind | null; show: (kind: GridKind | null) => void }>((set) => ({
  open: null,
  show: (open) => set({ open }),
}));
