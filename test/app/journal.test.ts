// The edit journal (issue #14): every local edit is in localStorage the moment
// it is made, and a page that "crashes" (is dropped without saving) loses
// nothing: the next start puts its edits back on the stored map.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import {
  addStakeholder,
  applyChange,
  connect,
  deleteElements,
  diffMaps,
  moveStakeholders,
  relabel,
  setTitle,
  updateStakeholder,
  FORMAT_VERSION,
  type StakeMap,
} from '../../src/domain';
import { readStoredMap } from '../../src/domain/stored';
import {
  JOURNAL_PREFIX,
  createMapRepository,
  journalKeys,
  openJournalDb,
  openStakemapDb,
  readJournal,
  readJournalDb,
  type JournalEntry,
  type MapRepository,
  type StakemapDb,
} from '../../src/persistence';
import { decodeChange, encodeChange } from '../../src/persistence/journal';
import { createStakemapStore } from '../../src/store';
import { INITIAL_HEALTH, type HealthState } from '../../src/services/health';
import { JOURNAL_SNAPSHOT_REASON, recoverJournal } from '../../src/services/journal';
import { createMapSync } from '../../src/services/sync';
import { SmallStorage, sampleMap } from '../persistence/helpers';

const cleanups: Array<() => Promise<void> | void> = [];
beforeEach(() => localStorage.clear());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  localStorage.clear();
});

function names(map: StakeMap | null | undefined): string[] {
  return map?.stakeholders.map((s) => s.name) ?? [];
}

const EDITS: Record<string, (m: StakeMap) => StakeMap> = {
  rename: (m) => updateStakeholder(m, 's1', { name: 'Renamed' }),
  add: (m) => addStakeholder(m, { id: 'n1', name: 'Added', label: 'partner', side: 'external', position: { x: 10, y: 20 } }),
  move: (m) => moveStakeholders(m, [{ id: 's2', position: { x: 300, y: -40 } }]),
  relabel: (m) => relabel(m, 's1', 'supplier'),
  connect: (m) => connect(m, { id: 'rx', from: 's1', to: 's2', kind: 'supply' }),
  delete: (m) => deleteElements(m, { stakeholders: ['s2'] }),
  title: (m) => setTitle(m, 'New title'),
};

describe('a change as written to the journal', () => {
  for (const [kind, edit] of Object.entries(EDITS)) {
    it(`${kind}: read back and applied, it gives the edited map`, () => {
      const before = { ...sampleMap('J', 3), stakeholders: sampleMap('J', 3).stakeholders.map((s, i) => ({ ...s, position: { x: i, y: i } })) };
      const after = edit(before);
      const change = diffMaps(before, after)!;
      const read = decodeChange(JSON.parse(encodeChange(change)));
      expect(read).not.toBeNull();
      expect(applyChange(before, read!)).toEqual(after);
    });
  }

  it('something that is not a change is refused, never applied', () => {
    for (const bad of [null, 'x', {}, { h: [], s: [['a']], r: [] }, { h: [['stakeholders', []]], s: [], r: [] }, { h: [], s: [['a', 0, 'text']], r: [] }]) {
      expect(decodeChange(bad)).toBeNull();
    }
  });
});

let journalDb: IDBDatabase | null = null;
beforeEach(async () => {
  journalDb = await openJournalDb(`stakemap-journal-test-${crypto.randomUUID()}`);
});
afterEach(() => journalDb?.close());

/** Every journal entry's key, in IndexedDB and localStorage, once pending writes have landed. */
async function journaled(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  const fromDb = await readJournalDb(journalDb);
  return [...new Set([...fromDb.keys(), ...journalKeys(localStorage)])];
}

const recover = (repo: MapRepository, session: string) => recoverJournal(repo, readStoredMap, session, { db: journalDb });

async function storedMap(title = 'Journaled') {
  const dbName = `stakemap-journal-${crypto.randomUUID()}`;
  const db = openStakemapDb(dbName);
  const repo = createMapRepository(db);
  const mapId = await repo.create(sampleMap(title, 2));
  cleanups.push(async () => {
    db.close();
    await db.delete();
  });
  return { dbName, repo, mapId };
}

