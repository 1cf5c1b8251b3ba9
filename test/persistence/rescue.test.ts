// The localStorage rescue of a tab closed mid-save: it comes back on the next
// start, and never overwrites what another tab saved since.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RESCUE_SNAPSHOT_REASON,
  createMemoryRepository,
  listRescues,
  recoverRescues,
  writeRescue,
  type MemoryRepository,
} from '../../src/persistence';
import { sampleMap, steppingClock } from './helpers';

let repo: MemoryRepository;
beforeEach(() => {
  localStorage.clear();
  repo = createMemoryRepository({ now: steppingClock(1_000, 1_000) });
});
afterEach(() => localStorage.clear());

describe('recoverRescues', () => {
  it('saves a rescued map over the stored one when that is still the revision it was edited from', async () => {
    const id = await repo.create(sampleMap('Stored'));
    expect(writeRescue(id, sampleMap('Edited just before closing', 3), 5_000, 1)).toBe(true);
    expect(await recoverRescues(repo)).toEqual([id]);
    expect((await repo.get(id))?.map).toStrictEqual(sampleMap('Edited just before closing', 3));
    expect(listRescues()).toEqual([]);
  });

  it('keeps it as a snapshot when another tab saved the map since, overwriting nothing', async () => {
    const id = await repo.create(sampleMap('Stored'));
    writeRescue(id, sampleMap('From the closed tab', 1), 5_000, 1);
    await repo.save(id, sampleMap('Saved by another tab', 4)); // now revision 2
    expect(await recoverRescues(repo)).toEqual([]);
    expect((await repo.get(id))?.map.title).toBe('Saved by another tab');
    const [snapshot] = await repo.listSnapshots(id);
    expect(snapshot?.reason).toBe(RESCUE_SNAPSHOT_REASON);
    expect((await repo.getSnapshot(snapshot!.id))?.map).toStrictEqual(sampleMap('From the closed tab', 1));
    expect(listRescues()).toEqual([]);
  });

  it('drops a rescue whose content is already stored (the flush on page hide made it)', async () => {
    const id = await repo.create(sampleMap('Stored'));
    writeRescue(id, sampleMap('Flushed'), 5_000, 1);
    await repo.save(id, sampleMap('Flushed'));
    await recoverRescues(repo);
    expect(await repo.listSnapshots(id)).toEqual([]);
    expect(listRescues()).toEqual([]);
  });

  it('reads entries of older builds (no revision) by time, as before', async () => {
    const id = await repo.create(sampleMap('Stored')); // updatedAt 1_000
    writeRescue(id, sampleMap('Older build'), 500);
    expect(await recoverRescues(repo)).toEqual([]);
    const other = await repo.create(sampleMap('Other'));
    writeRescue(other, sampleMap('Newer than stored'), 60_000);
    expect(await recoverRescues(repo)).toEqual([other]);
  });

  it('keeps the rescue of a map that is no longer stored, for the recovery view', async () => {
    writeRescue('deleted-meanwhile', sampleMap('Only copy'), 5_000, 3);
    expect(await recoverRescues(repo)).toEqual([]);
    expect(listRescues()).toEqual([{ mapId: 'deleted-meanwhile', entry: { at: 5_000, baseRev: 3, map: sampleMap('Only copy') } }]);
  });

  it('leaves an entry in place when storage fails, to try again next start', async () => {
    const id = await repo.create(sampleMap('Stored'));
    writeRescue(id, sampleMap('Precious'), 5_000, 1);
    const failing = { ...repo, save: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    expect(await recoverRescues(failing)).toEqual([]);
    expect(listRescues()).toHaveLength(1);
  });
});
