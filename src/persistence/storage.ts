// Chooses where maps live for this page: IndexedDB when the browser lets us
// open it, otherwise this tab's memory (private windows, blocked site data,
// a broken profile), so the app still runs and can say what is going on.
import type { StakemapDb } from './db';
import { classifyStorageError, type ClassifiedError } from './errors';
import { createMemoryRepository, type MemoryRepository } from './memory';
import { createMapRepository, type MapRepository } from './repository';

export type StorageChoice =
  | { mode: 'indexeddb'; repo: MapRepository; db: StakemapDb }
  | { mode: 'memory'; repo: MemoryRepository; problem: ClassifiedError };

/** Opens `db`; any failure to open falls back to memory, with the reason. */
export async function chooseStorage(db: StakemapDb | (() => StakemapDb)): Promise<StorageChoice> {
  try {
    // Building the database can throw too (a getter on indexedDB that throws, for one).
    const opened = typeof db === 'function' ? db() : db;
    await opened.open();
    return { mode: 'indexeddb', repo: createMapRepository(opened), db: opened };
  } catch (err) {
    return { mode: 'memory', repo: createMemoryRepository(), problem: classifyStorageError(err) };
  }
}
