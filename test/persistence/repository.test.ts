import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StakeMap } from '../../src/domain/model';
import {
  DB_NAME,
  MapNotFoundError,
  SCHEMA_VERSION,
  createMapRepository,
  openStakemapDb,
  type MapRepository,
  type StakemapDb,
} from '../../src/persistence';
import { freshDb, sampleMap, stakeholder, steppingClock } from './helpers';

let db: StakemapDb;
let repo: MapRepository;

beforeEach(() => {
  db = freshDb();
  repo = createMapRepository(db, { now: steppingClock() });
});

afterEach(async () => {
  await db.delete();
});

describe('schema', () => {
  it('opens at the exported schema version with the three tables', async () => {
    await db.open();
    expect(SCHEMA_VERSION).toBe(3);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['maps', 'meta', 'snapshots']);
    expect(db.maps.schema.primKey.name).toBe('id');
    expect(db.maps.schema.indexes.map((i) => i.name)).toEqual(['updatedAt']);
    expect(db.snapshots.schema.primKey.auto).toBe(true);
  });

  it('uses the app database name by default', () => {
    expect(openStakemapDb().name).toBe(DB_NAME);
    expect(DB_NAME).toBe('stakemap');
  });

  it('round-trips a StakeMap exactly, including a __proto__ stakeholder id', async () => {
    const map: StakeMap = {
      title: 'Edge: ünïcødé & <tags>',
      definition: 'payer',
      definitionNote: 'Who pays decides.',
      organization: { name: 'Us', position: { x: -12.5, y: 1e6 } },
      stakeholders: [
        { ...stakeholder('__proto__', 'Proto'), notes: 'line 1\nline 2', position: { x: 1, y: 2 } },
        stakeholder('constructor'),
        { ...stakeholder('hasOwnProperty'), label: 'supplier', side: 'internal' },
      ],
      relations: [{ id: 'r1', from: '__proto__', to: 'us', kind: 'money', note: 'fees' }],
    };
    const id = await repo.create(map);
    const stored = await repo.get(id);
    expect(stored?.map).toStrictEqual(map);
    expect(stored?.map.stakeholders[0]?.id).toBe('__proto__');
    expect(Object.getPrototypeOf(stored?.map.stakeholders[0])).toBe(Object.prototype);
    expect(stored?.map.relations[0]?.from).toBe('__proto__');
  });
});

describe('maps', () => {
  it('creates a map with a uuid and summary fields', async () => {
    const id = await repo.create(sampleMap('Alpha', 3));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const record = await repo.get(id);
    expect(record).toMatchObject({ id, title: 'Alpha', stakeholderCount: 3 });
    expect(record?.createdAt).toBe(record?.updatedAt);
  });

  it('returns undefined for an unknown id', async () => {
    expect(await repo.get('nope')).toBeUndefined();
  });

  it('lists several maps newest first, without the map itself', async () => {
    const a = await repo.create(sampleMap('A'));
    const b = await repo.create(sampleMap('B'));
    const c = await repo.create(sampleMap('C'));
    expect((await repo.list()).map((s) => s.id)).toEqual([c, b, a]);

    await repo.save(a, sampleMap('A edited'));
    const list = await repo.list();
    expect(list.map((s) => s.title)).toEqual(['A edited', 'C', 'B']);
    for (const summary of list) expect(summary).not.toHaveProperty('map');
  });

  it('save replaces the map and updates title, updatedAt and count', async () => {
    const id = await repo.create(sampleMap('Before', 1));
    const before = await repo.get(id);
    const next = sampleMap('After', 4);
    await repo.save(id, next);
    const after = await repo.get(id);
    expect(after?.map).toStrictEqual(next);
    expect(after).toMatchObject({ title: 'After', stakeholderCount: 4, createdAt: before?.createdAt });
    expect(after?.updatedAt).toBeGreaterThan(before?.updatedAt ?? Infinity);
  });

  it('save of an unknown id rejects and does not create the map', async () => {
    await expect(repo.save('gone', sampleMap())).rejects.toBeInstanceOf(MapNotFoundError);
    expect(await repo.get('gone')).toBeUndefined();
    expect(await repo.list()).toEqual([]);
  });

  it('rename changes the record title and the map title', async () => {
    const id = await repo.create(sampleMap('Old'));
    await repo.rename(id, '  New name  ');
    const record = await repo.get(id);
    expect(record?.title).toBe('New name');
    expect(record?.map.title).toBe('New name');
    expect(record?.map.stakeholders).toStrictEqual(sampleMap().stakeholders);
  });

  it('rename refuses an empty title and an unknown map', async () => {
    const id = await repo.create(sampleMap('Keep'));
    await expect(repo.rename(id, '   ')).rejects.toBeInstanceOf(RangeError);
    expect((await repo.get(id))?.title).toBe('Keep');
    await expect(repo.rename('gone', 'x')).rejects.toBeInstanceOf(MapNotFoundError);
  });

  it('duplicate makes an independent copy titled "(copy)"', async () => {
    const id = await repo.create(sampleMap('Original', 2));
    const copyId = await repo.duplicate(id);
    expect(copyId).not.toBe(id);
    const copy = await repo.get(copyId);
    expect(copy?.title).toBe('Original (copy)');
    expect(copy?.map).toStrictEqual({ ...sampleMap('Original', 2), title: 'Original (copy)' });
    expect(copy?.stakeholderCount).toBe(2);

    await repo.save(copyId, sampleMap('Changed copy', 5));
    expect((await repo.get(id))?.map).toStrictEqual(sampleMap('Original', 2));
    await expect(repo.duplicate('gone')).rejects.toBeInstanceOf(MapNotFoundError);
  });

  it('delete returns what it removed and restore puts it all back', async () => {
    const keep = await repo.create(sampleMap('Keep'));
    const id = await repo.create(sampleMap('Doomed'));
    await repo.snapshot(id, 'manual');
    await repo.snapshot(keep, 'manual');
    await repo.setLastOpen(id);
    const original = await repo.get(id);

    const deleted = await repo.delete(id);
    expect(deleted?.record).toStrictEqual(original);
    expect(deleted?.snapshots).toHaveLength(1);
    expect(deleted?.wasLastOpen).toBe(true);
    expect(await repo.get(id)).toBeUndefined();
    expect((await repo.list()).map((s) => s.id)).toEqual([keep]);
    expect(await repo.listSnapshots(id)).toEqual([]);
    expect(await repo.listSnapshots(keep)).toHaveLength(1);
    expect(await repo.getLastOpen()).toBeNull();

    await repo.restore(deleted!);
    expect(await repo.get(id)).toStrictEqual(original);
    expect(await repo.listSnapshots(id)).toHaveLength(1);
    expect(await repo.getLastOpen()).toBe(id);
    // A second Undo is harmless.
    await repo.restore(deleted!);
    expect(await repo.list()).toHaveLength(2);
  });

  it('delete of an unknown id returns undefined', async () => {
    expect(await repo.delete('gone')).toBeUndefined();
  });
});

