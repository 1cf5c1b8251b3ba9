import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addStakeholder,
  connect,
  deleteElements,
  moveStakeholders,
  setDefinition,
  setTitle,
  updateRelation,
  updateStakeholder,
  type StakeMap,
} from '../../src/domain';
import { generateMap } from '../../src/domain/generate';
import {
  MapConflictError,
  MapNotFoundError,
  classifyStorageError,
  createMapRepository,
  withOffThreadSaves,
  type MapRepository,
  type SaveTransport,
  type StakemapDb,
} from '../../src/persistence';
import type { MapPatch } from '../../src/persistence/mapPatch';
import { from } from '../../src/persistence/offThreadSave';
import { workerTransport, type WorkerLike } from '../../src/persistence/saveClient';
import { answer, type SaveRequest } from '../../src/persistence/savePatch';
import { freshDb, sampleMap } from './helpers';

/** The save worker's code run in-process: messages are structured clones both ways, as with a real worker. */
function inProcessWorker(db: StakemapDb, seen: MapPatch[] = []): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message: SaveRequest) {
      const request = structuredClone(message);
      seen.push(request.patch);
      void answer(db, request, Date.now()).then((reply) => {
        worker.onmessage?.call(worker as Worker, { data: structuredClone(reply) } as MessageEvent);
      });
    },
    terminate() {},
  };
  return worker;
}

