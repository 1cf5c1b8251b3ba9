// The localStorage rescue of a tab closed mid-save: it comes back on the next
// start, and never overwrites what another tab saved since.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORMAT_VERSION } from '../../src/domain/model';
import {
  CorruptRecordError,
  RESCUE_SNAPSHOT_REASON,
  checkRescue,
  createMapRepository,
  createMemoryRepository,
  MAX_SEEN_COPIES,
  clearRescue,
  listRescues,
  markRescuesSeen,
  recoverRescues,
  writeRescue,
  type MemoryRepository,
} from '../../src/persistence';
import { readStoredMap } from '../../src/domain/stored';
import { SmallStorage, freshDb, sampleMap, steppingClock } from './helpers';

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
    expect(listRescues().map(({ mapId, raw }) => ({ mapId, raw }))).toEqual([{ mapId: 'deleted-meanwhile', raw: { at: 5_000, baseRev: 3, map: sampleMap('Only copy'), formatVersion: FORMAT_VERSION } }]);
  });

  it('leaves an entry in place when storage fails, to try again next start', async () => {
    const id = await repo.create(sampleMap('Stored'));
    writeRescue(id, sampleMap('Precious'), 5_000, 1);
    const failing = { ...repo, save: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    expect(await recoverRescues(failing)).toEqual([]);
    expect(listRescues()).toHaveLength(1);
  });
});

describe('rescue copies are read through the check', () => {
  const KEY = 'stakemap.rescue.';

  it('leaves a damaged copy in place, for the recovery view, and changes nothing stored', async () => {
    const id = await repo.create(sampleMap('Stored'));
    const damaged: Record<string, string> = {
      [id]: JSON.stringify({ at: 5_000, baseRev: 1, map: { ...sampleMap('Bad label'), stakeholders: [{ id: 'a', name: 'A', label: 'vip', side: 'external' }] } }),
      'not-json': '{"at": 5000, "map": ',
      'a-string': '"just text"',
      'no-map': '{"at": 5000}',
      'newer-format': JSON.stringify({ at: 5_000, map: sampleMap('From the future'), formatVersion: FORMAT_VERSION + 1 }),
    };
    for (const [mapId, text] of Object.entries(damaged)) localStorage.setItem(KEY + mapId, text);
    expect(await recoverRescues(repo)).toEqual([]);
    expect((await repo.get(id))?.map).toStrictEqual(sampleMap('Stored'));
    expect(await repo.listSnapshots(id)).toEqual([]);
    expect(Object.fromEntries(listRescues().map((r) => [r.mapId, r.raw]))).toEqual({
      [id]: JSON.parse(damaged[id]!) as unknown,
      'not-json': '{"at": 5000, "map": ',
      'a-string': 'just text',
      'no-map': { at: 5_000 },
      'newer-format': JSON.parse(damaged['newer-format']!) as unknown,
    });
  });

  it('says what is wrong with each, in words', () => {
    const check = (raw: unknown) => {
      const result = checkRescue(readStoredMap, 'm1', raw);
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error).toBeInstanceOf(CorruptRecordError);
      expect(result.error).toMatchObject({ kind: 'unsaved copy', recordId: 'm1', raw });
      return result.error.problems;
    };
    expect(check('{"at": 5000, "map": ')).toEqual([expect.stringMatching(/^The unsaved copy is ".*at.*", not a map\.$/)]);
    expect(check({ at: 5_000 })).toEqual(['The stored map is missing: there is nothing to open.']);
    expect(check({ at: 5_000, map: { ...sampleMap(), relations: null } })).toEqual(['relations: expected a list of relations, found null']);
  });

  it('a copy with a time or revision that is not one is kept as a snapshot, never saved over the map', async () => {
    const id = await repo.create(sampleMap('Stored'));
    localStorage.setItem(KEY + id, JSON.stringify({ at: 'soon', baseRev: 'one', map: sampleMap('Rescued') }));
    const checked = checkRescue(readStoredMap, id, JSON.parse(localStorage.getItem(KEY + id)!));
    expect(checked.ok && checked.repaired).toEqual([
      'Its time was "soon", not a time: it is kept as a snapshot, not saved over the map.',
      'The revision it was edited from was "one", not a revision: it was dropped.',
    ]);
    expect(await recoverRescues(repo)).toEqual([]);
    expect((await repo.get(id))?.map.title).toBe('Stored');
    const [snapshot] = await repo.listSnapshots(id);
    expect((await repo.getSnapshot(snapshot!.id))?.map).toStrictEqual(sampleMap('Rescued'));
    expect(listRescues()).toEqual([]);
  });

  it('keeps a sound copy whose stored map is damaged: neither is touched', async () => {
    const db = freshDb();
    try {
      const idb = createMapRepository(db);
      const id = await idb.create(sampleMap('Stored'));
      const damaged = { ...(await db.maps.get(id))!, map: 'garbage' as never };
      await db.maps.put(damaged);
      writeRescue(id, sampleMap('Rescued'), 5_000, 1);
      expect(await recoverRescues(idb)).toEqual([]);
      expect(await db.maps.get(id)).toEqual(damaged);
      expect(listRescues()).toHaveLength(1);
    } finally {
      await db.delete();
    }
  });

  it('writes the format version beside the rescued map, and reads copies of older builds without one', async () => {
    const id = await repo.create(sampleMap('Stored'));
    writeRescue(id, sampleMap('New'), 60_000, 1);
    expect(listRescues()[0]?.raw).toMatchObject({ formatVersion: FORMAT_VERSION });
    // An older build kept one copy per map, under the map's id alone; this one is newer.
    localStorage.setItem(KEY + id, JSON.stringify({ at: 70_000, baseRev: 1, map: sampleMap('From an older build') }));
    expect(listRescues().map((r) => r.mapId)).toEqual([id, id]);
    expect(await recoverRescues(repo)).toEqual([id]);
    expect((await repo.get(id))?.map).toStrictEqual(sampleMap('From an older build'));
    // The other copy is not lost: it is in the map's History.
    expect((await repo.listSnapshots(id)).map((s) => s.reason)).toEqual([RESCUE_SNAPSHOT_REASON]);
  });
});

