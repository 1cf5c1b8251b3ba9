// The whole path: a store change → autosave → repository → (fake) IndexedDB,
// then a "reload" (a second database connection) reads the same map back.
import { afterEach, expect, it, vi } from 'vitest';
import type { StakeMap } from '../../src/domain/model';
import {
  createMapRepository,
  openStakemapDb,
  startAutosave,
  type AutosaveDoc,
  type SaveStatus,
  type StakemapDb,
} from '../../src/persistence';
import { freshDb, sampleMap, stakeholder } from './helpers';

const dbs: StakemapDb[] = [];

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

it('saves edits through the real repository and loads them back after a reload', async () => {
  const db = freshDb();
  dbs.push(db);
  const repo = createMapRepository(db);
  const original = sampleMap('Workshop', 2);
  const mapId = await repo.create(original);

  let doc: AutosaveDoc = { mapId, map: original };
  const listeners = new Set<() => void>();
  const statuses: SaveStatus[] = [];
  const autosave = startAutosave({
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    getDoc: () => doc,
    save: (id, map) => repo.save(id, map),
    onStatus: (s) => statuses.push(s),
    delayMs: 20,
    target: null,
  });
  const setMap = (map: StakeMap) => {
    doc = { mapId, map };
    for (const l of listeners) l();
  };

  const edited: StakeMap = {
    ...original,
    title: 'Workshop, after lunch',
    stakeholders: [...original.stakeholders, { ...stakeholder('__proto__', 'Tricky id'), notes: 'kept' }],
  };
  setMap(edited);
  await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('saved'), { timeout: 2_000 });
  await autosave.stop();

  const reopened = openStakemapDb(db.name);
  const record = await createMapRepository(reopened).get(mapId);
  reopened.close();
  expect(record?.map).toStrictEqual(edited);
  expect(record).toMatchObject({ title: 'Workshop, after lunch', stakeholderCount: 3 });
});
