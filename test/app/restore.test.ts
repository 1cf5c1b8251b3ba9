// Restoring a snapshot is one undoable step, and freezes the current map first.
import { beforeEach, describe, expect, it } from 'vitest';
import { addStakeholder } from '../../src/domain';
import { CorruptRecordError, classifyStorageError, type SnapshotRecord } from '../../src/persistence';
import { useStakemap } from '../../src/store';
import { repository } from '../../src/services/session';
import { startAppSnapshots } from '../../src/services/history';
import { restoreSnapshot } from '../../src/commands';
import { sampleMap } from '../persistence/helpers';

const add = (id: string) => useStakemap.getState().commit((m) => addStakeholder(m, { id, name: id, label: 'partner', side: 'external', position: { x: 0, y: 0 } }));
const ids = () => useStakemap.getState().map?.stakeholders.map((s) => s.id);

describe('restoreSnapshot', () => {
  beforeEach(() => {
    useStakemap.getState().closeDocument();
    startAppSnapshots(repository);
  });

  it('puts the snapshot in place as one step; undo brings the map back; the map is frozen first', async () => {
    const mapId = await repository().create(sampleMap('Restorable', 1));
    useStakemap.getState().openDocument(mapId, (await repository().get(mapId))!.map);
    const snapshotId = await repository().snapshot(mapId, 'Taken by hand', useStakemap.getState().map!);
    add('later1');
    add('later2');
    const current = useStakemap.getState().map;
    const steps = useStakemap.getState().undoStack.length;

    expect(await restoreSnapshot(snapshotId)).toBe(true);
    expect(ids()).toEqual(['s1']);
    expect(useStakemap.getState().undoStack).toHaveLength(steps + 1);
    const reasons = (await repository().listSnapshots(mapId)).map((s) => s.reason);
    expect(reasons[0]).toBe('Before restoring a snapshot');

    useStakemap.getState().undo();
    expect(useStakemap.getState().map).toEqual(current);
    useStakemap.getState().redo();
    expect(ids()).toEqual(['s1']);
  });

  it("refuses a snapshot of another map, or one that does not exist, changing nothing", async () => {
    const a = await repository().create(sampleMap('A', 1));
    const b = await repository().create(sampleMap('B', 2));
    const ofB = await repository().snapshot(b, 'b');
    useStakemap.getState().openDocument(a, (await repository().get(a))!.map);
    const before = useStakemap.getState().map;
    expect(await restoreSnapshot(ofB)).toBe(false);
    expect(await restoreSnapshot(987_654)).toBe(false);
    expect(useStakemap.getState().map).toBe(before);
  });

  it('refuses a damaged snapshot with the damage in words (what the History panel shows), changing nothing', async () => {
    const mapId = await repository().create(sampleMap('Has a damaged snapshot', 1));
    const deleted = (await repository().delete(mapId))!;
    const damaged = { id: 424_242, mapId, createdAt: 1, reason: 'old', size: 1, map: { title: 'Half a map' }, formatVersion: 1 };
    await repository().restore({ ...deleted, snapshots: [damaged as unknown as SnapshotRecord] });
    useStakemap.getState().openDocument(mapId, (await repository().get(mapId))!.map);
    const before = useStakemap.getState().map;

    const err = await restoreSnapshot(424_242).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptRecordError);
    expect(classifyStorageError(err).message).toMatch(/^This snapshot is damaged, so it cannot be used: organization: missing/);
    expect(useStakemap.getState().map).toBe(before);
  });
});
