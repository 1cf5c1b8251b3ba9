// No keystroke goes nowhere (issue #14): when a tab must stop saving a map
// (another tab's saves keep winning), the snapshot it keeps in History holds
// everything typed up to that moment, also the letters typed while its last
// save was being refused.
import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { updateStakeholder } from '../../src/domain';
import { MapConflictError, createMapRepository, openStakemapDb, type MapRepository } from '../../src/persistence';
import { createStakemapStore } from '../../src/store';
import { INITIAL_HEALTH, isReadOnly, type HealthState } from '../../src/services/health';
import { CONFLICT_SNAPSHOT_REASON, createMapSync } from '../../src/services/sync';
import { sampleMap } from '../persistence/helpers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a tab that must stop saving, mid-word', () => {
  it('keeps in History every letter typed, also those typed while its last save was refused', async () => {
    const db = openStakemapDb(`stakemap-keys-${crypto.randomUUID()}`);
    cleanups.push(async () => {
      db.close();
      await db.delete();
    });
    const real = createMapRepository(db);
    const mapId = await real.create(sampleMap('Typed', 1));
    let releaseSave: () => void = () => undefined;
    // Another tab saves first every time, and its version cannot be read to merge: this tab must stop.
    const repo: MapRepository = {
      ...real,
      get: () => Promise.resolve(undefined),
      save: () => new Promise<number>((_, reject) => (releaseSave = () => reject(new MapConflictError(mapId, 1, 2)))),
    };
    const store = createStakemapStore();
    const health = create<HealthState>()(() => ({ ...INITIAL_HEALTH, storage: 'indexeddb' }));
    const sync = createMapSync({ store, health, repo: () => repo, tabId: 'me', autosave: { delayMs: 60_000, target: null } });
    sync.connectTabs(null);
    const record = (await real.get(mapId))!;
    store.getState().openDocument(mapId, record.map);
    sync.mapOpened(record);

    const type = (text: string) => store.getState().commit((m) => updateStakeholder(m, 's1', { name: text }), { coalesce: 'name:s1' });
    type('Mid');
    const saving = sync.autosave.flush();
    type('Mid-wo'); // typed while the save is on its way and about to be refused
    releaseSave();
    await saving;
    expect(isReadOnly(health.getState(), mapId)).toBe(true);
    await expect.poll(() => health.getState().conflict?.snapshotId ?? null).not.toBeNull();
    const [snapshot] = await real.listSnapshots(mapId);
    expect(snapshot?.reason).toBe(CONFLICT_SNAPSHOT_REASON);
    expect((await real.getSnapshot(snapshot!.id))?.map.stakeholders[0]?.name).toBe('Mid-wo');
  });
});
