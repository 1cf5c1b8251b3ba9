// The lanes layout as data: which lane each stakeholder belongs to, the ELK
// graph that keeps lanes in order left to right, and the positions ELK's
// answer gives back. Pure, so it is tested without a worker.
import type { ElkNode } from 'elkjs/lib/elk-api';
import { boundaryRect, NODE_SIZE, ORG_ID, ORG_SIZE, stakeholderViews, type Position, type StakeMap } from '../domain';

/** Left to right: us and colleagues, suppliers, channels, customers, customers' customers. */
export const LANES = ['organization', 'suppliers', 'channels', 'customers', 'customers-customers'] as const;
export type Lane = (typeof LANES)[number];

export function laneOf(map: StakeMap): Map<string, Lane> {
  const views = stakeholderViews(map);
  const servedByClients = new Set(map.relations.filter((r) => r.kind === 'serves' && r.from !== ORG_ID).map((r) => r.to));
  const lanes = new Map<string, Lane>();
  for (const s of map.stakeholders) {
    const role = views.get(s.id)?.role;
    if (s.side === 'internal') lanes.set(s.id, 'organization');
    else if (servedByClients.has(s.id)) lanes.set(s.id, 'customers-customers');
    else if (role === 'supplier') lanes.set(s.id, 'suppliers');
    else if (role === 'partner' || role === 'intermediary' || role === 'referrer') lanes.set(s.id, 'channels');
    else lanes.set(s.id, 'customers');
  }
  return lanes;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.spacing.nodeNode': '44',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.separateConnectedComponents': 'false',
};

export function toElkGraph(map: StakeMap): ElkNode {
  const lanes = laneOf(map);
  const partition = (lane: Lane) => String(LANES.indexOf(lane));
  const children: ElkNode[] = [
    { id: ORG_ID, width: ORG_SIZE.width, height: ORG_SIZE.height, layoutOptions: { 'elk.partitioning.partition': '0' } },
    ...map.stakeholders.map((s) => ({
      id: s.id,
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      layoutOptions: { 'elk.partitioning.partition': partition(lanes.get(s.id) ?? 'customers') },
    })),
  ];
  // Edges point along the value chain, so ELK lays the chain out left to right:
  // money flows against the offering, so it counts backwards; between lanes,
  // the lane order wins.
  const order = new Map<string, number>([[ORG_ID, 0]]);
  for (const [id, lane] of lanes) order.set(id, LANES.indexOf(lane));
  const edges = map.relations.map((r) => {
    let [source, target] = r.kind === 'money' ? [r.to, r.from] : [r.from, r.to];
    const ls = order.get(source) ?? 0;
    const lt = order.get(target) ?? 0;
    if (ls > lt) [source, target] = [target, source];
    return { id: r.id, sources: [source], targets: [target] };
  });
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

export interface LayoutResult {
  organization: Position;
  stakeholders: { id: string; position: Position }[];
}

const CLEARANCE = 72;

/**
 * ELK's answer as positions, shifted so the organization stays where it was,
 * with everyone outside moved clear of the organization's boundary (which may
 * be wider than its lane).
 */
export function fromElkGraph(map: StakeMap, laidOut: ElkNode): LayoutResult {
  const at = new Map<string, Position>();
  for (const c of laidOut.children ?? []) at.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
  const org = at.get(ORG_ID) ?? { x: 0, y: 0 };
  const anchor = map.organization.position ?? { x: 0, y: 0 };
  const dx = anchor.x - org.x;
  const dy = anchor.y - org.y;
  const shift = (p: Position) => ({ x: Math.round(p.x + dx), y: Math.round(p.y + dy) });
  const organization = shift(org);
  const stakeholders = map.stakeholders.map((s) => ({ id: s.id, side: s.side, position: shift(at.get(s.id) ?? { x: 0, y: 0 }) }));
  const inside = { ...map, organization: { ...map.organization, position: organization }, stakeholders: map.stakeholders.map((s, i) => ({ ...s, position: stakeholders[i]!.position })) };
  const rect = boundaryRect(inside);
  const outside = stakeholders.filter((s) => s.side === 'external');
  const leftmost = Math.min(...outside.map((s) => s.position.x));
  const push = outside.length > 0 ? Math.max(0, rect.x + rect.width + CLEARANCE - leftmost) : 0;
  return {
    organization,
    stakeholders: stakeholders.map(({ id, side, position }) => ({ id, position: side === 'external' ? { x: position.x + push, y: position.y } : position })),
  };
}