/** One page: its own store, sync and journal session. `crash()` drops it without saving anything. */
async function openPage(dbName: string, mapId: string, options: { delayMs?: number; storage?: () => Storage | null; leftover?: Map<string, JournalEntry[]>; noDb?: boolean } = {}) {
  const store = createStakemapStore();
  const health = create<HealthState>()(() => ({ ...INITIAL_HEALTH, storage: 'indexeddb' }));
  const db: StakemapDb = openStakemapDb(dbName);
  const repo: MapRepository = createMapRepository(db);
  const session = crypto.randomUUID();
  const unavailable: unknown[] = [];
  const recovered: [string, number][] = [];
  const sync = createMapSync({
    store,
    health,
    repo: () => repo,
    tabId: session,
    autosave: { delayMs: options.delayMs ?? 60_000, target: null },
    journal: { session, enabled: () => true, onUnavailable: (err) => unavailable.push(err), storage: options.storage, db: options.noDb ? () => null : () => journalDb },
    onRecovered: (id, count) => recovered.push([id, count]),
  });
  sync.connectTabs(null);
  if (options.leftover) sync.setLeftover(options.leftover);
  let alive = true;
  cleanups.push(async () => {
    if (alive) await sync.stop();
    db.close();
  });
  const record = (await repo.get(mapId))!;
  store.getState().openDocument(mapId, record.map);
  sync.mapOpened(record);
  return {
    store,
    sync,
    repo,
    session,
    unavailable,
    recovered,
    edit: (fn: (m: StakeMap) => StakeMap) => store.getState().commit(fn),
    /** The page is gone at once: no save, no pagehide, nothing. */
    crash() {
      alive = false;
      sync.journal?.stop();
    },
  };
}

describe('the journal while editing', () => {
  it('each local edit is in the journal database as soon as it is made, and goes once the save holding it lands', async () => {
    const { dbName, mapId } = await storedMap();
    const page = await openPage(dbName, mapId);
    page.edit(EDITS.rename!);
    expect(await journaled()).toHaveLength(1);
    expect(readJournal(null, undefined, await readJournalDb(journalDb)).entries.map((e) => e.mapId)).toEqual([mapId]);
    page.edit(EDITS.add!);
    expect(await journaled()).toHaveLength(2);
    await page.sync.autosave.flush();
    expect(await journaled()).toEqual([]);
    expect(names((await page.repo.get(mapId))?.map)).toEqual(['Renamed', 'Stakeholder 2', 'Added']);
  });

  it("others' changes and loads are not journaled; a drag is journaled once, when it ends", async () => {
    const { dbName, mapId } = await storedMap();
    const page = await openPage(dbName, mapId);
    page.store.getState().commit(EDITS.title!, { origin: 'tab' });
    page.store.getState().commit(EDITS.add!, { origin: 'peer' });
    expect(await journaled()).toEqual([]);
    const s = page.store.getState();
    s.startGesture();
    for (let x = 1; x <= 5; x++) s.previewGesture((m) => moveStakeholders(m, [{ id: 's1', position: { x, y: 0 } }]));
    expect(await journaled()).toEqual([]);
    s.endGesture();
    const { entries } = readJournal(localStorage, undefined, await readJournalDb(journalDb));
    expect(entries).toHaveLength(1);
    // Only this page's move: the other changes are not in it.
    expect([...entries[0]!.change.stakeholders.keys()]).toEqual(['s1']);
    expect(entries[0]!.change.head.size).toBe(0);
  });

  it('no journal database: localStorage takes the entries', async () => {
    const { dbName, mapId } = await storedMap();
    const page = await openPage(dbName, mapId, { noDb: true });
    page.edit(EDITS.rename!);
    expect(journalKeys(localStorage)).toHaveLength(1);
    expect((await readJournalDb(journalDb)).size).toBe(0);
    expect(page.unavailable).toEqual([]);
  });

  it('the journal database refusing the entry (full): localStorage takes it', async () => {
    const { dbName, mapId } = await storedMap();
    const page = await openPage(dbName, mapId);
    journalDb!.close(); // every write to it now fails
    page.edit(EDITS.rename!);
    expect(journalKeys(localStorage)).toHaveLength(1);
    expect(page.unavailable).toEqual([]);
  });

  it('neither the journal database nor localStorage (full): the writer says so (the page then saves at once)', async () => {
    const { dbName, mapId } = await storedMap();
    const page = await openPage(dbName, mapId, { storage: () => new SmallStorage(10), noDb: true });
    page.edit(EDITS.rename!);
    expect(page.unavailable).toHaveLength(1);
    expect((page.unavailable[0] as DOMException).name).toBe('QuotaExceededError');
  });

  it('no localStorage at all: the writer says so', async () => {
    const { dbName, mapId } = await storedMap();
    const page = await openPage(dbName, mapId, { storage: () => null, noDb: true });
    page.edit(EDITS.rename!);
    expect(page.unavailable).toHaveLength(1);
  });

  it('many edits not saved (storage failing) are merged into one entry, which still replays them all', async () => {
    const { dbName, mapId, repo } = await storedMap();
    const page = await openPage(dbName, mapId);
    for (let i = 0; i < 100; i++) page.edit((m) => updateStakeholder(m, 's1', { name: `Name ${i}` }));
    await vi.waitFor(async () => expect((await journaled()).length).toBeLessThan(50));
    const shown = page.store.getState().map!;
    page.crash();
    await recover(repo, 'next-start');
    expect((await repo.get(mapId))?.map).toEqual(shown);
  });
});

