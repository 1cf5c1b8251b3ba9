// The lanes layout for large maps, where ELK's layered algorithm takes
// seconds to minutes (1,000 stakeholders: over two minutes; it grows much
// faster than the map). Same input (toElkGraph's graph: one partition per
// lane, edges along the value chain) and same output shape (x and y per
// child), so fromElkGraph finishes both the same way.
//
// Lanes stay columns left to right in partition order. A lane with more
// nodes than fit one column of the map's height is wrapped into several
// sub-columns, filled row by row, so a large map comes out about twice as
// wide as tall. Within a lane, nodes are ordered by the barycenter of their
// neighbours' heights (a few sweeps left to right and back), which keeps
// most relations short and flat. Linear in nodes and edges per sweep.
// Pure: it runs in the layout worker and in unit tests.
import type { ElkNode } from 'elkjs/lib/elk-api';

/** Above this many nodes the worker uses fastLanes instead of ELK. */
export const FAST_LANES_ABOVE = 60;

const SWEEPS = 4;

interface Item {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly lane: number;
  /** Input order: breaks ties, so the same map always gives the same layout. */
  readonly order: number;
  /** Vertical place in its lane, 0 (top) to 1 (bottom). */
  v: number;
}

function option(graph: ElkNode, key: string, fallback: number): number {
  const value = Number(graph.layoutOptions?.[key]);
  return Number.isFinite(value) ? value : fallback;
}

/** Rows per column: about √(1.7 n), so columns × width ≈ 2 × rows × height for our node sizes. */
export function rowsPerColumn(nodes: number): number {
  return Math.max(6, Math.ceil(Math.sqrt(1.7 * nodes)));
}

export function fastLanes(graph: ElkNode): ElkNode {
  const children = graph.children ?? [];
  const nodeGap = option(graph, 'elk.spacing.nodeNode', 44);
  const laneGap = option(graph, 'elk.layered.spacing.nodeNodeBetweenLayers', 110);

  const items = new Map<string, Item>();
  children.forEach((c, order) => {
    const lane = Number(c.layoutOptions?.['elk.partitioning.partition'] ?? 0);
    items.set(c.id, { id: c.id, width: c.width ?? 0, height: c.height ?? 0, lane: Number.isFinite(lane) ? lane : 0, order, v: 0.5 });
  });

  const neighbours = new Map<string, Item[]>();
  for (const e of graph.edges ?? []) {
    const a = items.get(e.sources[0] ?? '');
    const b = items.get(e.targets[0] ?? '');
    if (!a || !b || a === b) continue;
    (neighbours.get(a.id) ?? neighbours.set(a.id, []).get(a.id)!).push(b);
    (neighbours.get(b.id) ?? neighbours.set(b.id, []).get(b.id)!).push(a);
  }

  const laneIds = [...new Set([...items.values()].map((i) => i.lane))].sort((a, b) => a - b);
  const lanes = laneIds.map((lane) => [...items.values()].filter((i) => i.lane === lane));
  const rows = rowsPerColumn(items.size);
  const shape = lanes.map((nodes) => {
    const columns = Math.max(1, Math.ceil(nodes.length / rows));
    return { columns, rows: Math.ceil(nodes.length / columns) };
  });

  /** Row-major in its sub-columns: the k-th node of a lane sits in row ⌊k / columns⌋. */
  const place = (lane: number): void => {
    const { columns, rows: laneRows } = shape[lane]!;
    lanes[lane]!.forEach((item, k) => {
      item.v = laneRows <= 1 ? 0.5 : Math.floor(k / columns) / (laneRows - 1);
    });
  };

  // Hubs (the organization itself, above all) touch most of the map: their
  // place says nothing about where a neighbour belongs, so they are not counted.
  const edgeCount = [...neighbours.values()].reduce((sum, list) => sum + list.length, 0);
  const hubDegree = Math.max(8, (4 * edgeCount) / Math.max(1, neighbours.size));
  const isHub = (item: Item): boolean => (neighbours.get(item.id)?.length ?? 0) > hubDegree;

  const barycenter = (item: Item, from: (other: Item) => boolean): number | null => {
    let sum = 0;
    let count = 0;
    for (const other of neighbours.get(item.id) ?? []) {
      if (!from(other) || isHub(other)) continue;
      sum += other.v;
      count++;
    }
    return count === 0 ? null : sum / count;
  };

  const sortLane = (index: number, from: (other: Item) => boolean): void => {
    const nodes = lanes[index]!;
    const keyed = nodes.map((item) => ({ item, key: barycenter(item, from) ?? item.v }));
    keyed.sort((a, b) => a.key - b.key || a.item.order - b.item.order);
    lanes[index] = keyed.map((k) => k.item);
    place(index);
  };

  lanes.forEach((_, i) => place(i));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const rightwards = sweep % 2 === 0;
    const order = lanes.map((_, i) => i);
    if (!rightwards) order.reverse();
    for (const i of order) {
      const lane = laneIds[i]!;
      // First sweep: only lanes already placed on the left; later ones: neighbours in every other lane.
      sortLane(i, sweep === 0 ? (o) => o.lane < lane : (o) => o.lane !== lane);
    }
  }

  // Coordinates: lanes left to right, each lane's block centred on the tallest.
  const cellWidth = Math.max(...children.map((c) => c.width ?? 0), 0);
  const cellHeight = Math.max(...children.map((c) => c.height ?? 0), 0);
  const tallest = Math.max(...shape.map((s) => s.rows), 1);
  const laidOut: ElkNode[] = [];
  let x = 0;
  lanes.forEach((nodes, i) => {
    const { columns, rows: laneRows } = shape[i]!;
    const top = ((tallest - laneRows) * (cellHeight + nodeGap)) / 2;
    nodes.forEach((item, k) => {
      const column = k % columns;
      const row = Math.floor(k / columns);
      laidOut.push({
        id: item.id,
        width: item.width,
        height: item.height,
        x: x + column * (cellWidth + nodeGap) + (cellWidth - item.width) / 2,
        y: top + row * (cellHeight + nodeGap) + (cellHeight - item.height) / 2,
      });
    });
    x += columns * (cellWidth + nodeGap) - nodeGap + laneGap;
  });
  return { id: graph.id, children: laidOut };
}
