// The page's side of the save worker, loaded when a map is first read (offThreadSave.ts):
// makes the patch, posts it, and turns the answer back into a revision (a snapshot's id) or an error.
import { reviveError } from './errorTransfer';
import { mapPatch } from './mapPatch';
import type { OffThreadSave, SaveTransport } from './offThreadSave';
import type { SaveReply, SaveRequest } from './savePatch';

/** What of a Worker the client uses, so tests can run the worker's code in-process. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

/**
 * Saves through a worker, started now: its start-up and its database
 * connection are then ready by the first save. If it cannot start or dies, the
 * saves in flight fail (autosave retries them) and later ones resolve to null:
 * they are written on the page.
 */
export function workerTransport(create: () => WorkerLike = startSaveWorker): SaveTransport {
  let worker: WorkerLike | null = null;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: number): void; reject(err: unknown): void }>();

  function fail(reason: string): void {
    broken = true;
    worker?.terminate();
    worker = null;
    const err = new Error(`The save worker stopped (${reason}); saving continues on the page.`);
    err.name = 'SaveWorkerError';
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function start(): WorkerLike | null {
    if (worker || broken) return worker;
    try {
      worker = create();
    } catch {
      broken = true; // no Worker here, or refused
      return null;
    }
    worker.onmessage = (event: MessageEvent<SaveReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) p?.reject(reviveError(reply.error));
      else p?.resolve('rev' in reply ? reply.rev : reply.snapshotId);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'it could not start');
    };
    worker.onmessageerror = () => fail('a reply could not be read');
    return worker;
  }

  /** Posts a patch from `base` to `map`; resolves to the answer, or null when there is no worker. */
  function post({ mapId, base, map, expectedRev }: OffThreadSave, snapshot?: string): Promise<number> | null {
    const w = start();
    if (!w) return null;
    const request: SaveRequest = { id: nextId++, mapId, patch: mapPatch(base, map), expectedRev, snapshot };
    return new Promise<number>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      try {
        w.postMessage(request);
      } catch (err) {
        pending.delete(request.id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  start();
  return {
    send: async (save) => post(save),
    snapshot: async ({ reason, ...save }) => post(save, reason),
  };
}

function startSaveWorker(): Worker {
  return new Worker(new URL('./save.worker.ts', import.meta.url), { type: 'module' });
}
