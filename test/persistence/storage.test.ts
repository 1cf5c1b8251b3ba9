// Where maps live when IndexedDB will not open: memory, with the reason.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, chooseStorage, openStakemapDb, type StakemapDb } from '../../src/persistence';
import { sampleMap } from './helpers';

describe('chooseStorage', () => {
  it('uses IndexedDB when it opens', async () => {
    const db = openStakemapDb(`stakemap-choose-${crypto.randomUUID()}`);
    const choice = await chooseStorage(db);
    expect(choice.mode).toBe('indexeddb');
    const id = await choice.repo.create(sampleMap('Stored'));
    expect((await db.maps.get(id))?.title).toBe('Stored');
    await db.delete();
  });

  it('falls back to memory, saying why, when IndexedDB is missing', async () => {
    // As in a browser with no indexedDB at all: this instance gets none.
    const db = new Dexie('no-idb', { indexedDB: undefined as unknown as IDBFactory, IDBKeyRange }) as StakemapDb;
    const choice = await chooseStorage(db);
    expect(choice.mode).toBe('memory');
    if (choice.mode !== 'memory') return;
    expect(choice.problem.kind).toBe('unavailable');
    const id = await choice.repo.create(sampleMap('In memory'));
    expect((await choice.repo.get(id))?.title).toBe('In memory');
  });

  it('falls back to memory when building the database throws (a throwing indexedDB getter)', async () => {
    const choice = await chooseStorage(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(choice.mode).toBe('memory');
    if (choice.mode === 'memory') expect(choice.problem.kind).toBe('unavailable');
  });

  it('falls back to memory when opening is refused (private window)', async () => {
    const db = openStakemapDb(`stakemap-refused-${crypto.randomUUID()}`);
    db.open = () => Promise.reject(Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), { name: 'InvalidStateError' })) as never;
    const choice = await chooseStorage(db);
    expect(choice.mode).toBe('memory');
  });
});

describe('a database newer than this code', () => {
  it('is opened but flagged, so that this build never writes to it', async () => {
    const name = `stakemap-newer-${crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(SCHEMA_VERSION + 1).stores({ maps: 'id, updatedAt', meta: 'key', snapshots: '++id, mapId, createdAt', extra: 'id' });
    await newer.open();
    newer.close();
    const choice = await chooseStorage(openStakemapDb(name));
    expect(choice).toMatchObject({ mode: 'indexeddb', newerSchema: true });
    if (choice.mode === 'indexeddb') choice.db.close();
    await Dexie.delete(name);
  });

  it('is not flagged when it is the current version', async () => {
    const db = openStakemapDb(`stakemap-current-${crypto.randomUUID()}`);
    expect(await chooseStorage(db)).toMatchObject({ mode: 'indexeddb', newerSchema: false });
    await db.delete();
  });
});