describe('after a crash', () => {
  for (const [kind, edit] of Object.entries(EDITS)) {
    it(`${kind}: the next start puts the edit back on the stored map and says how many`, async () => {
      const { dbName, mapId, repo } = await storedMap();
      const page = await openPage(dbName, mapId);
      page.edit(edit);
      const shown = page.store.getState().map!;
      page.crash();
      expect(names((await repo.get(mapId))?.map)).toEqual(names(sampleMap('Journaled', 2))); // not saved
      const result = await recover(repo, 'next-start');
      expect(result.recovered.get(mapId)).toBe(1);
      expect((await repo.get(mapId))?.map).toEqual(shown);
      expect(await journaled()).toEqual([]);
    });
  }

  it('entries already saved before the crash change nothing and are dropped', async () => {
    const { dbName, mapId, repo } = await storedMap();
    const page = await openPage(dbName, mapId);
    page.edit(EDITS.rename!);
    await page.sync.autosave.flush();
    page.edit(EDITS.add!);
    await page.sync.autosave.flush();
    // As if the page died between the save landing and the entry going.
    localStorage.setItem(`${JOURNAL_PREFIX}${encodeURIComponent(mapId)}/dead/1`, JSON.stringify({ at: 1, base: 1, v: FORMAT_VERSION, c: { h: [], s: [['s1', 0, { ...sampleMap().stakeholders[0], name: 'Renamed' }]], r: [] } }));
    const rev = (await repo.get(mapId))?.rev;
    const result = await recover(repo, 'next-start');
    expect(result.recovered.size).toBe(0);
    expect((await repo.get(mapId))?.rev).toBe(rev);
    expect(await journaled()).toEqual([]);
  });

  it('a map another tab saved since: its version goes to History first, then the edits go on top', async () => {
    const { dbName, mapId, repo } = await storedMap();
    const page = await openPage(dbName, mapId);
    page.edit(EDITS.rename!);
    page.crash();
    const other = (await repo.get(mapId))!;
    await repo.save(mapId, setTitle(other.map, 'Saved by another tab'), { expectedRev: other.rev });
    await recover(repo, 'next-start');
    const after = (await repo.get(mapId))!.map;
    expect(after.title).toBe('Saved by another tab');
    expect(names(after)[0]).toBe('Renamed');
    const snaps = await repo.listSnapshots(mapId);
    expect(snaps.map((s) => s.reason)).toEqual([JOURNAL_SNAPSHOT_REASON]);
    expect(names((await repo.getSnapshot(snaps[0]!.id))?.map)[0]).toBe('Stakeholder 1');
  });

  it('the journal of a page still open is left alone', async () => {
    const { dbName, mapId, repo } = await storedMap();
    const page = await openPage(dbName, mapId);
    page.edit(EDITS.rename!);
    // The page's own session is "alive" from its own point of view.
    const result = await recover(repo, page.session);
    expect(result.recovered.size).toBe(0);
    expect(await journaled()).toHaveLength(1);
  });

  it('unreadable entries are removed, never replayed; a result that fails the check is not saved and is counted as lost', async () => {
    const { mapId, repo } = await storedMap();
    const key = (n: number) => `${JOURNAL_PREFIX}${encodeURIComponent(mapId)}/dead/${n}`;
    localStorage.setItem(key(1), 'not json');
    localStorage.setItem(`${JOURNAL_PREFIX}no-session`, '{}');
    // A relation to nowhere would break the format's rules: the whole replay is refused.
    localStorage.setItem(key(2), JSON.stringify({ at: 2, base: 1, v: FORMAT_VERSION, c: { h: [['title', 42]], s: [], r: [] } }));
    const before = (await repo.get(mapId))!;
    const result = await recover(repo, 'next-start');
    expect(result.lost.get(mapId)).toBe(1);
    expect((await repo.get(mapId))?.rev).toBe(before.rev);
    expect(await journaled()).toEqual([]);
  });

  it('storage refusing the save at start: the edits come back when the map is opened, and go with its next save', async () => {
    const { dbName, mapId, repo } = await storedMap();
    const first = await openPage(dbName, mapId);
    first.edit(EDITS.rename!);
    first.edit(EDITS.add!);
    const shown = first.store.getState().map!;
    first.crash();
    const full: MapRepository = { ...repo, save: () => Promise.reject(new DOMException('full', 'QuotaExceededError')), snapshot: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const result = await recover(full, 'next-start');
    expect(result.leftover.get(mapId)).toHaveLength(2);
    expect(await journaled()).toHaveLength(2);

    const second = await openPage(dbName, mapId, { leftover: result.leftover });
    expect(names(second.store.getState().map)).toEqual(names(shown));
    expect(second.recovered).toEqual([[mapId, 2]]);
    // Not an undo step: undo does not take the recovered edits away.
    expect(second.store.getState().undoStack).toHaveLength(0);
    await second.sync.autosave.flush();
    expect(names((await repo.get(mapId))?.map)).toEqual(['Renamed', 'Stakeholder 2', 'Added']);
    expect(await journaled()).toEqual([]);
  });
});