describe('last open map', () => {
  it('is null at first, then remembers, then forgets', async () => {
    const id = await repo.create(sampleMap());
    expect(await repo.getLastOpen()).toBeNull();
    await repo.setLastOpen(id);
    expect(await repo.getLastOpen()).toBe(id);
    await repo.setLastOpen(null);
    expect(await repo.getLastOpen()).toBeNull();
  });

  it('is null when the remembered map no longer exists', async () => {
    await repo.setLastOpen('deleted-elsewhere');
    expect(await repo.getLastOpen()).toBeNull();
  });
});

describe('snapshots', () => {
  it('freezes the stored map, lists newest first without the map, and loads one', async () => {
    const id = await repo.create(sampleMap('v1', 1));
    const first = await repo.snapshot(id, 'before import');
    await repo.save(id, sampleMap('v2', 2));
    const second = await repo.snapshot(id, 'manual');

    const list = await repo.listSnapshots(id);
    expect(list.map((s) => [s.id, s.reason])).toEqual([
      [second, 'manual'],
      [first, 'before import'],
    ]);
    for (const summary of list) expect(summary).not.toHaveProperty('map');
    expect(list[1]?.size).toBe(new TextEncoder().encode(JSON.stringify(sampleMap('v1', 1))).length);
    expect((await repo.getSnapshot(first))?.map).toStrictEqual(sampleMap('v1', 1));
    expect((await repo.getSnapshot(second))?.map).toStrictEqual(sampleMap('v2', 2));
    expect(await repo.getSnapshot(9999)).toBeUndefined();
  });

  it('can freeze an in-memory map instead of the stored one', async () => {
    const id = await repo.create(sampleMap('stored'));
    const snapshotId = await repo.snapshot(id, 'manual', sampleMap('in memory', 3));
    expect((await repo.getSnapshot(snapshotId))?.map).toStrictEqual(sampleMap('in memory', 3));
  });

  it('refuses snapshots of unknown maps', async () => {
    await expect(repo.snapshot('gone', 'manual')).rejects.toBeInstanceOf(MapNotFoundError);
    await expect(repo.snapshot('gone', 'manual', sampleMap())).rejects.toBeInstanceOf(MapNotFoundError);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('keeps at most N snapshots per map, dropping the oldest, per map', async () => {
    const capped = createMapRepository(db, { now: steppingClock(), maxSnapshotsPerMap: 3 });
    const a = await capped.create(sampleMap('A'));
    const b = await capped.create(sampleMap('B'));
    await capped.snapshot(b, 'b-1');
    for (let i = 1; i <= 5; i++) await capped.snapshot(a, `a-${i}`);
    expect((await capped.listSnapshots(a)).map((s) => s.reason)).toEqual(['a-5', 'a-4', 'a-3']);
    expect((await capped.listSnapshots(b)).map((s) => s.reason)).toEqual(['b-1']);
  });

  it('caps at 50 by default', async () => {
    const id = await repo.create(sampleMap());
    for (let i = 1; i <= 52; i++) await repo.snapshot(id, `s-${i}`);
    const list = await repo.listSnapshots(id);
    expect(list).toHaveLength(50);
    expect(list.at(-1)?.reason).toBe('s-3');
  });
});
