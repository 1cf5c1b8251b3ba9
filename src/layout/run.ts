// Lays a map out in a Web Worker. A newer request cancels an older one, and
// `cancelLayout` stops a running one, by ending its worker.
import { moveOrganization, moveStakeholders, type StakeMap } from '../domain';
import { LAYOUT_SCREEN } from './fit';
import type { Placed } from './grid';
import { fromLaneLayout, toLaneGraph, type LayoutResult } from './lanes';

let worker: Worker | null = null;
let pending: { id: number; reject(err: Error): void } | null = null;
let nextId = 1;

export class LayoutCancelled extends Error {
  constructor() {
    super('The layout was cancelled.');
    this.name = 'LayoutCancelled';
  }
}

export function cancelLayout(): void {
  worker?.terminate();
  worker = null;
  pending?.reject(new LayoutCancelled());
  pending = null;
}

export function computeLanes(map: StakeMap): Promise<LayoutResult> {
  cancelLayout();
  const started = performance.now();
  worker = new Worker(new URL('./lanes.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  const graph = toLaneGraph(map);
  measure('stakemap:layout:graph', started);
  return new Promise<LayoutResult>((resolve, reject) => {
    pending = { id, reject };
    const w = worker!;
    w.onmessage = (event: MessageEvent<{ id: number; result?: Placed[]; error?: string }>) => {
      if (event.data.id !== id) return;
      pending = null;
      w.terminate();
      if (worker === w) worker = null;
      if (event.data.error || !event.data.result) reject(new Error(event.data.error ?? 'The layout failed.'));
      else {
        resolve(fromLaneLayout(map, event.data.result));
        measure('stakemap:layout', started);
      }
    };
    w.onerror = (event) => {
      pending = null;
      reject(new Error(event.message || 'The layout worker failed to start.'));
    };
    w.postMessage({ id, graph, screen: LAYOUT_SCREEN });
  });
}

/** A User Timing entry (the latest of each name) for the browser benchmark. */
function measure(name: string, start: number): void {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // No User Timing here.
  }
}

/** Applies a layout result as a pure edit. */
export function applyLayout(map: StakeMap, result: LayoutResult): StakeMap {
  return moveStakeholders(moveOrganization(map, result.organization), result.stakeholders);
}
