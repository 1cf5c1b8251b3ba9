// The one Dexie database of the app. The schema is versioned: a change adds
// `db.version(N + 1)` (+ `upgrade()` for data) and never edits an earlier
// version, so maps saved by older builds keep opening. Every version has a
// fixture in test/fixtures/db/ and a test in test/persistence/schema-migrations.test.ts.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { StakeMap } from '../domain/model';

export const DB_NAME = 'stakemap';
export const SCHEMA_VERSION = 2;

/** One saved map. The summary fields are copies of the map's, kept for the library list. */
export interface MapRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  map: StakeMap;
  stakeholderCount: number;
  /**
   * Revision, +1 at every write (schema 2). A tab saves only over the revision
   * it last read, so two tabs can never silently overwrite each other.
   * Absent on records that no write of schema 2 has touched yet: read it with revOf().
   */
  rev?: number;
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

/** The revision of a stored record; records from schema 1 count as revision 1. */
export function revOf(record: Pick<MapRecord, 'rev'>): number {
  return record.rev ?? 1;
}

/** Schema 1 → 2: every map gets a revision, so tabs can compare what they read. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<MapRecord, string>('maps')
    .toCollection()
    .modify((record) => {
      if (typeof record.rev !== 'number') record.rev = 1;
    });
}

/**
 * Creates (does not open: Dexie opens on first use) a Stakemap database.
 * Tests pass their own name so each gets a fresh, isolated database.
 */
export function openStakemapDb(name: string = DB_NAME): StakemapDb {
  const db = new Dexie(name) as StakemapDb;
  // Index only what where()/orderBy() use: the library sorts maps by
  // updatedAt; snapshots are looked up by mapId (createdAt for age pruning).
  db.version(1).stores({
    maps: 'id, updatedAt',
    meta: 'key',
    snapshots: '++id, mapId, createdAt',
  });
  // Same tables and indexes; data change only (MapRecord.rev).
  db.version(2)
    .stores({
      maps: 'id, updatedAt',
      meta: 'key',
      snapshots: '++id, mapId, createdAt',
    })
    .upgrade(upgradeToV2);
  return db;
}

let appDb: StakemapDb | null = null;

/** The app's single database instance, created lazily so importing this module has no side effects. */
export function getStakemapDb(): StakemapDb {
  appDb ??= openStakemapDb();
  return appDb;
}
