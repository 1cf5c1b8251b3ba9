// Every earlier schema of the database keeps opening: a database is built
// from the fixture each older version wrote (test/fixtures/db/schema-vN.json)
// and opened with the current code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src/domain/model';
import {
  FORMAT_VERSION_BEFORE_SCHEMA_3,
  SCHEMA_VERSION,
  createMapRepository,
  openStakemapDb,
  watchVersionChange,
  type MapRecord,
  type MetaRecord,
  type SnapshotRecord,
} from '../../src/persistence';

const FIXTURES = join(__dirname, '../fixtures/db');

interface DbFixture {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: { maps: MapRecord[]; meta: MetaRecord[]; snapshots: SnapshotRecord[] };
}

function fixture(version: number): DbFixture {
  return JSON.parse(readFileSync(join(FIXTURES, `schema-v${version}.json`), 'utf8')) as DbFixture;
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Writes a database exactly as the app of that version did: its schema, its records. */
async function buildOldDatabase(version: number): Promise<{ name: string; data: DbFixture }> {
  const data = fixture(version);
  const name = `stakemap-schema-v${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(data.schemaVersion).stores(data.stores);
  await old.open();
  await old.table('maps').bulkAdd(data.tables.maps);
  await old.table('meta').bulkAdd(data.tables.meta);
  await old.table('snapshots').bulkAdd(data.tables.snapshots);
  old.close();
  return { name, data };
}

describe('schema migrations', () => {
  it('has a fixture for every earlier schema version', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(existsSync(join(FIXTURES, `schema-v${v}.json`)), `schema-v${v}.json`).toBe(true);
  });

  it.each([1, 2])('opens a schema %i database with the current code and finds every map, snapshot and setting intact', async (version) => {
    const { name, data } = await buildOldDatabase(version);
    const db = openStakemapDb(name);
    opened.push(db);
    const repo = createMapRepository(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    const list = await repo.list();
    expect(list.map((s) => s.id).sort()).toEqual(data.tables.maps.map((m) => m.id).sort());
    for (const summary of list) expect(summary.problems).toBeUndefined();
    for (const old of data.tables.maps) {
      const record = await repo.get(old.id);
      expect(record?.map).toStrictEqual(old.map);
      expect(record).toMatchObject({ title: old.title, createdAt: old.createdAt, updatedAt: old.updatedAt, stakeholderCount: old.stakeholderCount });
      expect(record?.rev).toBe(old.rev ?? 1); // schema 2 gave every map a revision
      expect(record?.repaired).toBeUndefined();
    }
    // The tricky ids of the v1 file survive as data, not as object keys.
    const full = await repo.get(data.tables.maps[0]!.id);
    expect(full?.map.stakeholders.map((s) => s.id)).toContain('__proto__');
    expect(full?.map.stakeholders.find((s) => s.id === '__proto__')?.name).toBe('<img src=x onerror=alert(1)>');

    const snapshots = await repo.listSnapshots(data.tables.maps[0]!.id);
    expect(snapshots.map((s) => s.reason)).toEqual(['before import']);
    expect((await repo.getSnapshot(snapshots[0]!.id))?.map).toStrictEqual(data.tables.snapshots[0]!.map);
    expect(await repo.getLastOpen()).toBe(data.tables.meta[0]!.value);

    // And it is fully usable: a tab that read the stored revision saves over it.
    const second = data.tables.maps[1]!;
    const rev = second.rev ?? 1;
    expect(await repo.save(second.id, { ...second.map, title: 'Saved after the upgrade' }, { expectedRev: rev })).toBe(rev + 1);
  });

  it('step 1 → 2 adds a revision to maps that have none and keeps any it finds', async () => {
    const { name, data } = await buildOldDatabase(1);
    const old = new Dexie(name);
    old.version(1).stores(data.stores);
    await old.table('maps').update(data.tables.maps[1]!.id, { rev: 7 });
    old.close();

    const db = openStakemapDb(name);
    opened.push(db);
    expect((await db.maps.get(data.tables.maps[0]!.id))?.rev).toBe(1);
    expect((await db.maps.get(data.tables.maps[1]!.id))?.rev).toBe(7);
  });
  it('step 2 → 3 puts format version 1 beside every map and snapshot, and keeps any it finds', async () => {
    const { name, data } = await buildOldDatabase(2);
    const old = new Dexie(name);
    old.version(2).stores(data.stores);
    await old.table('snapshots').update(2, { formatVersion: 7 }); // as a later build might have written
    old.close();

    const db = openStakemapDb(name);
    opened.push(db);
    for (const m of data.tables.maps) expect((await db.maps.get(m.id))?.formatVersion).toBe(FORMAT_VERSION_BEFORE_SCHEMA_3);
    expect((await db.snapshots.get(1))?.formatVersion).toBe(1);
    expect((await db.snapshots.get(2))?.formatVersion).toBe(7);
    // The maps themselves are untouched by the upgrade.
    for (const m of data.tables.maps) expect((await db.maps.get(m.id))?.map).toStrictEqual(m.map);
  });

  it('every write of the current code stores the current format version beside the map', async () => {
    const db = openStakemapDb(`stakemap-format-version-${crypto.randomUUID()}`);
    opened.push(db);
    const repo = createMapRepository(db);
    const id = await repo.create(fixture(2).tables.maps[0]!.map);
    expect((await db.maps.get(id))?.formatVersion).toBe(FORMAT_VERSION);
    await db.maps.update(id, { formatVersion: 1 });
    await repo.rename(id, 'Renamed');
    expect((await db.maps.get(id))?.formatVersion).toBe(FORMAT_VERSION);
    const copy = await repo.duplicate(id);
    expect((await db.maps.get(copy))?.formatVersion).toBe(FORMAT_VERSION);
    await db.maps.update(id, { formatVersion: 1 });
    await repo.save(id, (await repo.get(id))!.map);
    expect((await db.maps.get(id))?.formatVersion).toBe(FORMAT_VERSION);
    const snapshotId = await repo.snapshot(id, 'test');
    expect((await db.snapshots.get(snapshotId))?.formatVersion).toBe(FORMAT_VERSION);
  });
});

describe('a newer app version upgrades the database in another tab', () => {
  it('closes this tab’s connection at once, says so, and does not block the upgrade', async () => {
    const name = `stakemap-vc-${crypto.randomUUID()}`;
    const current = openStakemapDb(name);
    await current.open();
    let outdated = false;
    watchVersionChange(current, () => (outdated = true));

    const newer = new Dexie(name);
    newer.version(SCHEMA_VERSION + 1).stores({ maps: 'id, updatedAt', meta: 'key', snapshots: '++id, mapId, createdAt' });
    opened.push(newer);
    await newer.open(); // resolves only because the old connection stepped aside

    expect(outdated).toBe(true);
    expect(current.isOpen()).toBe(false);
    // The old tab never reopens the database on its own.
    await expect(current.maps.toArray()).rejects.toThrow();
  });
});
