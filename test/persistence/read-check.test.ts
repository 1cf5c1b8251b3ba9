// Every read of both repositories (IndexedDB on fake-indexeddb, and memory)
// goes through the one check: damaged records are CorruptRecordErrors that
// keep their problems and content, and are left as they are; older records
// read; safe repairs are made and said. Records are planted with restore(),
// which puts back exactly what it is given, as Undo does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src/domain/model';
import {
  CorruptRecordError,
  classifyStorageError,
  createMapRepository,
  createMemoryRepository,
  type MapRecord,
  type MapRepository,
  type SnapshotRecord,
} from '../../src/persistence';
import { freshDb, sampleMap, steppingClock } from './helpers';

/** A record as some build (or some accident) might have left it: anything goes. */
function planted(id: string, fields: Record<string, unknown> = {}): MapRecord {
  const map = sampleMap('Planted', 2);
  return { id, title: map.title, createdAt: 10, updatedAt: 20, map, stakeholderCount: 2, rev: 1, formatVersion: 1, ...fields };
}

function withLabel(label: string) {
  const map = structuredClone(sampleMap('Planted', 2)) as unknown as { stakeholders: { label: string }[] };
  map.stakeholders[1]!.label = label;
  return map;
}

function circularMap() {
  const map = structuredClone(sampleMap('Circular', 2)) as unknown as Record<string, unknown>;
  map.organization = map; // the map is its own organization: no name there
  return map;
}

async function plant(repo: MapRepository, record: MapRecord, snapshots: SnapshotRecord[] = []): Promise<void> {
  await repo.restore({ record, snapshots, wasLastOpen: false, title: 'planted' });
}

