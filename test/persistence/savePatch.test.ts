import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveStakeholders, setTitle } from '../../src/domain';
import { FORMAT_VERSION } from '../../src/domain/model';
import {
  CorruptRecordError,
  MapConflictError,
  MapNotFoundError,
  createMapRepository,
  type MapRecord,
  type MapRepository,
  type StakemapDb,
} from '../../src/persistence';
import { reviveError } from '../../src/persistence/errorTransfer';
import { mapPatch } from '../../src/persistence/mapPatch';
import { answer, savePatch, snapshotPatch } from '../../src/persistence/savePatch';
import { freshDb, sampleMap } from './helpers';

let db: StakemapDb;
let repo: MapRepository;

beforeEach(() => {
  db = freshDb();
  repo = createMapRepository(db, { now: () => 1_000 });
});

afterEach(async () => {
  await db.delete();
});

describe('snapshotPatch', () => {
  it('freezes the stored map with the patch applied, and leaves the map itself alone', async () => {
    const map = sampleMap('Stored', 3);
    const id = await repo.create(map);
    const edited = moveStakeholders(map, [{ id: 's1', position: { x: 9, y: 9 } }]);
    const snapshotId = await snapshotPatch(db, id, 'Before editing', structuredClone(mapPatch(map, edited)), 1, 2_000);
    expect(await db.snapshots.get(snapshotId)).toMatchObject({ mapId: id, reason: 'Before editing', createdAt: 2_000, map: edited, formatVersion: FORMAT_VERSION });
    expect((await db.maps.get(id))?.map).toEqual(map);
  });

  it('refuses a map at another revision, and writes nothing', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    await repo.save(id, setTitle(map, 'Saved since'), { expectedRev: 1 });
    await expect(snapshotPatch(db, id, 'Before editing', mapPatch(map, map), 1, 2_000)).rejects.toMatchObject({ name: 'PatchMismatchError' });
    expect(await db.snapshots.count()).toBe(0);
  });
});

describe('savePatch', () => {
  it('writes the patched map and the summary fields, one revision up', async () => {
    const map = sampleMap('Before', 3);
    const id = await repo.create(map);
    const next = setTitle(moveStakeholders(map, [{ id: 's2', position: { x: 5, y: 6 } }]), 'After');
    expect(await savePatch(db, id, structuredClone(mapPatch(map, next)), 1, 2_000)).toBe(2);
    const record = await db.maps.get(id);
    expect(record).toMatchObject({ id, title: 'After', updatedAt: 2_000, createdAt: 1_000, stakeholderCount: 3, rev: 2 });
    expect(record!.map).toEqual(next);
  });

  it('refuses a stale revision and writes nothing', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    await repo.save(id, setTitle(map, 'Other tab'), { expectedRev: 1 });
    const before = await db.maps.get(id);
    const err = await savePatch(db, id, mapPatch(map, setTitle(map, 'This tab')), 1, 3_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MapConflictError);
    expect(err).toMatchObject({ mapId: id, expectedRev: 1, foundRev: 2 });
    expect(await db.maps.get(id)).toEqual(before);
  });

  it('never brings a deleted map back', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    await repo.delete(id);
    await expect(savePatch(db, id, mapPatch(map, setTitle(map, 'Late')), 1, 2_000)).rejects.toBeInstanceOf(MapNotFoundError);
    expect(await db.maps.get(id)).toBeUndefined();
  });

  it('reads the stored map through the check: a damaged one is refused and left as it was', async () => {
    const map = sampleMap('Stored', 3);
    const id = await repo.create(map);
    const damaged = { ...(await db.maps.get(id))!, map: { ...map, relations: 'none' as unknown as [] } };
    await db.maps.put(damaged);
    const err = await savePatch(db, id, mapPatch(map, setTitle(map, 'Edited')), 1, 2_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptRecordError);
    expect(err).toMatchObject({ recordId: id, problems: ['relations: expected a list of relations, found "none"'] });
    expect(await db.maps.get(id)).toEqual(damaged);
    // Across the worker boundary it stays a CorruptRecordError, problems and all.
    const reply = structuredClone(await answer(db, { id: 9, mapId: id, patch: mapPatch(map, setTitle(map, 'Edited')), expectedRev: 1 }, 3_000));
    const revived = 'error' in reply ? reviveError(reply.error) : null;
    expect(revived).toBeInstanceOf(CorruptRecordError);
    expect(revived).toMatchObject({ name: 'CorruptRecordError', kind: 'map', recordId: id, problems: ['relations: expected a list of relations, found "none"'] });
  });

  it('patches a record an older build wrote (no format version, no revision), writing the current version beside it', async () => {
    const map = sampleMap('Old', 2);
    const id = await repo.create(map);
    const old: Partial<MapRecord> = { ...(await db.maps.get(id))! };
    delete old.formatVersion;
    delete old.rev;
    await db.maps.put(old as MapRecord);
    expect(await savePatch(db, id, mapPatch(map, setTitle(map, 'Patched')), 1, 2_000)).toBe(2);
    expect(await db.maps.get(id)).toMatchObject({ rev: 2, formatVersion: FORMAT_VERSION, map: setTitle(map, 'Patched') });
  });

  it('answers with the revision, or with the error as data that survives a structured clone', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    const patch = mapPatch(map, setTitle(map, 'Next'));
    expect(await answer(db, { id: 7, mapId: id, patch, expectedRev: 1 }, 2_000)).toEqual({ id: 7, rev: 2 });
    const reply = structuredClone(await answer(db, { id: 8, mapId: id, patch, expectedRev: 1 }, 3_000));
    expect(reply).toEqual({ id: 8, error: expect.objectContaining({ name: 'MapConflictError', mapId: id, expectedRev: 1, foundRev: 2 }) as unknown });
  });
});
