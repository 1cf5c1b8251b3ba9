import { describe, expect, it } from 'vitest';
import { createMapRepository, createMemoryRepository } from '../../src/persistence';
import { repositoryContract } from './contract';
import { freshDb, sampleMap } from './helpers';

repositoryContract('memory', (options) => ({ repo: createMemoryRepository(options), dispose: async () => {} }));

repositoryContract('IndexedDB', (options) => {
  const db = freshDb();
  return { repo: createMapRepository(db, options), dispose: () => db.delete() };
});

describe('the memory repository', () => {
  it('counts the maps it holds, which a closing tab would lose', async () => {
    const repo = createMemoryRepository();
    expect(repo.count()).toBe(0);
    const id = await repo.create(sampleMap());
    await repo.create(sampleMap());
    expect(repo.count()).toBe(2);
    await repo.delete(id);
    expect(repo.count()).toBe(1);
  });

  it('keeps each instance apart, as separate tabs are', async () => {
    const one = createMemoryRepository();
    const two = createMemoryRepository();
    await one.create(sampleMap('Only in one'));
    expect(await two.list()).toEqual([]);
  });
});
