// The one Dexie database of the app. The schema is versioned: a change adds
// `db.version(N + 1)` (+ `upgrade()` for data) and never edits an earlier
// version, so maps saved by older builds keep opening. Every version has a
// fixture in test/fixtures/db/ and a test in test/persistence/schema-migrations.test.ts.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { StakeMap } from '../domain/model';

export const DB_NAME = 'stakemap';
export const SCHEMA_VERSION = 3;

/**
 * The file-format version (domain/model.ts FORMAT_VERSION) of every map stored
 * before schema 3 kept it beside each map: version 1, the only one there was.
 * Not FORMAT_VERSION itself: once that is raised, old records are still version 1.
 */
export const FORMAT_VERSION_BEFORE_SCHEMA_3 = 1;

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
  /**
   * The file-format version `map` was written in (schema 3), so a map stored
   * by an older build is migrated when read. Every write sets FORMAT_VERSION.
   */
  formatVersion?: number;
  /** Only on a record read back (records.ts), never stored: what the check repaired, in words. */
  repaired?: readonly string[];
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
  /** As MapRecord.formatVersion (schema 3). */
  formatVersion?: number;
  /** As MapRecord.repaired: only on a snapshot read back, never stored. */
  repaired?: readonly string[];
}

export type StakemapDb = Dexie & {
  maps: EntityTable<MapRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
};

/**
 * The revision of a stored record; records from schema 1 count as revision 1,
 * and so does a damaged revision (NaN, say: it would never equal itself, and
 * the map could never be saved again). records.ts reports that repair.
 */
export function revOf(record: { readonly rev?: unknown }): number {
  return isRev(record.rev) ? record.rev : 1;
}

export function isRev(rev: unknown): rev is number {
  return typeof rev === 'number' && Number.isInteger(rev) && rev >= 1;
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

/** Schema 2 → 3: the format version beside every map and snapshot, so later builds know what to migrate. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const fill = (record: { formatVersion?: unknown }) => {
    if (record.formatVersion === undefined) record.formatVersion = FORMAT_VERSION_BEFORE_SCHEMA_3;
  };
  await tx.table<MapRecord, string>('maps').toCollection().modify(fill);
  await tx.table<SnapshotRecord, number>('snapshots').toCollection().modify(fill);
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
  // Same tables and indexes; data change only (formatVersion beside each map).
  db.version(3)
    .stores({
      maps: 'id, updatedAt',
      meta: 'key',
      snapshots: '++id, mapId, createdAt',
    })
    .upgrade(upgradeToV3);
  return db;
}

let appDb: StakemapDb | null = null;

/** The app's single database instance, created lazily so importing this module has no side effects. */
export function getStakemapDb(): StakemapDb {
  appDb ??= openStakemapDb();
  return appDb;
}
