// All reads and writes of saved maps go through here, so the rest of the app
// never touches Dexie. Writes that span tables run in one transaction so a
// crash or quota error leaves either the old state or the new one. Every map
// read back goes through the check in records.ts before it is given out.
import { FORMAT_VERSION, LIMITS, type StakeMap } from '../domain/model';
import { revOf, type MapRecord, type SnapshotRecord, type StakemapDb } from './db';
import { MapConflictError, MapNotFoundError } from './errors';
import { loadStoredMapCheck, mapRecordOrThrow, mapSummaryOf, snapshotOrThrow, snapshotSummaryOf, titleToShow } from './records';

export type MapSummary = Omit<MapRecord, 'map'> & {
  /** Set when the record failed the check: it cannot be opened, only deleted (or downloaded from the recovery view). */
  readonly problems?: readonly string[];
};
export type SnapshotSummary = Omit<SnapshotRecord, 'map'>;

/** Everything `delete` removed, so `restore` can put it back (Undo). */
export interface DeletedMap {
  /** As stored, unchecked: Undo puts back exactly what was there, damaged or not. */
  record: MapRecord;
  snapshots: SnapshotRecord[];
  wasLastOpen: boolean;
  /** The title to show for it: the record's own may be damaged. */
  title: string;
}

export interface RepositoryOptions {
  /** Snapshots kept per map; the oldest are dropped beyond this. */
  maxSnapshotsPerMap?: number;
  now?: () => number;
  newId?: () => string;
}

export interface SaveOptions {
  /**
   * The revision this map was read at. If the stored map is at another
   * revision (another tab saved it), the save is refused with MapConflictError.
   */
  expectedRev?: number;
}

/**
 * Reads (list, get, getSnapshot, and whatever reads a map to change it) give
 * checked maps in the current format; a record that fails the check is a
 * CorruptRecordError (a marked line in list), and is never changed by a read.
 */
export interface MapRepository {
  list(): Promise<MapSummary[]>;
  get(id: string): Promise<MapRecord | undefined>;
  create(map: StakeMap): Promise<string>;
  /** Replaces the stored map; resolves to its new revision. */
  save(id: string, map: StakeMap, options?: SaveOptions): Promise<number>;
  rename(id: string, title: string): Promise<void>;
  duplicate(id: string): Promise<string>;
  delete(id: string): Promise<DeletedMap | undefined>;
  restore(deleted: DeletedMap): Promise<void>;
  getLastOpen(): Promise<string | null>;
  setLastOpen(id: string | null): Promise<void>;
  snapshot(id: string, reason: string, map?: StakeMap): Promise<number>;
  listSnapshots(id: string): Promise<SnapshotSummary[]>;
  getSnapshot(snapshotId: number): Promise<SnapshotRecord | undefined>;
}

export const DEFAULT_MAX_SNAPSHOTS = 50;
const LAST_OPEN_KEY = 'lastOpenMapId';
export const COPY_SUFFIX = ' (copy)';

export function createMapRepository(db: StakemapDb, options: RepositoryOptions = {}): MapRepository {
  const maxSnapshots = Math.max(1, options.maxSnapshotsPerMap ?? DEFAULT_MAX_SNAPSHOTS);
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());

  /** The stored record, unchecked. */
  async function mustGet(id: string): Promise<MapRecord> {
    const record = await db.maps.get(id);
    if (!record) throw new MapNotFoundError(id);
    return record;
  }

  return {
    async list() {
      const read = await loadStoredMapCheck();
      // IndexedDB cannot project fields, so records are read whole and the map dropped here.
      // Sorted here, not by the index: a record with a damaged updatedAt is not in the index, but must be listed.
      const records: unknown[] = await db.maps.toArray();
      return records.map((raw) => mapSummaryOf(read, raw)).sort(newestFirst);
    },

    async get(id) {
      const read = await loadStoredMapCheck();
      const raw = await db.maps.get(id);
      return raw && mapRecordOrThrow(read, raw);
    },

    async create(map) {
      const id = newId();
      await db.maps.add(newRecord(id, map, now()));
      return id;
    },

    save: (id, map, options = {}) => writeMap(db, id, () => map, now(), options.expectedRev),

    async rename(id, title) {
      const clean = cleanTitle(title);
      if (!clean) throw new RangeError('A map title cannot be empty.');
      const read = await loadStoredMapCheck();
      await db.transaction('rw', db.maps, async () => {
        const record = mapRecordOrThrow(read, await mustGet(id));
        await db.maps.put(renamedRecord(record, clean, now()));
      });
    },

    async duplicate(id) {
      const read = await loadStoredMapCheck();
      return db.transaction('rw', db.maps, async () => {
        const source = mapRecordOrThrow(read, await mustGet(id));
        const title = cleanTitle(source.title + COPY_SUFFIX);
        const copyId = newId();
        await db.maps.add(newRecord(copyId, { ...source.map, title }, now()));
        return copyId;
      });
    },

    async delete(id) {
      return db.transaction('rw', db.maps, db.snapshots, db.meta, async () => {
        const record = await db.maps.get(id);
        if (!record) return undefined;
        const snapshots = await db.snapshots.where('mapId').equals(id).toArray();
        const lastOpen = await db.meta.get(LAST_OPEN_KEY);
        const wasLastOpen = lastOpen?.value === id;
        await db.maps.delete(id);
        await db.snapshots.bulkDelete(snapshots.map((s) => s.id));
        if (wasLastOpen) await db.meta.delete(LAST_OPEN_KEY);
        return { record, snapshots, wasLastOpen, title: titleToShow(record) };
      });
    },

    async restore({ record, snapshots, wasLastOpen }) {
      // put (not add) so an accidental second Undo is harmless.
      await db.transaction('rw', db.maps, db.snapshots, db.meta, async () => {
        await db.maps.put(record);
        await db.snapshots.bulkPut(snapshots);
        if (wasLastOpen) await db.meta.put({ key: LAST_OPEN_KEY, value: record.id });
      });
    },

    async getLastOpen() {
      return db.transaction('r', db.meta, db.maps, async () => {
        const entry = await db.meta.get(LAST_OPEN_KEY);
        const id = typeof entry?.value === 'string' ? entry.value : null;
        // A map deleted in another tab is not worth reopening.
        if (id === null || (await db.maps.get(id)) === undefined) return null;
        return id;
      });
    },

    async setLastOpen(id) {
      if (id === null) await db.meta.delete(LAST_OPEN_KEY);
      else await db.meta.put({ key: LAST_OPEN_KEY, value: id });
    },

    async snapshot(id, reason, map) {
      const read = await loadStoredMapCheck();
      // Without an explicit map, freeze what is on disk (flush autosave first), checked.
      return writeSnapshot(db, id, reason, (record) => map ?? mapRecordOrThrow(read, record).map, now(), maxSnapshots);
    },

    async listSnapshots(id) {
      const snapshots: unknown[] = await db.snapshots.where('mapId').equals(id).toArray();
      return snapshots.reverse().map(snapshotSummaryOf);
    },

    async getSnapshot(snapshotId) {
      const read = await loadStoredMapCheck();
      const raw = await db.snapshots.get(snapshotId);
      return raw && snapshotOrThrow(read, raw);
    },
  };
}