/** A worker that fails as one that cannot load does: an error event, no answer. */
function deadWorker(): WorkerLike & { terminated: boolean } {
  const worker = {
    onmessage: null,
    onerror: null as WorkerLike['onerror'],
    onmessageerror: null,
    terminated: false,
    postMessage() {
      const event = new Event('error') as ErrorEvent;
      queueMicrotask(() => {
        worker.onerror?.call(worker as unknown as Worker, event);
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

let db: StakemapDb;
let inner: MapRepository;
let patches: MapPatch[];
let repo: MapRepository;

beforeEach(() => {
  db = freshDb();
  inner = createMapRepository(db);
  patches = [];
  repo = withOffThreadSaves(inner, workerTransport(() => inProcessWorker(db, patches)));
});

afterEach(async () => {
  await db.delete();
});

async function stored(id: string): Promise<StakeMap | undefined> {
  return (await db.maps.get(id))?.map;
}

describe('saves through the worker', () => {
  it('store exactly the map passed, edit after edit, sending only what changed', async () => {
    const id = await inner.create(generateMap({ stakeholders: 60, relations: 120, seed: 3 }));
    const record = (await repo.get(id))!;
    let map = record.map;
    let rev = record.rev!;
    const first = map.stakeholders[0]!.id;
    const edits: ((m: StakeMap) => StakeMap)[] = [
      (m) => addStakeholder(m, { id: 'added', name: 'Added', label: 'customer', side: 'external', position: { x: 1, y: 2 } }),
      (m) => moveStakeholders(m, [{ id: first, position: { x: 40, y: 50 } }]),
      (m) => updateStakeholder(m, first, { name: 'Renamed' }),
      (m) => deleteElements(m, { stakeholders: [m.stakeholders[4]!.id], relations: [] }),
      (m) => connect(m, { id: 'r-added', from: 'added', to: first, kind: 'advice' }),
      (m) => updateRelation(m, m.relations[2]!.id, { kind: 'money' }),
      (m) => setTitle(m, 'A new title'),
      (m) => setDefinition(m, 'payer'),
    ];
    for (const edit of edits) {
      const next = edit(map);
      expect(next).not.toBe(map);
      rev = await repo.save(id, next, { expectedRev: rev });
      expect(await stored(id)).toEqual(next);
      map = next;
    }
    expect(rev).toBe(record.rev! + edits.length);
    expect(patches).toHaveLength(edits.length);
    // Small edits of a 60-stakeholder map: no patch carries a whole list.
    for (const patch of patches) expect([patch.stakeholders.kind, patch.relations.kind]).not.toContain('full');
    expect(await db.maps.get(id)).toMatchObject({ title: 'A new title', stakeholderCount: map.stakeholders.length, rev });
  });

  it('send little for the first edit of a map read from storage', async () => {
    const id = await repo.create(generateMap({ stakeholders: 60, relations: 120, seed: 4 }));
    await repo.get(id); // the other tabs' check reads it too
    const opened = (await repo.get(id))!.map; // what the editor shows: new objects, not the ones created
    const next = updateStakeholder(opened, opened.stakeholders[1]!.id, { name: 'First edit' });
    expect(await repo.save(id, next, { expectedRev: 1 })).toBe(2);
    expect(patches[0]!.relations).toEqual({ kind: 'same' });
    expect(patches[0]!.stakeholders).toEqual({ kind: 'edit', removed: [], changed: [[1, next.stakeholders[1]]], appended: [] });
    expect(await stored(id)).toEqual(next);
  });

  it('refuses a stale revision and writes nothing', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    await inner.save(id, setTitle(map, 'Other tab'), { expectedRev: 1 }); // another tab
    const before = await db.maps.get(id);
    const err = await repo.save(id, setTitle(map, 'This tab'), { expectedRev: 1 }).catch((e: unknown) => e);
    expect(patches).toHaveLength(1);
    expect(err).toBeInstanceOf(MapConflictError);
    expect(err).toMatchObject({ mapId: id, expectedRev: 1, foundRev: 2 });
    expect(classifyStorageError(err).kind).toBe('conflict');
    expect(await db.maps.get(id)).toEqual(before);
  });

  it('never brings a deleted map back', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    await inner.delete(id); // another tab
    await expect(repo.save(id, setTitle(map, 'Late'), { expectedRev: 1 })).rejects.toBeInstanceOf(MapNotFoundError);
    expect(patches).toHaveLength(1);
    expect(await db.maps.get(id)).toBeUndefined();
  });

  it('reports a full disk in the worker as quota', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    vi.spyOn(db.maps, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const err = await repo.save(id, setTitle(map, 'Too big'), { expectedRev: 1 }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(patches).toHaveLength(1);
    expect(classifyStorageError(err).kind).toBe('quota');
    expect(classifyStorageError(err).detail).toMatch(/QuotaExceededError/);
    expect(await stored(id)).toEqual(map);
  });
});

describe('saves written on the page', () => {
  function countingRepo(transport: SaveTransport) {
    const sends = vi.fn((save: Parameters<SaveTransport['send']>[0]) => transport.send(save));
    return { repo: withOffThreadSaves(inner, { send: sends }), sends };
  }

  it('when the stored map was never read here', async () => {
    const map = sampleMap();
    const id = await inner.create(map);
    const next = setTitle(map, 'Next');
    expect(await repo.save(id, next, { expectedRev: 1 })).toBe(2);
    expect(patches).toHaveLength(0);
    expect(await stored(id)).toEqual(next);
    // Learnt from that save: the next one goes to the worker.
    await repo.save(id, setTitle(next, 'Again'), { expectedRev: 2 });
    expect(patches).toHaveLength(1);
    expect(await stored(id)).toEqual(setTitle(next, 'Again'));
  });

  it('after a rename, and without an expected revision', async () => {
    const map = sampleMap();
    const id = await repo.create(map);
    await repo.rename(id, 'Renamed');
    const renamed = (await inner.get(id))!; // read without the wrapper: it does not know the map now
    const next = setTitle(renamed.map, 'Next');
    expect(await repo.save(id, next, { expectedRev: renamed.rev })).toBe(3);
    expect(await repo.save(id, setTitle(next, 'Unchecked'))).toBe(4);
    expect(patches).toHaveLength(0);
    expect(await stored(id)).toEqual(setTitle(next, 'Unchecked'));
  });

  it('when the worker cannot be created', async () => {
    const { repo: direct, sends } = countingRepo(
      workerTransport(() => {
        throw new ReferenceError('Worker is not defined');
      }),
    );
    const map = sampleMap();
    const id = await direct.create(map);
    expect(await direct.save(id, setTitle(map, 'Next'), { expectedRev: 1 })).toBe(2);
    expect(sends).toHaveBeenCalledTimes(1);
    expect(await stored(id)).toEqual(setTitle(map, 'Next'));
  });

  it('after the worker died: the save in flight fails clearly, later ones are written here', async () => {
    const dead = deadWorker();
    const direct = withOffThreadSaves(inner, workerTransport(() => dead));
    const map = sampleMap();
    const id = await direct.create(map);
    const err = await direct.save(id, setTitle(map, 'Lost'), { expectedRev: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'SaveWorkerError', message: expect.stringMatching(/save worker stopped/) as string });
    expect(classifyStorageError(err).kind).toBe('unknown'); // autosave retries it
    expect(dead.terminated).toBe(true);
    expect(await stored(id)).toEqual(map);
    // The retry (autosave's) is written on the page.
    expect(await direct.save(id, setTitle(map, 'Kept'), { expectedRev: 1 })).toBe(2);
    expect(await stored(id)).toEqual(setTitle(map, 'Kept'));
  });

  it('when the patch does not fit the stored map', async () => {
    // Break the rule the patch relies on: the stored map changes without a new revision.
    const changes: ((m: StakeMap) => StakeMap)[] = [
      (m) => ({ ...m, stakeholders: [...m.stakeholders].reverse() }),
      (m) => ({ ...m, stakeholders: [...m.stakeholders, { id: 'slipped-in', name: 'Slipped in', label: 'partner', side: 'external' }] }),
    ];
    for (const change of changes) {
      const map = sampleMap('Map', 4);
      const id = await repo.create(map);
      const record = (await db.maps.get(id))!;
      await db.maps.put({ ...record, map: change(map) });
      const sent = patches.length;
      const next = updateStakeholder(map, 's2', { name: 'Changed' });
      expect(await repo.save(id, next, { expectedRev: 1 })).toBe(2);
      expect(patches).toHaveLength(sent + 1);
      expect(await stored(id)).toEqual(next); // written whole, on the page, as before
    }
  });

  it('when the stored map no longer passes the check: the worker refuses to patch it, the page writes its map whole', async () => {
    const map = sampleMap('Map', 4);
    const id = await repo.create(map);
    const record = (await db.maps.get(id))!;
    // Damaged without a new revision (nothing the app does): an unknown label.
    await db.maps.put({ ...record, map: { ...map, stakeholders: [{ ...map.stakeholders[0]!, label: 'vip' as 'customer' }, ...map.stakeholders.slice(1)] } });
    const sent = patches.length;
    const next = updateStakeholder(map, 's2', { name: 'Changed' });
    expect(await repo.save(id, next, { expectedRev: 1 })).toBe(2);
    expect(patches).toHaveLength(sent + 1); // the worker was asked, and said no
    expect(await stored(id)).toEqual(next);
  });
});

describe('the copy a patch is made from', () => {
  it('is the one of the same revision the map shares its objects with', () => {
    const created = generateMap({ stakeholders: 30, relations: 60, seed: 6 });
    const read = structuredClone(created); // what opening it from storage shows: equal, not the same objects
    const edited = updateStakeholder(read, read.stakeholders[3]!.id, { name: 'Edited' });
    const checked = structuredClone(created); // another tab's check read it again
    const base = { mapId: 'm', map: created, read: [checked, read], rev: 1 };
    expect(from(base, read)).toBe(read);
    expect(from(base, edited)).toBe(read);
    expect(from(base, updateStakeholder(created, created.stakeholders[3]!.id, { name: 'Edited' }))).toBe(created);
    expect(from({ ...base, read: [] }, edited)).toBe(created); // one copy: that one, compared by value
  });

  it('makes the first save after opening a map created here small', async () => {
    const created = generateMap({ stakeholders: 60, relations: 120, seed: 7 });
    const id = await repo.create(created);
    const opened = (await repo.get(id))!.map;
    expect(opened).not.toBe(created);
    const next = updateStakeholder(opened, opened.stakeholders[5]!.id, { name: 'First edit' });
    expect(await repo.save(id, next, { expectedRev: 1 })).toBe(2);
    expect(patches[0]!.stakeholders).toEqual({ kind: 'edit', removed: [], changed: [[5, next.stakeholders[5]]], appended: [] });
    expect(await stored(id)).toEqual(next);
  });
});

describe('snapshots', () => {
  it('are written by the worker from the stored map: the first edit’s “before” costs an empty patch', async () => {
    const id = await repo.create(generateMap({ stakeholders: 60, relations: 120, seed: 5 }));
    const opened = (await repo.get(id))!.map;
    const onPage = vi.spyOn(inner, 'snapshot');
    const snapshotId = await repo.snapshot(id, 'Before editing', opened);
    expect(onPage).not.toHaveBeenCalled();
    expect(patches).toHaveLength(1);
    expect([patches[0]!.stakeholders, patches[0]!.relations]).toEqual([{ kind: 'same' }, { kind: 'same' }]);
    expect((await repo.getSnapshot(snapshotId))?.map).toEqual(opened);
    expect(await repo.listSnapshots(id)).toEqual([expect.objectContaining({ id: snapshotId, mapId: id, reason: 'Before editing' })]);
  });

  it('of an edited map not yet saved: the worker applies what changed since the stored map', async () => {
    const id = await repo.create(sampleMap('Map', 4));
    const opened = (await repo.get(id))!.map;
    const edited = updateStakeholder(opened, 's2', { name: 'Edited, not saved' });
    const snapshotId = await repo.snapshot(id, 'While editing', edited);
    expect(patches).toHaveLength(1);
    expect((await repo.getSnapshot(snapshotId))?.map).toEqual(edited);
    expect(await stored(id)).toEqual(opened); // a snapshot never changes the map itself
  });

  it('are written on the page when a save got there first, or with no worker', async () => {
    const id = await repo.create(sampleMap('Map', 4));
    const opened = (await repo.get(id))!.map;
    const saved = setTitle(opened, 'Saved elsewhere');
    await inner.save(id, saved, { expectedRev: 1 }); // behind the wrapper's back: it still knows revision 1
    const onPage = vi.spyOn(inner, 'snapshot');
    const late = await repo.snapshot(id, 'Before editing', opened);
    expect(patches).toHaveLength(1); // asked, refused
    expect(onPage).toHaveBeenCalledTimes(1);
    expect((await repo.getSnapshot(late))?.map).toEqual(opened);

    const noWorker = withOffThreadSaves(
      inner,
      workerTransport(() => {
        throw new ReferenceError('Worker is not defined');
      }),
    );
    await noWorker.get(id);
    const direct = await noWorker.snapshot(id, 'Before a lanes layout', saved);
    expect(onPage).toHaveBeenCalledTimes(2);
    expect((await repo.getSnapshot(direct))?.map).toEqual(saved);
  });
});

describe('other methods', () => {
  it('are the wrapped repository’s', async () => {
    const id = await repo.create(sampleMap('Kept'));
    expect((await repo.list()).map((s) => s.title)).toEqual(['Kept']);
    const copy = await repo.duplicate(id);
    const deleted = (await repo.delete(id))!;
    await repo.restore(deleted);
    expect((await repo.list()).map((s) => s.id).sort()).toEqual([id, copy].sort());
  });
});
