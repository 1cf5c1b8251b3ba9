// The commands' way to change the map: this person's edit, one undo step.
// Only src/commands calls the store's commit (lint-enforced elsewhere).
import type { StakeMap } from '../domain';
import { useStakemap } from '../store';

export function editMap(edit: (map: StakeMap) => StakeMap, coalesce?: string): void {
  useStakemap.getState().commit(edit, { origin: 'local', ...(coalesce ? { coalesce } : {}) });
}

/** This person's edit that is no undo step (votes: see CommitOptions.undoable); still sent to a live room. */
export function editMapOutsideHistory(edit: (map: StakeMap) => StakeMap): void {
  useStakemap.getState().commit(edit, { origin: 'local', undoable: false });
}

export function currentMap(): StakeMap | null {
  return useStakemap.getState().map;
}
