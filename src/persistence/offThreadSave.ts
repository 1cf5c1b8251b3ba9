// Issue #7: a save must cost the page at most 10 ms. IndexedDB clones the
// whole map on the calling thread, about 15 ms for 1,000 stakeholders, so the
// page posts only what changed (mapPatch.ts) to a worker that writes it
// (save.worker.ts). To make a patch the page needs the stored map it applies
// to: it remembers the last map it read or wrote, with its revision. A save over exactly that revision goes to the worker; any other
// (unknown base, another revision, no worker) is written here as before.
// This file is in the start bundle: the rest (saveClient.ts) loads when a map is first read.
import type { StakeMap } from '../domain/model';
import { revOf } from './db';
import type { MapRepository } from './repository';

/** Worker errors after which the page writes the whole map itself. */
const WRITE_WHOLE_AFTER = new Set(['PatchMismatchError', 'CorruptRecordError']);

export interface OffThreadSave {
  mapId: string;
  /** The stored map at `expectedRev`: the patch is made from it. */
  base: StakeMap;
  map: StakeMap;
  expectedRev: number;
}

export interface SaveTransport {
  /** Resolves to the new revision, or to null when it cannot take the save (no worker): it is then written on the page. */
  send(save: OffThreadSave): Promise<number | null>;
  /** Freezes `map` as a snapshot; resolves to its id, or to null when it cannot (no worker). */
  snapshot?(save: OffThreadSave & { reason: string }): Promise<number | null>;
  /** A map was read and may soon be edited: get ready, so the first save costs no more than the next. */
  prepare?(): void;
}

/**
 * `repo` with saves made off the page's thread through `transport`. Edits keep
 * untouched stakeholders and relations as the same objects, and the stored
 * map at a revision never changes: that is what makes the patch exact.
 */
export function withOffThreadSaves(repo: MapRepository, transport: SaveTransport): MapRepository {
  // One map: a tab edits one at a time. Reading another (opening it, a
  // download of all maps) replaces it; its next save is then written here once.
  // `map`: the copy kept for the revision (created, saved, or first read);
  // `read`: the copies read at it since (an editor opening it shows one of them).
  let base: Base | null = null;

  // Rename, delete and restore change the stored map: forget it. (Its
  // revision changes too, which alone would keep saves right.)
  const forget = (mapId: string): void => {
    if (base?.mapId === mapId) base = null;
  };

  return {
    ...repo, // every other method is the wrapped repository's own
    async get(id) {
      const record = await repo.get(id);
      transport.prepare?.();
      if (record) {
        // Same revision, same content: keep the copy we have as well, and patch
        // from whichever the saved map shares its objects with (`from`).
        const known = base?.mapId === id && base.rev === revOf(record) ? base : null;
        base = known ? { ...known, read: [record.map, ...known.read].slice(0, READ_COPIES) } : { mapId: id, map: record.map, read: [], rev: revOf(record) };
      }
      return record;
    },
    async create(map) {
      const mapId = await repo.create(map);
      base = { mapId, map, read: [], rev: 1 };
      return mapId;
    },
    async save(mapId, map, { expectedRev } = {}) {
      const known = base;
      let rev: number | null = null;
      if (known?.mapId === mapId && known.rev === expectedRev) {
        try {
          rev = await transport.send({ mapId, base: from(known, map), map, expectedRev });
        } catch (err) {
          base = null; // whatever failed (a conflict, most likely), learn the stored map again
          // The patch did not fit, or the stored map at this very revision no longer
          // passes the check (neither should happen): write the whole map, below.
          if (!WRITE_WHOLE_AFTER.has((err as Error | null)?.name ?? '')) throw err;
        }
      }
      rev ??= await repo.save(mapId, map, { expectedRev });
      base = { mapId, map, read: [], rev };
      return rev;
    },
    async snapshot(mapId, reason, map) {
      // A snapshot is a whole map cloned into IndexedDB (tens of ms at 5,000
      // stakeholders, at the first edit after opening): the worker writes it
      // from the stored map and what changed since. If it cannot (no worker,
      // a save got there first, any error), the page writes it as before.
      const known = base;
      if (map && known?.mapId === mapId && transport.snapshot) {
        const written = await transport.snapshot({ mapId, base: from(known, map), map, expectedRev: known.rev, reason }).catch(() => null);
        if (written !== null) return written;
      }
      return repo.snapshot(mapId, reason, map);
    },
    rename(id, title) {
      forget(id);
      return repo.rename(id, title);
    },
    delete(id) {
      forget(id);
      return repo.delete(id);
    },
    restore(deleted) {
      forget(deleted.record.id);
      return repo.restore(deleted);
    },
  };
}

export interface Base {
  mapId: string;
  map: StakeMap;
  read: readonly StakeMap[];
  rev: number;
}

/** Copies read at one revision kept besides the first: opening a map reads it more than once (the route, other tabs' checks). */
const READ_COPIES = 3;

/**
 * Of the copies of the stored map known at one revision (equal in content),
 * the one `map` was made from: a patch from it is found by identity, item by
 * item; from another, by comparing values (~15 ms for 5,000 stakeholders).
 */
export function from(base: Base, map: StakeMap): StakeMap {
  const shares = (copy: StakeMap) =>
    copy.stakeholders === map.stakeholders || copy.relations === map.relations || [0, copy.stakeholders.length - 1].some((i) => copy.stakeholders[i] !== undefined && copy.stakeholders[i] === map.stakeholders[i]);
  return [base.map, ...base.read].find(shares) ?? base.map;
}

/** The save worker's client (saveClient.ts), loaded when a map is first read; null (write on the page) if it cannot load. */
export function lazyWorkerTransport(): SaveTransport {
  let client: Promise<SaveTransport | null> | null = null;
  const load = () => (client ??= import('./saveClient').then((m) => m.workerTransport(), () => null));
  return {
    prepare: () => void load(),
    send: async (save) => (await load())?.send(save) ?? null,
    snapshot: async (save) => (await load())?.snapshot?.(save) ?? null,
  };
}
