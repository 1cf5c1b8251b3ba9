// Chooses where maps live for this page: IndexedDB when the browser lets us
// open it, otherwise this tab's memory (private windows, blocked site data,
// a broken profile), so the app still runs and can say what is going on.
import { SCHEMA_VERSION, type StakemapDb } from './db';
import { classifyStorageError, type ClassifiedError } from './errors';
import { createMemoryRepository, type MemoryRepository } from './memory';
import { createMapRepository, type MapRepository } from './repository';

export type StorageChoice =
  | {
      mode: 'indexeddb';
      repo: MapRepository;
      db: StakemapDb;
      /** The database was upgraded by a newer build: this code must not write to it. */
      newerSchema: boolean;
    }
  | { mode: 'memory'; repo: MemoryRepository; problem: ClassifiedError };

/** The schema version on disk. Dexie stores version N as native version N × 10. */
export function installedSchemaVersion(db: StakemapDb): number {
  return Math.floor(db.backendDB().version / 10);
}

/** Opens `db`; any failure to open falls back to memory, with the reason. */
export async function chooseStorage(db: StakemapDb | (() => StakemapDb)): Promise<StorageChoice> {
  try {
    // Building the database can throw too (a getter on indexedDB that throws, for one).
    const opened = typeof db === 'function' ? db() : db;
    await opened.open();
    // Dexie opens a newer database whose tables it knows; this build must still not write to it.
    const newerSchema = installedSchemaVersion(opened) > SCHEMA_VERSION;
    return { mode: 'indexeddb', repo: createMapRepository(opened), db: opened, newerSchema };
  } catch (err) {
    return { mode: 'memory', repo: createMemoryRepository(), problem: classifyStorageError(err) };
  }
}
