import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MapConflictError, MapNotFoundError, classifyStorageError } from '../../src/persistence';
import { reviveError, serializeError } from '../../src/persistence/errorTransfer';

/** What the page gets back from the worker: sent as data, cloned, rebuilt. */
const roundTrip = (err: unknown): Error => reviveError(structuredClone(serializeError(err)));
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('errors sent back by the save worker', () => {
  it('come back as the same classes, with their fields', () => {
    const conflict = roundTrip(new MapConflictError('m1', 3, 5));
    expect(conflict).toBeInstanceOf(MapConflictError);
    expect(conflict).toMatchObject({ mapId: 'm1', expectedRev: 3, foundRev: 5, message: new MapConflictError('m1', 3, 5).message });
    const missing = roundTrip(new MapNotFoundError('m2'));
    expect(missing).toBeInstanceOf(MapNotFoundError);
    expect(missing).toMatchObject({ mapId: 'm2' });
  });

  it('classify as the originals do, detail included', () => {
    let deep: unknown = quota();
    for (let i = 0; i < 10; i++) deep = i % 2 === 0 ? new Dexie.AbortError(`level ${i}`, deep as object) : new Error(`level ${i}`, { cause: deep });
    const named = (name: string) => Object.assign(new Error(name), { name });
    const cases: unknown[] = [
      quota(),
      new Dexie.AbortError('Transaction aborted', quota()),
      new Dexie.QuotaExceededError('full'),
      { name: 'Error', code: 22, message: 'legacy' },
      deep,
      new Dexie.BulkError('bulk', [quota()]),
      new AggregateError([new Error('a'), quota()], 'several'),
      new MapConflictError('m', 1, 2),
      new MapNotFoundError('m'),
      named('VersionChangeError'),
      named('DatabaseClosedError'),
      new Dexie.OpenFailedError('open', named('UnknownError')),
      new Error('plain'),
    ];
    for (const err of cases) {
      const original = classifyStorageError(err);
      expect(classifyStorageError(roundTrip(err)), String(err)).toEqual(original);
    }
    expect(classifyStorageError(roundTrip(deep)).kind).toBe('quota');
    // Something thrown that is not an error comes back as one.
    expect(roundTrip('a string')).toMatchObject({ name: 'Error', message: 'a string' });
  });

  it('stop at cycles', () => {
    const a = new Error('a') as Error & { inner?: unknown };
    a.inner = new Error('b', { cause: a });
    expect(serializeError(a)).toEqual({ name: 'Error', message: 'a', causes: [{ name: 'Error', message: 'b' }] });
  });
});
