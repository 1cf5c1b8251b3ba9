// The worker shell itself, run in this test's global scope: what it answers,
// and that it never holds up a newer build's upgrade of the database.
import { Dexie } from 'dexie';
import { expect, it, vi } from 'vitest';
import { setTitle } from '../../src/domain';
import { DB_NAME, SCHEMA_VERSION, classifyStorageError, createMapRepository, openStakemapDb } from '../../src/persistence';
import { reviveError } from '../../src/persistence/errorTransfer';
import { mapPatch } from '../../src/persistence/mapPatch';
import type { MapRecord } from '../../src/persistence/db';
import type { SaveReply, SaveRequest } from '../../src/persistence/savePatch';
import { sampleMap } from './helpers';

it('saves, then closes for a newer version and refuses later saves as version errors', async () => {
  const posted: SaveReply[] = [];
  vi.spyOn(self, 'postMessage').mockImplementation((reply: SaveReply) => void posted.push(reply));
  const db = openStakemapDb(DB_NAME);
  const map = sampleMap();
  const id = await createMapRepository(db).create(map);
  db.close();

  await import('../../src/persistence/save.worker');
  const send = async (request: SaveRequest): Promise<SaveReply> => {
    await (self.onmessage as (event: { data: SaveRequest }) => Promise<void>)({ data: request });
    return posted.at(-1)!;
  };
  const next = setTitle(map, 'Saved by the worker');
  expect(await send({ id: 1, mapId: id, patch: mapPatch(map, next), expectedRev: 1 })).toEqual({ id: 1, rev: 2 });

  // A newer build opens the database one version up: this would wait forever if the worker kept its connection.
  const newer = new Dexie(DB_NAME);
  newer.version(SCHEMA_VERSION + 1).stores({ maps: 'id, updatedAt', meta: 'key', snapshots: '++id, mapId, createdAt' });
  await newer.open();
  expect((await newer.table<MapRecord, string>('maps').get(id))?.map).toEqual(next);
  newer.close();

  const reply = await send({ id: 2, mapId: id, patch: mapPatch(next, setTitle(next, 'Too late')), expectedRev: 2 });
  expect('error' in reply && classifyStorageError(reviveError(reply.error)).kind).toBe('version');
  await Dexie.delete(DB_NAME);
});