describe('kept copies accumulate', () => {
  it('a second copy of a map never replaces the first', () => {
    expect(writeRescue('m', sampleMap('First close', 1), 1_000, 1)).toBe(true);
    expect(writeRescue('m', sampleMap('Second close', 2), 2_000, 1)).toBe(true);
    const copies = listRescues();
    expect(copies.map((c) => (c.raw as { map: { title: string } }).map.title)).toEqual(['First close', 'Second close']);
    expect(new Set(copies.map((c) => c.key)).size).toBe(2);
  });

  it('the same map written twice by a page (hidden, then closed) is one copy', () => {
    writeRescue('m', sampleMap('Same'), 1_000, 1);
    writeRescue('m', sampleMap('Same'), 1_500, 1);
    expect(listRescues()).toHaveLength(1);
  });

  it('a save of this page clears only the copies this page kept', () => {
    localStorage.setItem(`stakemap.rescue.m~1`, JSON.stringify({ at: 1, baseRev: 1, map: sampleMap('From a closed page'), formatVersion: FORMAT_VERSION }));
    writeRescue('m', sampleMap('This page'), 2_000, 1);
    clearRescue('m');
    expect(listRescues().map((c) => (c.raw as { map: { title: string } }).map.title)).toEqual(['From a closed page']);
  });

  it('unseen copies are never dropped; seen ones beyond the cap go, oldest first', () => {
    for (let i = 0; i < MAX_SEEN_COPIES + 3; i++) writeRescue('m', sampleMap(`Copy ${i}`, 1), 1_000 + i, 1);
    expect(listRescues()).toHaveLength(MAX_SEEN_COPIES + 3);
    markRescuesSeen('m');
    const titles = listRescues().map((c) => (c.raw as { map: { title: string } }).map.title);
    expect(titles).toEqual(Array.from({ length: MAX_SEEN_COPIES }, (_, i) => `Copy ${i + 3}`));
    expect(listRescues().every((c) => (c.raw as { seen?: boolean }).seen === true)).toBe(true);
  });

  it('with storage full, seen copies make room for a new one; unseen ones are kept and the write says it failed', () => {
    const small = new SmallStorage(JSON.stringify({ at: 1_000, baseRev: 1, map: sampleMap('Seen already'), formatVersion: FORMAT_VERSION, seen: true }).length + 200);
    vi.stubGlobal('localStorage', small);
    try {
      writeRescue('m', sampleMap('Seen already'), 1_000, 1);
      markRescuesSeen('m');
      expect(writeRescue('m', sampleMap('New one'), 2_000, 1)).toBe(true);
      expect(listRescues().map((c) => (c.raw as { map: { title: string } }).map.title)).toEqual(['New one']);
      // Nothing seen left to drop: the unseen copy stays, the new one is refused.
      expect(writeRescue('m', sampleMap('No room'), 3_000, 1)).toBe(false);
      expect(listRescues().map((c) => (c.raw as { map: { title: string } }).map.title)).toEqual(['New one']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('several copies of one map: the newest is saved over it, older ones that differ go to History', async () => {
    const id = await repo.create(sampleMap('Stored'));
    writeRescue(id, sampleMap('Older copy', 1), 5_000, 1);
    writeRescue(id, sampleMap('Newer copy', 2), 6_000, 1);
    expect(await recoverRescues(repo)).toEqual([id]);
    expect((await repo.get(id))?.map.title).toBe('Newer copy');
    const [snap] = await repo.listSnapshots(id);
    expect((await repo.getSnapshot(snap!.id))?.map.title).toBe('Older copy');
    expect(listRescues()).toEqual([]);
  });
});
