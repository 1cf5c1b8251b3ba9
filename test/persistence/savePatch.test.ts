import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveStakeholders, setTitle } from '../../src/domain';
import { MapConflictError, MapNotFoundError, createMapRepository, type MapRepository, type StakemapDb } from '../../src/persistence';
import { mapPatch } from '../../src/persistence/mapPatch';
import { answer, savePatch } from '../../src/persistence/savePatch';
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

  it('answers with the revision, or with the error as data that survives a structured clone', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    const patch = mapPatch(map, setTitle(map, 'Next'));
    expect(await answer(db, { id: 7, mapId: id, patch, expectedRev: 1 }, 2_000)).toEqual({ id: 7, rev: 2 });
    const reply = structuredClone(await answer(db, { id: 8, mapId: id, patch, expectedRev: 1 }, 3_000));
    expect(reply).toEqual({ id: 8, error: expect.objectContaining({ name: 'MapConflictError', mapId: id, expectedRev: 1, foundRev: 2 }) as unknown });
  });
});
