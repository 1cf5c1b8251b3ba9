import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StakeMap } from '../../src/domain/model';
import {
  startAutosave,
  type AutosaveOptions,
  type SaveStatus,
} from '../../src/persistence';
import { deferred, fakeStore, sampleMap } from './helpers';

const edit = (map: StakeMap, title: string): StakeMap => ({ ...map, title });

let store: ReturnType<typeof fakeStore>;
let statuses: SaveStatus[];
let target: EventTarget;
let stops: Array<() => Promise<void>>;

function start(save: AutosaveOptions['save'], extra: Partial<AutosaveOptions> = {}) {
  const autosave = startAutosave({
    subscribe: store.subscribe,
    getDoc: store.getDoc,
    save,
    onStatus: (s) => statuses.push(s),
    target,
    ...extra,
  });
  stops.push(() => autosave.stop());
  return autosave;
}

const states = () => statuses.map((s) => s.state);

beforeEach(() => {
  vi.useFakeTimers();
  store = fakeStore({ mapId: 'A', map: sampleMap('A0') });
  statuses = [];
  target = new EventTarget();
  stops = [];
});

afterEach(async () => {
  for (const stop of stops) await stop();
  vi.useRealTimers();
});

describe('startAutosave', () => {
  it('writes a burst of changes once, with the latest map, within the delay', async () => {
    const save = vi.fn(async () => {});
    start(save);
    const base = store.getDoc().map!;
    for (let i = 1; i <= 5; i++) {
      store.set({ map: edit(base, `A${i}`) });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150); // 400 ms after the first change
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('A', store.getDoc().map);
    expect(states()).toEqual(['saved', 'pending', 'saving', 'saved']);
    expect(statuses.at(-1)?.lastSavedAt).toBe(Date.now());

    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not write the initial map nor a change that keeps the same map reference', async () => {
    const save = vi.fn(async () => {});
    start(save);
    store.touch();
    store.set({ map: store.getDoc().map });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
    expect(states()).toEqual(['saved']);
  });

  it('keeps one write in flight and writes changes made during it afterwards', async () => {
    const writes: Array<ReturnType<typeof deferred>> = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const save = vi.fn(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const write = deferred();
      writes.push(write);
      await write.promise.finally(() => (inFlight -= 1));
    });
    start(save, { delayMs: 100 });
    store.set({ map: edit(store.getDoc().map!, 'A1') });
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);

    store.set({ map: edit(store.getDoc().map!, 'A2') });
    store.set({ map: edit(store.getDoc().map!, 'A3') });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(1); // still waiting on the first write

    writes[0]!.resolve();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('A', store.getDoc().map);
    writes[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(maxInFlight).toBe(1);
    expect(states().at(-1)).toBe('saved');
  });

  it('keeps edit-to-disk under a second while the user edits continuously', async () => {
    const saved: Array<{ at: number; map: StakeMap }> = [];
    start((_id, map) => {
      saved.push({ at: Date.now(), map });
      return Promise.resolve();
    });
    const t0 = Date.now();
    const edits: Array<{ at: number; map: StakeMap }> = [];
    for (let i = 1; i <= 100; i++) {
      const map = edit(store.getDoc().map!, `A${i}`);
      store.set({ map });
      edits.push({ at: Date.now(), map });
      await vi.advanceTimersByTimeAsync(30);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    for (const e of edits) {
      // The first write at or after the edit carries this edit or a later one.
      const write = saved.find((w) => w.at >= e.at);
      expect(write).toBeDefined();
      expect(write!.at - e.at).toBeLessThanOrEqual(1_000);
      expect(edits.findIndex((x) => x.map === write!.map)).toBeGreaterThanOrEqual(edits.indexOf(e));
    }
    expect(saved.at(-1)?.map).toBe(store.getDoc().map);
    expect(saved.length).toBeLessThan(((Date.now() - t0) / 400) + 2); // throttled, not per edit
  });

  it.each(['visibilitychange', 'pagehide'])('flushes at once on %s', async (type) => {
    const save = vi.fn(async () => {});
    start(save);
    store.set({ map: edit(store.getDoc().map!, 'A1') });
    target.dispatchEvent(new Event(type));
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('A', store.getDoc().map);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(1); // the throttle timer was cancelled
  });

  it('retries a failed write with backoff, then reports error, then recovers on the next change', async () => {
    let failing = true;
    const save = vi.fn(() => (failing ? Promise.reject(new Error('disk hiccup')) : Promise.resolve()));
    start(save, { retries: 2, retryDelayMs: 500 });
    store.set({ map: edit(store.getDoc().map!, 'A1') });

    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'pending', error: { kind: 'unknown' } });
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(save).toHaveBeenCalledTimes(2); // backoff doubled
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(statuses.at(-1)?.state).toBe('error');
    expect(statuses.at(-1)?.error?.message).toMatch(/could not save/);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(3); // gave up until something happens

    failing = false;
    store.set({ map: edit(store.getDoc().map!, 'A2') });
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(4);
    expect(save).toHaveBeenLastCalledWith('A', store.getDoc().map);
    expect(statuses.at(-1)).toEqual({ state: 'saved', lastSavedAt: Date.now() });
  });

  it('after an error, flush() tries again and succeeds', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('x')).mockResolvedValue(undefined);
    const autosave = start(save, { retries: 0 });
    const map = edit(store.getDoc().map!, 'A1');
    store.set({ map });
    await vi.advanceTimersByTimeAsync(400);
    expect(states().at(-1)).toBe('error');
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('A', map);
    expect(states().at(-1)).toBe('saved');
  });

  it('does not retry a full disk: it reports quota at once and keeps the map for later', async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))
      .mockResolvedValue(undefined);
    const autosave = start(save);
    const map = edit(store.getDoc().map!, 'A1');
    store.set({ map });
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'error', error: { kind: 'quota' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith('A', map);
  });

  it('flushes the previous map under its own id when switching maps', async () => {
    const save = vi.fn(async () => {});
    start(save);
    const editedA = edit(store.getDoc().map!, 'A1');
    store.set({ map: editedA });
    const mapB = sampleMap('B0');
    store.set({ mapId: 'B', map: mapB });
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('A', editedA);

    const editedB = edit(mapB, 'B1');
    store.set({ map: editedB });
    await vi.advanceTimersByTimeAsync(400);
    expect(save.mock.calls).toEqual([
      ['A', editedA],
      ['B', editedB],
    ]);
  });

  it('never writes map A under map B when the switch happens during a write', async () => {
    const first = deferred();
    const save = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(undefined);
    start(save, { delayMs: 100 });
    const a1 = edit(store.getDoc().map!, 'A1');
    store.set({ map: a1 });
    await vi.advanceTimersByTimeAsync(100); // A1 is being written
    const a2 = edit(a1, 'A2');
    store.set({ map: a2 });
    store.set({ mapId: 'B', map: sampleMap('B0') });
    const b1 = edit(store.getDoc().map!, 'B1');
    store.set({ map: b1 });
    first.resolve();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save.mock.calls).toEqual([
      ['A', a1],
      ['A', a2],
      ['B', b1],
    ]);
  });

  it('closing the map (mapId null) flushes it', async () => {
    const save = vi.fn(async () => {});
    start(save);
    const a1 = edit(store.getDoc().map!, 'A1');
    store.set({ map: a1 });
    store.set({ mapId: null, map: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(save.mock.calls).toEqual([['A', a1]]);
  });

  it('stop() writes what is pending, unsubscribes and stops listening to the page', async () => {
    const save = vi.fn(async () => {});
    const autosave = start(save);
    expect(store.listenerCount()).toBe(1);
    const a1 = edit(store.getDoc().map!, 'A1');
    store.set({ map: a1 });
    await autosave.stop();
    expect(save.mock.calls).toEqual([['A', a1]]);
    expect(store.listenerCount()).toBe(0);

    store.set({ map: edit(a1, 'A2') });
    target.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush() with nothing pending does not write', async () => {
    const save = vi.fn(async () => {});
    const autosave = start(save);
    await autosave.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
