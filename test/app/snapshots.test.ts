// When editing earns a snapshot, and what the snapshot holds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addStakeholder, type StakeMap } from '../../src/domain';
import { createMemoryRepository, type MemoryRepository } from '../../src/persistence';
import { createStakemapStore } from '../../src/store';
import { SNAPSHOT_INTERVAL_MS, createSnapshotCadence, startSnapshots, type Snapshotter } from '../../src/services/history';
import { sampleMap } from '../persistence/helpers';

const MIN = 60_000;

describe('createSnapshotCadence', () => {
  it('asks for one before the first edit of a map, then at most one per interval of editing', () => {
    const cadence = createSnapshotCadence(3 * MIN);
    expect(cadence.onEdit('a', 0)).toBe('first');
    cadence.taken('a', 0);
    expect(cadence.onEdit('a', 1 * MIN)).toBeNull();
    expect(cadence.onEdit('a', 3 * MIN - 1)).toBeNull();
    expect(cadence.onEdit('a', 3 * MIN)).toBe('interval');
    cadence.taken('a', 3 * MIN);
    expect(cadence.onEdit('a', 4 * MIN)).toBeNull();
  });

  it('counts any snapshot (a manual one, one before a relabel) as taken', () => {
    const cadence = createSnapshotCadence(3 * MIN);
    cadence.taken('a', 10 * MIN);
    expect(cadence.onEdit('a', 11 * MIN)).toBeNull();
  });

  it('keeps maps apart', () => {
    const cadence = createSnapshotCadence(3 * MIN);
    cadence.taken('a', 0);
    expect(cadence.onEdit('b', 1)).toBe('first');
  });

  it('defaults to a few minutes', () => {
    expect(SNAPSHOT_INTERVAL_MS).toBeGreaterThanOrEqual(MIN);
    expect(SNAPSHOT_INTERVAL_MS).toBeLessThanOrEqual(5 * MIN);
  });
});

describe('startSnapshots', () => {
  let snapshotter: Snapshotter | null = null;
  afterEach(() => snapshotter?.stop());

  async function setup() {
    let clock = 1_000_000;
    const repo: MemoryRepository = createMemoryRepository({ now: () => clock });
    const store = createStakemapStore();
    const mapId = await repo.create(sampleMap('Workshop', 0));
    store.getState().openDocument(mapId, (await repo.get(mapId))!.map);
    snapshotter = startSnapshots({ store, repo: () => repo, now: () => clock });
    let n = 0;
    const add = () => store.getState().commit((m) => addStakeholder(m, { id: `s${++n}`, name: `S${n}`, label: 'partner', side: 'external' }));
    const reasons = async () => (await repo.listSnapshots(mapId)).map((s) => s.reason).reverse();
    const contents = async () => Promise.all((await repo.listSnapshots(mapId)).reverse().map(async (s) => (await repo.getSnapshot(s.id))!.map.stakeholders.length));
    return { repo, store, mapId, add, reasons, contents, tick: (ms: number) => (clock += ms) };
  }

  it('freezes the map as it was before the first edit, then every interval while editing', async () => {
    const t = await setup();
    t.add(); // first edit: the map as opened (0 stakeholders)
    t.tick(MIN);
    t.add();
    t.tick(MIN);
    t.add();
    await vi.waitFor(async () => expect(await t.reasons()).toEqual(['Before editing']));
    t.tick(SNAPSHOT_INTERVAL_MS);
    t.add(); // 4th edit, an interval after the first snapshot: the map before it (3 stakeholders)
    await vi.waitFor(async () => expect(await t.reasons()).toEqual(['Before editing', 'While editing']));
    expect(await t.contents()).toEqual([0, 3]);
  });

  it('takes none for opening a map, for selection, or for the frames of a drag, and one for its end', async () => {
    const t = await setup();
    t.store.getState().select({ stakeholders: [] });
    t.store.getState().startGesture();
    t.store.getState().previewGesture((m: StakeMap) => ({ ...m, title: 'dragging' }));
    expect(await t.reasons()).toEqual([]);
    t.store.getState().endGesture();
    await vi.waitFor(async () => expect(await t.reasons()).toEqual(['Before editing']));
    const [first] = await t.repo.listSnapshots(t.mapId);
    expect((await t.repo.getSnapshot(first!.id))!.map.title).toBe('Workshop'); // before the drag began
  });

  it('takes one on demand, of the map as it is now', async () => {
    const t = await setup();
    t.add();
    const id = await snapshotter!.take('Before a lanes layout');
    expect(id).toEqual(expect.any(Number));
    expect((await t.repo.getSnapshot(id!))!.map.stakeholders).toHaveLength(1);
  });

  it('never lets a failing snapshot stop an edit', async () => {
    const t = await setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    t.repo.snapshot = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    t.add();
    expect(t.store.getState().map?.stakeholders).toHaveLength(1);
    expect(await snapshotter!.take('manual')).toBeNull();
    warn.mockRestore();
  });
});
