// What autosave tells the rest of the app about unsaved work, and how a map
// loaded from storage (another tab's save) is told apart from an edit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StakeMap } from '../../src/domain/model';
import { startAutosave, type Autosave, type AutosaveOptions, type SaveStatus } from '../../src/persistence';
import { deferred, fakeStore, sampleMap } from './helpers';

const edit = (map: StakeMap, title: string): StakeMap => ({ ...map, title });

let store: ReturnType<typeof fakeStore>;
let statuses: SaveStatus[];
let autosave: Autosave;

function start(save: AutosaveOptions['save']) {
  autosave = startAutosave({ subscribe: store.subscribe, getDoc: store.getDoc, save, onStatus: (s) => statuses.push(s), target: null, delayMs: 100 });
}

beforeEach(() => {
  vi.useFakeTimers();
  store = fakeStore({ mapId: 'A', map: sampleMap('A0') });
  statuses = [];
});

afterEach(async () => {
  await autosave.stop();
  vi.useRealTimers();
});

describe('unsaved work', () => {
  it('is reported from the first change until the write succeeds', async () => {
    const write = deferred();
    start(() => write.promise);
    expect(autosave.hasUnsaved()).toBe(false);
    const next = edit(store.getDoc().map!, 'A1');
    store.set({ map: next });
    expect(autosave.hasUnsaved('A')).toBe(true);
    expect(autosave.hasUnsaved('B')).toBe(false);
    expect(autosave.unsaved('A')).toBe(next);
    expect(autosave.unsavedIds()).toEqual(['A']);
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.hasUnsaved('A')).toBe(true); // written, not yet confirmed
    write.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.hasUnsaved()).toBe(false);
    expect(autosave.unsaved('A')).toBeUndefined();
  });

  it('keeps a map whose write failed, for a later try or a download', async () => {
    start(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
    const next = edit(store.getDoc().map!, 'A1');
    store.set({ map: next });
    await vi.advanceTimersByTimeAsync(100);
    expect(statuses.at(-1)?.state).toBe('error');
    expect(autosave.unsaved('A')).toBe(next);
  });
});

describe('markSaved: a map loaded from storage is not an edit', () => {
  it('is not written back when the store shows it', async () => {
    const save = vi.fn(async () => {});
    start(save);
    const fromStorage = sampleMap('Saved by another tab', 3);
    autosave.markSaved('A', fromStorage);
    store.set({ map: fromStorage });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).not.toHaveBeenCalled();
    expect(statuses.map((s) => s.state)).toEqual(['saved']);
  });

  it('drops the unsaved version of that map and clears a failure, if the map is already showing', async () => {
    start(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
    store.set({ map: edit(store.getDoc().map!, 'A1') });
    await vi.advanceTimersByTimeAsync(100);
    expect(statuses.at(-1)?.state).toBe('error');
    const fromStorage = sampleMap('Latest stored');
    store.set({ map: fromStorage });
    autosave.markSaved('A', fromStorage);
    expect(autosave.hasUnsaved('A')).toBe(false);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('ignores the failure of a write that storage has since made irrelevant', async () => {
    const write = deferred();
    start(() => write.promise);
    store.set({ map: edit(store.getDoc().map!, 'A1') });
    await vi.advanceTimersByTimeAsync(100); // writing A1
    const fromStorage = sampleMap('Latest stored');
    autosave.markSaved('A', fromStorage);
    store.set({ map: fromStorage });
    write.reject(new Error('refused'));
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)?.state).toBe('saved');
    expect(autosave.hasUnsaved()).toBe(false);
  });

  it('still writes later edits made on top of the loaded map', async () => {
    const save = vi.fn(async () => {});
    start(save);
    const fromStorage = sampleMap('Loaded');
    autosave.markSaved('A', fromStorage);
    store.set({ map: fromStorage });
    const edited = edit(fromStorage, 'Loaded, then edited');
    store.set({ map: edited });
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledWith('A', edited);
  });
});
