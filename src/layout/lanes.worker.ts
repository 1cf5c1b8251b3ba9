// Runs the lanes layout off the main thread: the page never waits on a layout
// (a map of thousands takes a moment).
import { gridLanes, type LaneGraph, type Screen } from './grid';

self.onmessage = (event: MessageEvent<{ id: number; graph: LaneGraph; screen: Screen }>) => {
  const { id, graph, screen } = event.data;
  try {
    self.postMessage({ id, result: gridLanes(graph, screen) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
