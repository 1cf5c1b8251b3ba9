// The one Dexie database of the app. The schema is versioned from day one:
// a later change adds `db.version(2).stores(...)` (+ `upgrade()` for data) and
// never edits version 1, so maps saved by older builds keep opening.
import { Dexie, type EntityTable } from 'dexie';
import type { StakeMap } from '../domain/model';

export const DB_NAME = 'stakemap';
export const SCHEMA_VERSION = 1;

/** One saved map. The summary fields are copies of the map's, kept for the library list. */
export interface MapRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  map: StakeMap;
  stakeholderCount: number;
}

/** Small app-wide values, e.g. `lastOpenMapId`. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A frozen copy of a map, taken before risky operations or on demand. */
export interface SnapshotRecord {
  /** Auto-incremented; also orders snapshots of a map by age. */
  id: number;
  mapId: string;
  createdAt: number;
  reason: string;
  /** Approximate size in bytes of the map as JSON. */
  size: number;
  map: StakeMap;
}

export type StakemapDb = Dexie & {
  maps: EntityTable<MapRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
};

/**
 * Creates (does not open: Dexie opens on first use) a Stakemap database.
 * Tests pass their own name so each gets a fresh, isolated database.
 */
export function openStakemapDb(name: string = DB_NAME): StakemapDb {
  const db = new Dexie(name) as StakemapDb;
  // Index only what where()/orderBy() use: the library sorts maps by
  // updatedAt; snapshots are looked up by mapId (createdAt for age pruning).
  db.version(SCHEMA_VERSION).stores({
    maps: 'id, updatedAt',
    meta: 'key',
    snapshots: '++id, mapId, createdAt',
  });
  return db;
}

let appDb: StakemapDb | null = null;

/** The app's single database instance, created lazily so importing this module has no side effects. */
export function getStakemapDb(): StakemapDb {
  appDb ??= openStakemapDb();
  return appDb;
}
