// Persistence as a throttled subscriber of the store (after tldraw's local
// sync client): the store knows nothing about storage, autosave watches it and
// writes each new map reference to disk shortly after it appears.
import type { StakeMap } from '../domain/model';
import { classifyStorageError, needsUserAction, type ClassifiedError } from './errors';

export type SaveState = 'saved' | 'saving' | 'pending' | 'error';

export interface SaveStatus {
  state: SaveState;
  /** Set with 'error', and with 'pending' while a failed write waits for its retry. */
  error?: ClassifiedError;
  /** When the last write succeeded (ms since epoch). */
  lastSavedAt?: number;
}

export interface AutosaveDoc {
  mapId: string | null;
  map: StakeMap | null;
}

export interface AutosaveOptions {
  /** Registers a listener called on any store change; returns an unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  /** The open document. Edits make new map objects, so a new reference means "changed". */
  getDoc: () => AutosaveDoc;
  save: (mapId: string, map: StakeMap) => Promise<unknown>;
  onStatus?: (status: SaveStatus) => void;
  /** Throttle: the first write happens this long after the first unsaved change. */
  delayMs?: number;
  /** Extra attempts after a failed write before reporting 'error'. */
  retries?: number;
  /** First retry delay; doubles at each further retry. */
  retryDelayMs?: number;
  /** Where `visibilitychange` and `pagehide` arrive; null to not listen. */
  target?: EventTarget | null;
  now?: () => number;
}

export interface Autosave {
  /** Writes every unsaved map now. Resolves when done; failures are reported through onStatus. */
  flush(): Promise<void>;
  /** Stops watching the store and page, then writes what is still unsaved. */
  stop(): Promise<void>;
  /**
   * Says `map` is exactly what storage holds for `mapId` (just loaded from
   * it): when the store shows it, nothing is written, and any unsaved
   * version of that map is dropped. Call it before putting the map in the store.
   */
  markSaved(mapId: string, map: StakeMap): void;
  /** True while a change of this map (or of any map, without an id) is not yet written. */
  hasUnsaved(mapId?: string): boolean;
  /** The latest not yet written version of a map, if any. */
  unsaved(mapId: string): StakeMap | undefined;
  unsavedIds(): string[];
}

