// Two tabs on one map: the pure decision, then two real "tabs" (each its own
// store, autosave and database connection) on one fake-indexeddb database,
// talking over a real BroadcastChannel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { addStakeholder, type StakeMap } from '../../src/domain';
import { createMapRepository, openStakemapDb, type MapRepository, type StakemapDb } from '../../src/persistence';
import { createStakemapStore } from '../../src/store';
import { INITIAL_HEALTH, type HealthState } from '../../src/services/health';
import { CONFLICT_SNAPSHOT_REASON, createMapSync } from '../../src/services/sync';
import { remoteAction, type SavedMessage, type TabView } from '../../src/services/tabs';
import { sampleMap } from '../persistence/helpers';

describe('remoteAction: what a tab does when another tab saved', () => {
  const saved: SavedMessage = { type: 'saved', mapId: 'm', rev: 3, from: 'other' };
  const clean: TabView = { openMapId: 'm', baseRev: 2, unsaved: false, readOnly: false };

  it('loads the newer version when it has nothing unsaved', () => {
    expect(remoteAction(clean, saved, 'me')).toBe('reload');
    expect(remoteAction({ ...clean, baseRev: undefined }, saved, 'me')).toBe('reload');
  });

  it('writes its own edits at once when it has some, so that the clash shows now', () => {
    expect(remoteAction({ ...clean, unsaved: true }, saved, 'me')).toBe('flush');
  });

  it('ignores its own messages, other maps, versions it has, and saves while it is read-only', () => {
    expect(remoteAction(clean, { ...saved, from: 'me' }, 'me')).toBe('ignore');
    expect(remoteAction(clean, { ...saved, mapId: 'other-map' }, 'me')).toBe('ignore');
    expect(remoteAction({ ...clean, openMapId: null }, saved, 'me')).toBe('ignore');
    expect(remoteAction({ ...clean, baseRev: 3 }, saved, 'me')).toBe('ignore');
    expect(remoteAction({ ...clean, baseRev: 4 }, saved, 'me')).toBe('ignore');
    expect(remoteAction({ ...clean, readOnly: true }, saved, 'me')).toBe('ignore');
  });
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function names(map: StakeMap | null): string[] {
  return map?.stakeholders.map((s) => s.name) ?? [];
}

async function openTab(dbName: string, channelName: string | null, mapId: string, delayMs = 20) {
  const store = createStakemapStore();
  const health = create<HealthState>()(() => ({ ...INITIAL_HEALTH, storage: 'indexeddb' }));
  const db: StakemapDb = openStakemapDb(dbName);
  const repo: MapRepository = createMapRepository(db);
  const sync = createMapSync({ store, health, repo: () => repo, tabId: crypto.randomUUID(), autosave: { delayMs, target: null } });
  sync.connectTabs(channelName === null ? null : new BroadcastChannel(channelName));
  cleanups.push(async () => {
    await sync.stop();
    db.close();
  });
  const record = (await repo.get(mapId))!;
  store.getState().openDocument(mapId, record.map);
  sync.mapOpened(record);
  let n = 0;
  return {
    store,
    health,
    repo,
    sync,
    add(name: string) {
      store.getState().commit((m) => addStakeholder(m, { id: `${name.replace(/\W/g, '')}${n++}`, name, label: 'partner', side: 'external', position: { x: 0, y: 0 } }));
    },
    saved: () => vi.waitFor(() => expect(store.getState().saveStatus.state).toBe('saved')),
  };
}

async function sharedMap() {
  const dbName = `stakemap-tabs-${crypto.randomUUID()}`;
  const db = openStakemapDb(dbName);
  const mapId = await createMapRepository(db).create(sampleMap('Shared', 0));
  cleanups.push(() => db.delete());
  return { dbName, mapId, channel: `stakemap-test-${crypto.randomUUID()}` };
}

describe('two tabs on one map', () => {
  it('edit in turn: each tab follows the other, and both edits are stored', async () => {
    const { dbName, mapId, channel } = await sharedMap();
    const a = await openTab(dbName, channel, mapId);
    const b = await openTab(dbName, channel, mapId);

    a.add('From A');
    await a.saved();
    await vi.waitFor(() => expect(names(b.store.getState().map)).toEqual(['From A']));
    b.add('From B');
    await b.saved();
    await vi.waitFor(() => expect(names(a.store.getState().map)).toEqual(['From A', 'From B']));

    const stored = await a.repo.get(mapId);
    expect(names(stored!.map)).toEqual(['From A', 'From B']);
    expect(a.health.getState().conflict).toBeNull();
    expect(b.health.getState().conflict).toBeNull();
  });

  it("takes another tab's version without an undo step here: undo takes back only this tab's own edit", async () => {
    const { dbName, mapId, channel } = await sharedMap();
    const a = await openTab(dbName, channel, mapId);
    const b = await openTab(dbName, channel, mapId);
    a.add('From A');
    await a.saved();
    await vi.waitFor(() => expect(names(b.store.getState().map)).toEqual(['From A']));
    expect(b.store.getState().undoStack).toHaveLength(0);
    expect(b.health.getState().remoteUpdateAt).not.toBeNull();
    // Loading it wrote nothing back.
    expect((await b.repo.get(mapId))?.rev).toBe(2);

    b.add('From B');
    await b.saved();
    await vi.waitFor(() => expect(names(a.store.getState().map)).toEqual(['From A', 'From B']));
    expect(b.store.getState().undoStack).toHaveLength(1);
    b.store.getState().undo();
    // B's own edit goes; A's stays, in B and, once saved, in A.
    expect(names(b.store.getState().map)).toEqual(['From A']);
    await b.saved();
    await vi.waitFor(() => expect(names(a.store.getState().map)).toEqual(['From A']));
    expect(a.store.getState().undoStack).toHaveLength(1);
  });

  it('edit at once: the later save is refused by storage, then merged: both edits stored and on screen, nothing overwritten', async () => {
    const { dbName, mapId } = await sharedMap();
    // No channel: these tabs cannot hear each other, only storage protects them.
    const a = await openTab(dbName, null, mapId);
    const b = await openTab(dbName, null, mapId);
    a.add('From A');
    await a.saved();
    b.add('From B');
    await b.saved();

    expect(names((await a.repo.get(mapId))!.map)).toEqual(['From A', 'From B']);
    expect(names(b.store.getState().map)).toEqual(['From A', 'From B']);
    expect(b.health.getState().conflict).toBeNull();
    // A's edit came in as another tab's: B's undo takes back only B's own.
    expect(b.store.getState().undoStack).toHaveLength(1);
    b.store.getState().undo();
    expect(names(b.store.getState().map)).toEqual(['From A']);
  });

  it('a tab with unsaved edits keeps them, on top of the other tab’s version', async () => {
    const { dbName, mapId, channel } = await sharedMap();
    const a = await openTab(dbName, channel, mapId, 60_000); // A's edit waits to be written
    const b = await openTab(dbName, channel, mapId);
    a.add('Unsaved in A');
    b.add('Saved by B');
    await b.saved();
    // A hears of B's save, writes its own at once, is refused, and merges.
    await vi.waitFor(() => expect(names(a.store.getState().map)).toEqual(['Saved by B', 'Unsaved in A']));
    await vi.waitFor(async () => expect(names((await b.repo.get(mapId))!.map)).toEqual(['Saved by B', 'Unsaved in A']));
    expect(a.health.getState().conflict).toBeNull();
  });

  it('after a merge, the screen shows what was stored: a record both tabs changed keeps this tab’s version on screen too', async () => {
    // A live room's two tabs of one browser both hear of a new card and its name:
    // one tab's older copy of it, stored first, must not replace the newer one on the other's screen.
    const { dbName, mapId, channel } = await sharedMap();
    const a = await openTab(dbName, channel, mapId, 60_000);
    const b = await openTab(dbName, channel, mapId);
    const rename = (tab: typeof a, name: string) =>
      tab.store.getState().commit((m) => ({ ...m, stakeholders: m.stakeholders.map((s) => (s.id === 'shared' ? { ...s, name } : s)) }));
    const card = { id: 'shared', name: 'New', label: 'partner' as const, side: 'external' as const, position: { x: 0, y: 0 } };
    a.store.getState().commit((m) => addStakeholder(m, card));
    rename(a, 'Named in A');
    b.store.getState().commit((m) => addStakeholder(m, card));
    await b.saved();
    await vi.waitFor(async () => expect(names((await a.repo.get(mapId))!.map)).toEqual(['Named in A']));
    await a.saved();
    expect(names(a.store.getState().map)).toEqual(['Named in A']);
    expect(a.health.getState().conflict).toBeNull();
  });

  it('when merging cannot succeed, the tab stops saving and keeps its version as a snapshot', async () => {
    const { dbName, mapId } = await sharedMap();
    const a = await openTab(dbName, null, mapId);
    // Another writer that always saves first: every save of A's is refused.
    const save = a.repo.save.bind(a.repo);
    a.repo.save = async (id, map, options) => {
      const current = (await a.repo.get(id))!;
      await save(id, { ...current.map, title: `${current.map.title}!` });
      return save(id, map, options);
    };
    a.add('Never stored');
    await vi.waitFor(() => expect(a.health.getState().conflict?.snapshotId).toEqual(expect.any(Number)));
    expect(names(a.store.getState().map)).toContain('Never stored'); // still on screen
    const [snapshot] = await a.repo.listSnapshots(mapId);
    expect(snapshot?.reason).toBe(CONFLICT_SNAPSHOT_REASON);
    expect(names((await a.repo.getSnapshot(snapshot!.id))!.map)).toContain('Never stored');
  });
});
