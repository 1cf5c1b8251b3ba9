// What every MapRepository does, IndexedDB or memory: one suite, run against each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MapConflictError, MapNotFoundError, type MapRepository } from '../../src/persistence';
import { sampleMap, steppingClock } from './helpers';

export interface RepositoryUnderTest {
  repo: MapRepository;
  dispose(): Promise<void>;
}

export function repositoryContract(name: string, make: (options: { now: () => number; maxSnapshotsPerMap?: number }) => RepositoryUnderTest): void {
  describe(`${name}: the MapRepository contract`, () => {
    let subject: RepositoryUnderTest;
    let repo: MapRepository;

    beforeEach(() => {
      subject = make({ now: steppingClock() });
      repo = subject.repo;
    });
    afterEach(() => subject.dispose());

    it('creates, lists newest first without the map, gets, and saves', async () => {
      const a = await repo.create(sampleMap('A', 1));
      const b = await repo.create(sampleMap('B', 2));
      expect((await repo.list()).map((s) => s.title)).toEqual(['B', 'A']);
      for (const summary of await repo.list()) expect(summary).not.toHaveProperty('map');
      await repo.save(a, sampleMap('A edited', 3));
      expect((await repo.list()).map((s) => s.id)).toEqual([a, b]);
      expect(await repo.get(a)).toMatchObject({ title: 'A edited', stakeholderCount: 3, map: sampleMap('A edited', 3), rev: 2 });
      expect(await repo.get('nope')).toBeUndefined();
    });

    it('stores copies: changing an object after saving it, or one read back, changes nothing stored', async () => {
      const map = structuredClone(sampleMap('Original'));
      const id = await repo.create(map);
      (map as { title: string }).title = 'Mutated outside';
      const read = await repo.get(id);
      (read!.map as { title: string }).title = 'Mutated after reading';
      expect((await repo.get(id))?.map.title).toBe('Original');
    });

    it('counts revisions and refuses a save over a revision it did not expect', async () => {
      const id = await repo.create(sampleMap('v1'));
      expect((await repo.get(id))?.rev).toBe(1);
      expect(await repo.save(id, sampleMap('v2'), { expectedRev: 1 })).toBe(2);
      // A second tab still at revision 1 must not overwrite revision 2.
      const refused = repo.save(id, sampleMap('stale'), { expectedRev: 1 });
      await expect(refused).rejects.toBeInstanceOf(MapConflictError);
      await expect(refused).rejects.toMatchObject({ mapId: id, expectedRev: 1, foundRev: 2 });
      expect((await repo.get(id))?.map.title).toBe('v2');
      // Without an expectation the save goes through, and renames count too.
      expect(await repo.save(id, sampleMap('v3'))).toBe(3);
      await repo.rename(id, 'Renamed');
      expect((await repo.get(id))?.rev).toBe(4);
    });

    it('never resurrects a deleted map, and restores all of it on undo', async () => {
      const id = await repo.create(sampleMap('Doomed'));
      await repo.snapshot(id, 'kept');
      await repo.setLastOpen(id);
      const deleted = await repo.delete(id);
      await expect(repo.save(id, sampleMap())).rejects.toBeInstanceOf(MapNotFoundError);
      expect(await repo.get(id)).toBeUndefined();
      expect(await repo.getLastOpen()).toBeNull();
      await repo.restore(deleted!);
      expect((await repo.get(id))?.title).toBe('Doomed');
      expect(await repo.listSnapshots(id)).toHaveLength(1);
      expect(await repo.getLastOpen()).toBe(id);
    });

    it('renames, refusing blank titles, and duplicates independently', async () => {
      const id = await repo.create(sampleMap('Old'));
      await repo.rename(id, '  New  ');
      expect((await repo.get(id))?.map.title).toBe('New');
      await expect(repo.rename(id, '  ')).rejects.toBeInstanceOf(RangeError);
      const copy = await repo.duplicate(id);
      expect((await repo.get(copy))?.title).toBe('New (copy)');
      await repo.save(copy, sampleMap('Changed', 4));
      expect((await repo.get(id))?.map.stakeholders).toHaveLength(2);
    });

    it('keeps snapshots newest first with sizes, capped per map, refusing unknown maps', async () => {
      const capped = make({ now: steppingClock(), maxSnapshotsPerMap: 2 });
      try {
        const id = await capped.repo.create(sampleMap('S'));
        const first = await capped.repo.snapshot(id, 'one');
        await capped.repo.snapshot(id, 'two', sampleMap('in memory', 3));
        await capped.repo.snapshot(id, 'three');
        const list = await capped.repo.listSnapshots(id);
        expect(list.map((s) => s.reason)).toEqual(['three', 'two']);
        expect(list[1]?.size).toBe(new TextEncoder().encode(JSON.stringify(sampleMap('in memory', 3))).length);
        expect(await capped.repo.getSnapshot(first)).toBeUndefined();
        expect((await capped.repo.getSnapshot(list[1]!.id))?.map).toStrictEqual(sampleMap('in memory', 3));
        await expect(capped.repo.snapshot('gone', 'x', sampleMap())).rejects.toBeInstanceOf(MapNotFoundError);
      } finally {
        await capped.dispose();
      }
    });
  });
}
