// Opening files as new maps, from the library's button or a drop on the
// window. Each accepted file becomes a new map in the library (nothing
// stored changes); the last one opens. Refusals, and the repairs made to
// files that opened (positions moved within reach), are kept here for
// <FileDrop/> to show. The reading itself (src/export/import) loads on use.
import { useSyncExternalStore } from 'react';
import type { Problem } from '../domain';
import { classifyStorageError } from '../persistence';
import { navigate } from './router';
import { layOutLanes } from './createMap';
import { flushSaves, repository } from './session';
import { takeSnapshot } from './history';

export interface Refusal {
  readonly title: string;
  readonly problems: readonly Problem[];
}

/** A file that opened, and what had to change in it (never empty). */
export type Repaired = Refusal;

interface ImportState {
  readonly busy: boolean;
  readonly refusals: readonly Refusal[];
  readonly repaired: readonly Repaired[];
}

let state: ImportState = { busy: false, refusals: [], repaired: [] };
const listeners = new Set<() => void>();

function set(next: ImportState): void {
  state = next;
  for (const l of listeners) l();
}

export function useImportState(): ImportState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function clearRefusals(): void {
  set({ ...state, refusals: [], repaired: [] });
}

export async function importFiles(files: Iterable<File>): Promise<void> {
  const list = Array.from(files);
  if (list.length === 0 || state.busy) return;
  set({ busy: true, refusals: [], repaired: [] });
  void takeSnapshot('Before importing a file'); // the open map, if any, as it was (history.ts)
  const refusals: Refusal[] = [];
  const repaired: Repaired[] = [];
  let opened: string | null = null;
  try {
    const { importFile } = await import('../export/import');
    for (const file of list) {
      const result = await importFile(file);
      if (!result.ok) {
        refusals.push({ title: result.title, problems: result.problems });
        continue;
      }
      try {
        // A file drawn without positions gets the lanes layout, as examples do.
        const map = result.placed ? result.map : await layOutLanes(result.map, result.map);
        opened = await repository().create(map);
        if (result.repairs.length > 0) repaired.push({ title: `“${file.name}” was opened with changes`, problems: result.repairs });
      } catch (err) {
        refusals.push({ title: `“${file.name}” could not be saved`, problems: [{ path: '', message: classifyStorageError(err).message }] });
      }
    }
  } catch (err) {
    refusals.push({ title: 'The file could not be opened', problems: [{ path: '', message: err instanceof Error ? err.message : String(err) }] });
  }
  if (opened) {
    await flushSaves();
    navigate({ view: 'map', id: opened });
  }
  set({ busy: false, refusals, repaired });
}