export function startAutosave(options: AutosaveOptions): Autosave {
  const { subscribe, getDoc, save, delayMs = 400, retries = 2, retryDelayMs = 500, now = Date.now } = options;
  const onStatus = options.onStatus ?? (() => {});
  const target = options.target === undefined ? defaultTarget() : options.target;

  // Latest unsaved map per map id, oldest first. Keying by id is what
  // guarantees map A's content is never written under map B's id.
  const dirty = new Map<string, StakeMap>();
  let seen = getDoc();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;
  let failures = 0;
  let lastSavedAt: number | undefined;
  let status: SaveStatus | null = null;
  let stopped = false;
  // Maps known to equal what is stored (loaded from storage), per map id.
  const onDisk = new Map<string, StakeMap>();
  let writingId: string | null = null;

  function report(state: SaveState, error?: ClassifiedError): void {
    if (status && status.state === state && status.error === error && status.lastSavedAt === lastSavedAt) return;
    const next: SaveStatus = { state };
    if (error) next.error = error;
    if (lastSavedAt !== undefined) next.lastSavedAt = lastSavedAt;
    status = next;
    onStatus(next);
  }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function schedule(ms: number): void {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      void startWrites(false);
    }, ms);
  }

  // At most one write chain at a time: a second caller shares the running one.
  function startWrites(flushing: boolean): Promise<void> {
    writing ??= drain(flushing).finally(() => {
      writing = null;
    });
    return writing;
  }

  async function drain(flushing: boolean): Promise<void> {
    for (let next = firstEntry(dirty); next; next = firstEntry(dirty)) {
      const [mapId, map] = next;
      const started = timingStart();
      report('saving');
      writingId = mapId;
      try {
        await save(mapId, map);
      } catch (err) {
        writingId = null;
        // Replaced meanwhile by a map loaded from storage: this failure no longer matters.
        if (!dirty.has(mapId)) continue;
        failures += 1;
        const error = classifyStorageError(err);
        // No backoff when the page is going away, nor when only the user can fix it.
        if (!flushing && failures <= retries && !needsUserAction(error)) {
          schedule(retryDelayMs * 2 ** (failures - 1));
          report('pending', error);
        } else {
          report('error', error); // the map stays dirty: the next change or flush() tries again
        }
        return;
      } finally {
        timingEnd(started);
      }
      writingId = null;
      failures = 0;
      lastSavedAt = now();
      // Only clear if no newer edit of this map arrived during the write.
      if (dirty.get(mapId) === map) dirty.delete(mapId);
      if (!flushing && dirty.size > 0) {
        // Edits made during the write: throttle again rather than write back-to-back.
        schedule(delayMs);
        report('pending');
        return;
      }
    }
    report('saved');
  }

  async function flush(): Promise<void> {
    clearTimer();
    while (writing) {
      await writing;
      clearTimer(); // the finished chain may have scheduled a throttle or retry
    }
    if (dirty.size > 0) await startWrites(true);
  }

  function onStoreChange(): void {
    const doc = getDoc();
    const previous = seen;
    seen = doc;
    if (doc.mapId !== previous.mapId) {
      // A map just opened is already on disk; the one we leave must be written now.
      if (dirty.size > 0) void flush();
      return;
    }
    if (doc.map === previous.map || doc.mapId === null || doc.map === null) return;
    if (dropIfOnDisk(doc)) return;
    dirty.set(doc.mapId, doc.map);
    if (status?.state === 'error') failures = 0; // a new edit earns a fresh set of retries
    if (!writing && timer === null) {
      schedule(delayMs);
      report('pending');
    }
  }

  /** A map loaded from storage is not a change: forget any unsaved version of it. */
  function dropIfOnDisk(doc: AutosaveDoc): boolean {
    if (doc.mapId === null || doc.map === null || onDisk.get(doc.mapId) !== doc.map) return false;
    dirty.delete(doc.mapId);
    if (dirty.size === 0 && !writing) {
      clearTimer();
      failures = 0;
      report('saved');
    }
    return true;
  }

  // The page may be discarded after these events: write without waiting.
  // Any visibilitychange flushes: writing pending edits early is never wrong.
  const onPageHide = (): void => void flush();
  const unsubscribe = subscribe(onStoreChange);
  target?.addEventListener('visibilitychange', onPageHide);
  target?.addEventListener('pagehide', onPageHide);
  report('saved');

  return {
    flush,
    markSaved(mapId, map) {
      onDisk.set(mapId, map);
      // Already showing (opened before being marked): drop its unsaved version now.
      const doc = getDoc();
      if (doc.mapId === mapId) dropIfOnDisk(doc);
    },
    hasUnsaved(mapId) {
      if (mapId === undefined) return dirty.size > 0 || writing !== null;
      return dirty.has(mapId) || writingId === mapId;
    },
    unsaved: (mapId) => dirty.get(mapId),
    unsavedIds: () => [...dirty.keys()],
    async stop() {
      if (!stopped) {
        stopped = true;
        unsubscribe();
        target?.removeEventListener('visibilitychange', onPageHide);
        target?.removeEventListener('pagehide', onPageHide);
      }
      await flush();
    },
  };
}

/**
 * Asks the browser not to evict our storage under pressure. Returns whether
 * storage is persistent, or null where the API is missing or refuses to answer.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return null;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

// One User Timing entry, 'stakemap:save', per write (the latest only): the
// browser benchmark (test/bench/trace.ts) finds each write's window in a
// trace by it. A few microseconds a write; never throws.
const SAVE_MEASURE = 'stakemap:save';

function timingStart(): number {
  return globalThis.performance?.now() ?? 0;
}

function timingEnd(start: number): void {
  try {
    globalThis.performance.clearMeasures(SAVE_MEASURE);
    globalThis.performance.measure(SAVE_MEASURE, { start, end: globalThis.performance.now() });
  } catch {
    // No User Timing here: nothing to record.
  }
}

function firstEntry<K, V>(map: Map<K, V>): [K, V] | undefined {
  return map.entries().next().value;
}

function defaultTarget(): EventTarget | null {
  return typeof window === 'undefined' ? null : window;
}
