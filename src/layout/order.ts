// The order of stakeholders within each lane: by the barycenter of their
// neighbours' heights, a few sweeps left to right and back, which keeps most
// relations short and flat. Linear in nodes and edges per sweep. Pure.
import type { LaneGraph, LaneNode } from './grid';

const SWEEPS = 4;

interface Item {
  readonly node: LaneNode;
  readonly lane: number;
  /** Input order: breaks ties, so the same map always gives the same layout. */
  readonly order: number;
  /** Vertical place in its lane, 0 (top) to 1 (bottom). */
  v: number;
}

/**
 * Each lane's nodes, top to bottom (row-major within a lane of several
 * columns: `columns[i]` says how many the lane at index i has).
 */
export function orderLanes(graph: LaneGraph, lanes: readonly number[], columns: readonly number[]): LaneNode[][] {
  const items = new Map<string, Item>();
  graph.nodes.forEach((node, order) => items.set(node.id, { node, lane: node.lane, order, v: 0.5 }));
  const neighbours = new Map<string, Item[]>();
  for (const [from, to] of graph.edges) {
    const a = items.get(from);
    const b = items.get(to);
    if (!a || !b || a === b) continue;
    (neighbours.get(a.node.id) ?? neighbours.set(a.node.id, []).get(a.node.id)!).push(b);
    (neighbours.get(b.node.id) ?? neighbours.set(b.node.id, []).get(b.node.id)!).push(a);
  }
  const byLane = lanes.map((lane) => [...items.values()].filter((i) => i.lane === lane));

  const place = (index: number): void => {
    const list = byLane[index]!;
    const cols = columns[index] ?? 1;
    const rows = Math.ceil(list.length / cols);
    list.forEach((item, k) => {
      item.v = rows <= 1 ? 0.5 : Math.floor(k / cols) / (rows - 1);
    });
  };

  // Hubs (the organization itself, above all) touch most of the map: their
  // place says nothing about where a neighbour belongs, so they are not counted.
  const edgeCount = [...neighbours.values()].reduce((sum, list) => sum + list.length, 0);
  const hubDegree = Math.max(8, (4 * edgeCount) / Math.max(1, neighbours.size));
  const isHub = (item: Item): boolean => (neighbours.get(item.node.id)?.length ?? 0) > hubDegree;

  const barycenter = (item: Item, from: (other: Item) => boolean): number | null => {
    let sum = 0;
    let count = 0;
    for (const other of neighbours.get(item.node.id) ?? []) {
      if (!from(other) || isHub(other)) continue;
      sum += other.v;
      count++;
    }
    return count === 0 ? null : sum / count;
  };

  const sortLane = (index: number, from: (other: Item) => boolean): void => {
    const keyed = byLane[index]!.map((item) => ({ item, key: barycenter(item, from) ?? item.v }));
    keyed.sort((a, b) => a.key - b.key || a.item.order - b.item.order);
    byLane[index] = keyed.map((k) => k.item);
    place(index);
  };

  byLane.forEach((_, i) => place(i));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const order = byLane.map((_, i) => i);
    if (sweep % 2 === 1) order.reverse();
    for (const i of order) {
      const lane = lanes[i]!;
      // First sweep: only lanes already placed on the left; later ones: neighbours in every other lane.
      sortLane(i, sweep === 0 ? (o) => o.lane < lane : (o) => o.lane !== lane);
    }
  }
  return byLane.map((list) => list.map((i) => i.node));
}