async function corruptError(promise: Promise<unknown>): Promise<CorruptRecordError> {
  const err = await promise.then(
    () => new Error('expected a CorruptRecordError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CorruptRecordError);
  return err as CorruptRecordError;
}

function readCheckContract(name: string, make: () => { repo: MapRepository; dispose(): Promise<void> }): void {
  describe(`${name}: every read is checked`, () => {
    let subject: ReturnType<typeof make>;
    let repo: MapRepository;
    beforeEach(() => {
      subject = make();
      repo = subject.repo;
    });
    afterEach(() => subject.dispose());

    it.each([
      ['an unknown label', { map: withLabel('vip') }, /^stakeholders\[1\]\.label: "vip" is not one of customer/],
      ['a string for a map', { map: 'not a map at all' }, /^The stored map is "not a map at all", not a map\.$/],
      ['no map', { map: null }, /^The stored map is missing/],
      ['missing lists', { map: { title: 'T', organization: { name: 'O' } } }, /^stakeholders: missing \(expected a list of stakeholders\)$/],
      ['a map that is its own organization', { map: circularMap() }, /^organization\.name: missing/],
      ['a newer format version', { formatVersion: FORMAT_VERSION + 1 }, /saved by a newer Stakemap/],
      ['a format version that is not one', { formatVersion: 'one' }, /stored format version is "one", not a whole number/],
    ])('get refuses a record with %s: a CorruptRecordError with problems in words and what was read; storage is left as it was', async (_, fields, first) => {
      const record = planted('damaged', fields);
      await plant(repo, record);
      const err = await corruptError(repo.get('damaged'));
      expect(err).toMatchObject({ name: 'CorruptRecordError', kind: 'map', recordId: 'damaged' });
      expect(err.problems[0]).toMatch(first);
      expect(err.raw).toEqual(record);
      expect(err.message).toMatch(/^This saved map is damaged, so it cannot be opened: /);
      expect(err.message).toContain(err.problems[0]);
      // The library's error line says the same, in words.
      expect(classifyStorageError(err).message).toBe(err.message);
      // Nothing was changed or removed by reading it.
      expect((await repo.delete('damaged'))?.record).toEqual(record);
    });

    it('list keeps a damaged map, marked with its problems, with only fields safe to show', async () => {
      const good = await repo.create(sampleMap('Good', 3));
      await plant(repo, planted('damaged', { map: withLabel('vip'), title: { html: '<b>' }, stakeholderCount: 'many', updatedAt: Number.NaN, createdAt: 5 }));
      const list = await repo.list();
      expect(list.map((s) => s.id)).toEqual([good, 'damaged']); // the damaged one counts as changed when it was made
      expect(list[0]).toMatchObject({ title: 'Good', stakeholderCount: 3 });
      expect(list[0]?.problems).toBeUndefined();
      expect(list[1]).toMatchObject({ id: 'damaged', title: 'Planted', stakeholderCount: 0, createdAt: 5, updatedAt: 5, rev: 1 });
      expect(list[1]?.problems).toEqual([expect.stringMatching(/^stakeholders\[1\]\.label/)]);
    });

    it('rename, duplicate and a snapshot of the stored map refuse a damaged map and write nothing', async () => {
      const record = planted('damaged', { map: withLabel('vip') });
      await plant(repo, record);
      await corruptError(repo.rename('damaged', 'New name'));
      await corruptError(repo.duplicate('damaged'));
      await corruptError(repo.snapshot('damaged', 'before'));
      expect(await repo.list()).toHaveLength(1);
      expect(await repo.listSnapshots('damaged')).toEqual([]);
      // A snapshot of a map in hand needs nothing stored to be sound.
      expect(await repo.snapshot('damaged', 'from the page', sampleMap('On screen'))).toBeTypeOf('number');
      expect((await repo.delete('damaged'))?.record).toEqual(record);
    });

    it('a whole-map save over a damaged map writes a sound one (it needs only the revision)', async () => {
      await plant(repo, planted('damaged', { map: withLabel('vip'), rev: 4 }));
      expect(await repo.save('damaged', sampleMap('Rewritten'), { expectedRev: 4 })).toBe(5);
      expect(await repo.get('damaged')).toMatchObject({ title: 'Rewritten', rev: 5, formatVersion: FORMAT_VERSION, map: sampleMap('Rewritten') });
    });

    it('delete and Undo put a damaged record back exactly as it was, with a title safe to show', async () => {
      const record = planted('damaged', { map: 'garbage', title: 42 });
      await plant(repo, record);
      const deleted = await repo.delete('damaged');
      expect(deleted?.title).toBe('Damaged map');
      await repo.restore(deleted!);
      const again = await corruptError(repo.get('damaged'));
      expect(again.raw).toEqual(record);
    });

    it('getSnapshot refuses a damaged snapshot; the list of snapshots shows only fields safe to show', async () => {
      const id = await repo.create(sampleMap('Has history'));
      const good = await repo.snapshot(id, 'fine');
      const deleted = (await repo.delete(id))!;
      const damaged = { id: good + 1, mapId: id, createdAt: 'yesterday', reason: { text: 'x' }, size: -3, map: [1, 2, 3], formatVersion: 1 };
      await repo.restore({ ...deleted, snapshots: [...deleted.snapshots, damaged as unknown as SnapshotRecord] });

      const list = await repo.listSnapshots(id);
      expect(list.map((s) => s.id)).toEqual([good + 1, good]);
      expect(list[0]).toEqual({ id: good + 1, mapId: id, createdAt: 0, reason: 'Snapshot', size: 0 });
      const err = await corruptError(repo.getSnapshot(good + 1));
      expect(err).toMatchObject({ kind: 'snapshot', recordId: String(good + 1), problems: ['The stored map is a list, not a map.'] });
      expect(err.message).toMatch(/^This snapshot is damaged, so it cannot be used: The stored map is a list/);
      expect((await repo.getSnapshot(good))?.map).toEqual(sampleMap('Has history'));
    });

    it('reads records older builds wrote: no format version (version 1), no revision', async () => {
      const old = planted('old', { formatVersion: undefined, rev: undefined });
      delete (old as Partial<MapRecord>).formatVersion;
      delete (old as Partial<MapRecord>).rev;
      await plant(repo, old);
      const record = await repo.get('old');
      expect(record).toMatchObject({ id: 'old', rev: 1, formatVersion: FORMAT_VERSION, map: sampleMap('Planted', 2) });
      expect(record?.repaired).toBeUndefined();
      expect((await repo.list())[0]?.problems).toBeUndefined();
      expect(await repo.save('old', sampleMap('Saved again'), { expectedRev: 1 })).toBe(2);
    });

    it('makes safe repairs and says so: a revision, times and positions that are not numbers, a stale title', async () => {
      const map = structuredClone(sampleMap('The map’s title', 2)) as unknown as { stakeholders: { position?: unknown }[] };
      map.stakeholders[0]!.position = { x: Number.NaN, y: 3 };
      await plant(repo, planted('repairable', { map, rev: Number.NaN, createdAt: Number.POSITIVE_INFINITY, title: 'Old title', stakeholderCount: 7 }));
      const record = await repo.get('repairable');
      expect(record).toMatchObject({ rev: 1, createdAt: 20, updatedAt: 20, title: 'The map’s title', stakeholderCount: 2 });
      expect(record?.map.stakeholders[0]?.position).toBeUndefined();
      expect(record?.repaired).toEqual([
        expect.stringMatching(/^stakeholders\[0\] \("Stakeholder 1"\): its position was \{ x: NaN \(not a number\), y: 3 \}/),
        'Its revision was NaN (not a number), not a whole number of at least 1: it counts as revision 1.',
        'Its creation time was a number too large to store, not a time: it counts as its last change.',
        'The title kept for the list of maps ("Old title") was not the map’s own: the map’s is used.',
        'The stakeholder count kept for the list of maps (7) was not the map’s: the map’s is used.',
      ]);
      // A NaN revision would never match itself; read as 1, the map saves again.
      expect(await repo.save('repairable', record!.map, { expectedRev: 1 })).toBe(2);
      const stored = (await repo.delete('repairable'))!.record; // as stored: what a read repaired is not written back as such
      expect(stored).not.toHaveProperty('repaired');
      expect(stored.rev).toBe(2);
    });
  });
}

readCheckContract('memory', () => ({ repo: createMemoryRepository({ now: steppingClock() }), dispose: async () => {} }));

readCheckContract('IndexedDB', () => {
  const db = freshDb();
  return { repo: createMapRepository(db, { now: steppingClock() }), dispose: () => db.delete() };
});
