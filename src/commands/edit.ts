// The commands' way to change the map: this person's edit, one undo step.
// Only src/commands calls the store's commit (lint-enforced elsewhere).
import type { StakeMap } from '../domain';
import { useStakemap } from '../store';

export function editMap(edit: (map: StakeMap) => StakeMap, coalesce?: string): void {
  useStakemap.getState().commit(edit, { origin: 'local', ...(coalesce ? { coalesce } : {}) });
}

export function currentMap(): StakeMap | null {
  return useStakemap.getState().map;
}