/** A new map's record. */
export function newRecord(id: string, map: StakeMap, at: number): MapRecord {
  return { id, title: map.title, createdAt: at, updatedAt: at, map, stakeholderCount: map.stakeholders.length, rev: 1, formatVersion: FORMAT_VERSION };
}

/** A checked record renamed: the title lives in the map too (it is exported with it), so both change. */
export function renamedRecord(record: MapRecord, title: string, at: number): MapRecord {
  const map = { ...record.map, title };
  return { ...newRecord(record.id, map, record.createdAt), updatedAt: at, rev: revOf(record) + 1 };
}

/** Newest change first; equal times by id, last first (the order the updatedAt index gave). */
export function newestFirst(a: MapSummary, b: MapSummary): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Writes `build(stored record)` over map `id` and resolves to its new revision.
 * Read, compare and write in one transaction: no other tab's write can land
 * in between, and a stored map at another revision than `expectedRev` (when
 * given) is refused with MapConflictError. Never creates: saving a deleted map
 * must not resurrect it (MapNotFoundError). Shared by repository.save and the
 * save worker (savePatch.ts), so both keep the same guarantees. `build` gets
 * the record unchecked: a whole-map save needs only its revision, and writing
 * a sound map over a damaged one repairs it; a patch checks it (savePatch.ts).
 */
export function writeMap(db: StakemapDb, id: string, build: (stored: MapRecord) => StakeMap, at: number, expectedRev?: number): Promise<number> {
  return db.transaction('rw', db.maps, async () => {
    const record = await db.maps.get(id);
    if (!record) throw new MapNotFoundError(id);
    const rev = revOf(record);
    if (expectedRev !== undefined && expectedRev !== rev) throw new MapConflictError(id, expectedRev, rev);
    await db.maps.put({ ...record, ...savedFields(build(record), at), rev: rev + 1 });
    return rev + 1;
  });
}

/**
 * Freezes `build(stored record)` as a snapshot of map `id`, dropping the
 * oldest past `maxSnapshots`, in one transaction; resolves to the snapshot's id.
 * The save worker writes snapshots through it too (savePatch.ts).
 */
export function writeSnapshot(db: StakemapDb, id: string, reason: string, build: (stored: MapRecord) => StakeMap, at: number, maxSnapshots = DEFAULT_MAX_SNAPSHOTS): Promise<number> {
  return db.transaction('rw', db.maps, db.snapshots, async () => {
    const record = await db.maps.get(id);
    if (!record) throw new MapNotFoundError(id);
    const content = build(record);
    const snapshotId = await db.snapshots.add({ mapId: id, createdAt: at, reason, size: byteSize(content), map: content, formatVersion: FORMAT_VERSION });
    // Ids grow with time, so the first keys of this map are its oldest snapshots.
    const keys = await db.snapshots.where('mapId').equals(id).primaryKeys();
    if (keys.length > maxSnapshots) await db.snapshots.bulkDelete(keys.slice(0, keys.length - maxSnapshots));
    return snapshotId;
  });
}

/** What a save changes in a record, besides the revision. */
export function savedFields(map: StakeMap, at: number): Pick<MapRecord, 'map' | 'title' | 'updatedAt' | 'stakeholderCount' | 'formatVersion'> {
  return { map, title: map.title, updatedAt: at, stakeholderCount: map.stakeholders.length, formatVersion: FORMAT_VERSION };
}

export function cleanTitle(title: string): string {
  return title.trim().slice(0, LIMITS.title);
}

export function byteSize(map: StakeMap): number {
  return new TextEncoder().encode(JSON.stringify(map)).length;
}
