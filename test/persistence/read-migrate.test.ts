// Format version 1 is the only one so far, so no real migration exists yet.
// Here the domain's check runs with a fake history (as in migrations.test.ts):
// version 1 called the organization `company`, version 2 `organization`. A
// record stored at version 1 must come back migrated from every read path.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTitle, type StakeMap } from '../../src/domain';
import type { Migration } from '../../src/domain/migrations';
import {
  createMapRepository,
  createMemoryRepository,
  listRescues,
  loadStoredMapCheck,
  recoverRescues,
  type MapRecord,
  type SnapshotRecord,
  type StakemapDb,
} from '../../src/persistence';
import { mapPatch } from '../../src/persistence/mapPatch';
import { savePatch } from '../../src/persistence/savePatch';
import { readStoredMaps } from '../../src/app/Recovery';
import { recoveryItem } from '../../src/app/recoveryItems';
import { freshDb, sampleMap } from './helpers';

vi.mock('../../src/domain/stored', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/stored')>();
  const { MIGRATIONS } = await import('../../src/domain/migrations');
  const { FORMAT_VERSION } = await import('../../src/domain/model');
  const renameCompany: Migration = {
    from: 1,
    description: 'company → organization',
    up: (file) => {
      if (!('company' in file)) return file; // written by this build: already current
      const { company, ...rest } = file;
      return { ...rest, organization: company };
    },
  };
  return {
    ...real,
    // The real steps after version 1 stay, so records written by this build (the current version) read as they are.
    readStoredMap: (raw: unknown, version?: unknown) =>
      real.readStoredMapWith(raw, version, { migrations: [renameCompany, ...MIGRATIONS.filter((m) => m.from > 1)], currentVersion: FORMAT_VERSION }),
  };
});

/** A map as the fake version 1 stored it. */
function versionOne(title: string): Record<string, unknown> {
  const { organization, ...rest } = sampleMap(title, 2);
  return { ...rest, company: organization };
}

function oldRecord(id: string, title: string): MapRecord {
  return { id, title, createdAt: 1, updatedAt: 2, map: versionOne(title) as unknown as StakeMap, stakeholderCount: 2, rev: 1, formatVersion: 1 };
}

function oldSnapshot(id: number, mapId: string): SnapshotRecord {
  return { id, mapId, createdAt: 3, reason: 'old', size: 1, map: versionOne('Snapshot') as unknown as StakeMap, formatVersion: 1 };
}

let db: StakemapDb;
beforeEach(() => {
  db = freshDb();
  localStorage.clear();
});
afterEach(async () => {
  localStorage.clear();
  await db.delete();
});

describe('a version 1 record is migrated by every read', () => {
  it('IndexedDB repository: get, list, getSnapshot, snapshot, rename and duplicate', async () => {
    await db.maps.put(oldRecord('old', 'Old map'));
    await db.snapshots.put(oldSnapshot(1, 'old'));
    const repo = createMapRepository(db);
    expect((await repo.get('old'))?.map).toStrictEqual(sampleMap('Old map', 2));
    expect(await repo.list()).toEqual([expect.objectContaining({ id: 'old', title: 'Old map', stakeholderCount: 2 })]);
    expect((await repo.list())[0]?.problems).toBeUndefined();
    expect((await repo.getSnapshot(1))?.map).toStrictEqual(sampleMap('Snapshot', 2));
    const frozen = await repo.snapshot('old', 'frozen from storage');
    expect((await db.snapshots.get(frozen))?.map).toStrictEqual(sampleMap('Old map', 2));
    const copy = await repo.duplicate('old');
    expect((await db.maps.get(copy))?.map).toStrictEqual(sampleMap('Old map (copy)', 2));
    await repo.rename('old', 'Renamed');
    expect((await db.maps.get('old'))?.map).toStrictEqual(sampleMap('Renamed', 2));
  });

  it('memory repository: get and getSnapshot', async () => {
    const repo = createMemoryRepository();
    await repo.restore({ record: oldRecord('old', 'Old map'), snapshots: [oldSnapshot(1, 'old')], wasLastOpen: false, title: 'Old map' });
    expect((await repo.get('old'))?.map).toStrictEqual(sampleMap('Old map', 2));
    expect((await repo.getSnapshot(1))?.map).toStrictEqual(sampleMap('Snapshot', 2));
  });

  it('the save worker: a patch made from the migrated map applies to the stored one', async () => {
    await db.maps.put(oldRecord('old', 'Old map'));
    const opened = sampleMap('Old map', 2); // what the page read
    expect(await savePatch(db, 'old', mapPatch(opened, setTitle(opened, 'Patched')), 1, 5)).toBe(2);
    expect((await db.maps.get('old'))?.map).toStrictEqual(sampleMap('Patched', 2));
  });

  it('the rescue copy', async () => {
    const repo = createMapRepository(db);
    const id = await repo.create(sampleMap('Stored', 2));
    localStorage.setItem(`stakemap.rescue.${id}`, JSON.stringify({ at: 9, baseRev: 1, map: versionOne('Rescued'), formatVersion: 1 }));
    expect(await recoverRescues(repo)).toEqual([id]);
    expect((await repo.get(id))?.map).toStrictEqual(sampleMap('Rescued', 2));
    expect(listRescues()).toEqual([]);
  });

  it('the recovery view', async () => {
    await db.maps.put(oldRecord('old', 'Old map'));
    const name = db.name;
    db.close();
    const { maps } = await readStoredMaps(name);
    const item = recoveryItem(await loadStoredMapCheck(), maps[0], 'fallback');
    expect(item).toMatchObject({ title: 'Old map', problems: null });
    expect(JSON.parse(item.fileText())).toMatchObject({ format: 'stakemap', organization: { name: 'Bright Foods Ltd' } });
  });
});
