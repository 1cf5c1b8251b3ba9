// The same MapRepository, kept in this tab's memory: what the app runs on
// when the browser refuses IndexedDB (private windows, blocked site data), so
// the team can keep drawing and download the map. Nothing survives the tab.
// It mirrors the Dexie repository's behaviour, errors included, and stores
// copies (as IndexedDB does) so nothing outside can change what is stored.
// Its reads go through the same check (records.ts): Undo can put back any record.
import { FORMAT_VERSION } from '../domain/model';
import { revOf, type MapRecord, type SnapshotRecord } from './db';
import { MapConflictError, MapNotFoundError } from './errors';
import { loadStoredMapCheck, mapRecordOrThrow, mapSummaryOf, snapshotOrThrow, snapshotSummaryOf, titleToShow } from './records';
import {
  COPY_SUFFIX,
  DEFAULT_MAX_SNAPSHOTS,
  byteSize,
  cleanTitle,
  newRecord,
  newestFirst,
  renamedRecord,
  savedFields,
  type MapRepository,
  type RepositoryOptions,
} from './repository';

export interface MemoryRepository extends MapRepository {
  /** How many maps are held: all of them are lost when the tab closes. */
  count(): number;
}

export function createMemoryRepository(options: RepositoryOptions = {}): MemoryRepository {
  const maxSnapshots = Math.max(1, options.maxSnapshotsPerMap ?? DEFAULT_MAX_SNAPSHOTS);
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const maps = new Map<string, MapRecord>();
  const snapshots = new Map<number, SnapshotRecord>();
  let lastOpen: string | null = null;
  let nextSnapshotId = 1;

  function mustGet(id: string): MapRecord {
    const record = maps.get(id);
    if (!record) throw new MapNotFoundError(id);
    return record;
  }

  function put(record: MapRecord): void {
    maps.set(record.id, structuredClone(record));
  }

  function snapshotsOf(id: string): SnapshotRecord[] {
    return [...snapshots.values()].filter((s) => s.mapId === id).sort((a, b) => a.id - b.id);
  }

  // Async like IndexedDB, so callers cannot come to rely on synchronous results,
  // and a throw (mustGet) reaches them as a rejection, as from IndexedDB.
  /* eslint-disable @typescript-eslint/require-await -- async for the promise, not for an await */
  return {
    async list() {
      const read = await loadStoredMapCheck();
      return [...maps.values()].map((r) => mapSummaryOf(read, r)).sort(newestFirst); // summaries are built new: nothing shared
    },

    async get(id) {
      const read = await loadStoredMapCheck();
      const record = maps.get(id);
      return record && mapRecordOrThrow(read, record); // the check builds a new map: nothing shared with what is stored
    },

    async create(map) {
      const id = newId();
      put(newRecord(id, map, now()));
      return id;
    },

    async save(id, map, options = {}) {
      const record = mustGet(id);
      const rev = revOf(record);
      if (options.expectedRev !== undefined && options.expectedRev !== rev) throw new MapConflictError(id, options.expectedRev, rev);
      put({ ...record, ...savedFields(map, now()), rev: rev + 1 });
      return rev + 1;
    },

    async rename(id, title) {
      const clean = cleanTitle(title);
      if (!clean) throw new RangeError('A map title cannot be empty.');
      const read = await loadStoredMapCheck();
      put(renamedRecord(mapRecordOrThrow(read, mustGet(id)), clean, now()));
    },

    async duplicate(id) {
      const read = await loadStoredMapCheck();
      const source = mapRecordOrThrow(read, mustGet(id));
      const title = cleanTitle(source.title + COPY_SUFFIX);
      const copyId = newId();
      put(newRecord(copyId, { ...source.map, title }, now()));
      return copyId;
    },

    async delete(id) {
      const record = maps.get(id);
      if (!record) return undefined;
      const gone = snapshotsOf(id);
      const wasLastOpen = lastOpen === id;
      maps.delete(id);
      for (const s of gone) snapshots.delete(s.id);
      if (wasLastOpen) lastOpen = null;
      return { record, snapshots: gone, wasLastOpen, title: titleToShow(record) };
    },

    async restore({ record, snapshots: saved, wasLastOpen }) {
      put(record);
      for (const s of saved) {
        snapshots.set(s.id, structuredClone(s));
        nextSnapshotId = Math.max(nextSnapshotId, s.id + 1);
      }
      if (wasLastOpen) lastOpen = record.id;
    },

    async getLastOpen() {
      return lastOpen !== null && maps.has(lastOpen) ? lastOpen : null;
    },

    async setLastOpen(id) {
      lastOpen = id;
    },

    async snapshot(id, reason, map) {
      const read = await loadStoredMapCheck();
      const record = mustGet(id); // unknown maps are refused either way, as in IndexedDB
      const content = map ?? mapRecordOrThrow(read, record).map;
      const snapshotId = nextSnapshotId++;
      const snapshot: SnapshotRecord = { id: snapshotId, mapId: id, createdAt: now(), reason, size: byteSize(content), map: content, formatVersion: FORMAT_VERSION };
      snapshots.set(snapshotId, structuredClone(snapshot));
      const all = snapshotsOf(id);
      for (const old of all.slice(0, Math.max(0, all.length - maxSnapshots))) snapshots.delete(old.id);
      return snapshotId;
    },

    async listSnapshots(id) {
      return snapshotsOf(id).reverse().map(snapshotSummaryOf);
    },

    async getSnapshot(snapshotId) {
      const read = await loadStoredMapCheck();
      const s = snapshots.get(snapshotId);
      return s && snapshotOrThrow(read, s);
    },

    count: () => maps.size,
  };
  /* eslint-enable @typescript-eslint/require-await */
}
