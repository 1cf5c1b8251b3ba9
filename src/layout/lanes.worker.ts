// Runs the lanes layout off the main thread: the page never waits on a layout.
// Small maps get ELK's layered layout; large ones fastLanes (ELK would take
// seconds to minutes), and then ELK is never loaded.
import type { ElkNode } from 'elkjs/lib/elk-api';
import { FAST_LANES_ABOVE, fastLanes } from './fastLanes';

let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | null = null;

function layOut(graph: ElkNode): Promise<ElkNode> {
  if ((graph.children?.length ?? 0) > FAST_LANES_ABOVE) return Promise.resolve(fastLanes(graph));
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk.then((e) => e.layout(graph));
}

self.onmessage = async (event: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = event.data;
  try {
    const result = await layOut(graph);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
