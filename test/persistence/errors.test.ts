import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MapConflictError, MapNotFoundError, classifyStorageError, needsUserAction } from '../../src/persistence';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyStorageError', () => {
  describe('quota', () => {
    it('recognises a QuotaExceededError DOMException', () => {
      const result = classifyStorageError(quota());
      expect(result.kind).toBe('quota');
      expect(result.message).toMatch(/out of storage space/);
      expect(result.message).toMatch(/export the map/i);
      expect(result.detail).toBe('QuotaExceededError: The quota has been exceeded.');
    });

    it("recognises Dexie's QuotaExceededError, code 22 and Firefox's old name", () => {
      expect(classifyStorageError(new Dexie.QuotaExceededError('full')).kind).toBe('quota');
      expect(classifyStorageError({ name: 'Error', code: 22, message: 'legacy' }).kind).toBe('quota');
      expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }).kind).toBe('quota');
    });

    it('recognises quota wrapped once in a Dexie AbortError', () => {
      const aborted = new Dexie.AbortError('Transaction aborted', quota());
      expect(classifyStorageError(aborted).kind).toBe('quota');
    });

    it('recognises quota wrapped many levels deep through inner and cause', () => {
      let err: unknown = quota();
      for (let i = 0; i < 10; i++) {
        err = i % 2 === 0 ? new Dexie.AbortError(`level ${i}`, err as object) : new Error(`level ${i}`, { cause: err });
      }
      expect(classifyStorageError(err).kind).toBe('quota');
    });

    it('recognises quota at the end of a cause chain', () => {
      const err = new Error('save failed', { cause: new Error('transaction failed', { cause: quota() }) });
      expect(classifyStorageError(err).kind).toBe('quota');
    });

    it('recognises quota in an IDB request error, an AggregateError and a BulkError', () => {
      expect(classifyStorageError({ name: 'AbortError', error: quota() }).kind).toBe('quota');
      expect(classifyStorageError(new AggregateError([new Error('x'), quota()])).kind).toBe('quota');
      expect(classifyStorageError(new Dexie.BulkError('bulk', { 0: quota() })).kind).toBe('quota');
    });

    it('prefers quota over other reasons in the same chain', () => {
      const err = new Dexie.OpenFailedError('open failed', new Dexie.AbortError('aborted', quota()));
      expect(classifyStorageError(err).kind).toBe('quota');
    });
  });

  it('survives cycles without hanging', () => {
    const a: { name: string; inner?: unknown; cause?: unknown } = { name: 'AbortError' };
    const b = { name: 'Error', cause: a };
    a.inner = b;
    expect(classifyStorageError(a).kind).toBe('unknown');

    const self = new Error('self');
    (self as { cause?: unknown }).cause = self;
    expect(classifyStorageError(self).kind).toBe('unknown');

    const withQuota: { name: string; inner?: unknown; cause?: unknown } = { name: 'AbortError', cause: quota() };
    withQuota.inner = withQuota;
    expect(classifyStorageError(withQuota).kind).toBe('quota');
  });

  it('survives throwing getters', () => {
    const hostile = {
      name: 'Error',
      get inner(): unknown {
        throw new Error('boom');
      },
      cause: quota(),
    };
    expect(classifyStorageError(hostile).kind).toBe('quota');
  });

  it('classifies a newer database as version, even inside OpenFailedError', () => {
    const err = new Dexie.OpenFailedError('open failed', new DOMException('too new', 'VersionError'));
    const result = classifyStorageError(err);
    expect(result.kind).toBe('version');
    expect(result.message).toMatch(/reload/i);
    expect(classifyStorageError(new Dexie.UpgradeError('upgrade')).kind).toBe('version');
  });

  it('classifies missing or blocked IndexedDB as unavailable', () => {
    expect(classifyStorageError(new Dexie.MissingAPIError('IndexedDB API missing')).kind).toBe('unavailable');
    expect(classifyStorageError(new Dexie.DatabaseClosedError('closed')).kind).toBe('unavailable');
    const blocked = new Dexie.OpenFailedError('open failed', new DOMException('denied', 'SecurityError'));
    const result = classifyStorageError(blocked);
    expect(result.kind).toBe('unavailable');
    expect(result.message).toMatch(/only in this tab/);
  });

  it('classifies anything else as unknown, with a useful detail', () => {
    expect(classifyStorageError(new TypeError('bad'))).toMatchObject({ kind: 'unknown', detail: 'TypeError: bad' });
    expect(classifyStorageError('just a string')).toMatchObject({ kind: 'unknown', detail: 'just a string' });
    expect(classifyStorageError(undefined).kind).toBe('unknown');
    expect(classifyStorageError(null).kind).toBe('unknown');
    expect(classifyStorageError({ code: 'EQUOTA' }).kind).toBe('unknown');
    expect(classifyStorageError(new Error('x')).message).toMatch(/could not save/);
  });

  it('says so when the map itself is gone', () => {
    const result = classifyStorageError(new MapNotFoundError('abc'));
    expect(result.kind).toBe('unknown');
    expect(result.message).toMatch(/no longer in the browser storage/);
  });

  it('knows which errors only the user can fix', () => {
    expect(needsUserAction(classifyStorageError(quota()))).toBe(true);
    expect(needsUserAction(classifyStorageError(new Dexie.VersionError('v')))).toBe(true);
    expect(needsUserAction(classifyStorageError(new Error('flaky')))).toBe(false);
  });
});

describe('a save refused because another tab saved first', () => {
  it('is a conflict, even wrapped by Dexie, and only the user can resolve it', () => {
    const conflict = new MapConflictError('m', 2, 3);
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: conflict });
    for (const err of [conflict, wrapped]) {
      const classified = classifyStorageError(err);
      expect(classified.kind).toBe('conflict');
      expect(classified.message).toMatch(/another tab/);
      expect(needsUserAction(classified)).toBe(true);
    }
  });
});
