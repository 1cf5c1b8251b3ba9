// How safe the team's work is right now: where maps are stored, whether the
// browser promised to keep them, and anything that stopped this tab saving.
// Kept apart from the map store: none of it is part of a map or of undo.
import { create } from 'zustand';
import type { ClassifiedError } from '../persistence';

export type StorageMode = 'checking' | 'indexeddb' | 'memory';

export interface HealthState {
  storage: StorageMode;
  /** Why maps are only in memory. */
  storageProblem: ClassifiedError | null;
  /** navigator.storage.persisted(): true kept until the user deletes it; null unknown. */
  persisted: boolean | null;
  /** The last save failure, while saving is failing. */
  saveError: ClassifiedError | null;
  /** Another tab saved this map while this one had unsaved edits: this tab stopped saving it. */
  conflict: { mapId: string; snapshotId: number | null } | null;
  /** A newer version of the app upgraded the database: this tab must not write any more. */
  outdated: boolean;
  /** A new version of the app is downloaded and waits for a reload. */
  updateReady: boolean;
  /** Changes from another tab were just loaded into the open map. */
  remoteUpdateAt: number | null;
  /** The live room showing this map was made view-only by its facilitator. */
  viewOnlyMapId: string | null;
  /** Per map, edits put back from the edit journal after the app closed unexpectedly (until dismissed). */
  recoveredEdits: Readonly<Record<string, number>>;
  /** Per map, journaled edits that could not be put back (they failed the check). */
  lostEdits: Readonly<Record<string, number>>;
  /** localStorage refused the edit journal: each edit is saved at once instead. */
  journalProblem: string | null;
}

export const INITIAL_HEALTH: HealthState = {
  storage: 'checking',
  storageProblem: null,
  persisted: null,
  saveError: null,
  conflict: null,
  outdated: false,
  updateReady: false,
  remoteUpdateAt: null,
  viewOnlyMapId: null,
  recoveredEdits: {},
  lostEdits: {},
  journalProblem: null,
};

export const useHealth = create<HealthState>()(() => ({ ...INITIAL_HEALTH }));

/** The editor stops taking edits that could not be saved anyway. */
export function isReadOnly(state: HealthState, mapId: string | null): boolean {
  return state.outdated || (mapId !== null && (state.conflict?.mapId === mapId || state.viewOnlyMapId === mapId));
}
