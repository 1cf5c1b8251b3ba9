// The lanes layout as data: which lane each stakeholder belongs to, the graph
// gridLanes lays out, and the positions its answer gives back. Pure, so it is
// tested without a worker.
import { boundaryRect, NODE_SIZE, ORG_ID, ORG_SIZE, stakeholderViews, type Position, type StakeMap } from '../domain';
import { GAPS, type LaneGraph, type LaneNode, type Placed } from './grid';

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

/** The lanes as a graph for gridLanes: lane 0 holds the organization and its internal stakeholders. */
export function toLaneGraph(map: StakeMap): LaneGraph {
  const lanes = laneOf(map);
  const nodes: LaneNode[] = [
    { id: ORG_ID, width: ORG_SIZE.width, height: ORG_SIZE.height, lane: 0 },
    ...map.stakeholders.map((s) => ({ id: s.id, ...NODE_SIZE, lane: LANES.indexOf(lanes.get(s.id) ?? 'customers') })),
  ];
  return { nodes, edges: map.relations.map((r) => [r.from, r.to] as const) };
}

export interface LayoutResult {
  organization: Position;
  stakeholders: { id: string; position: Position }[];
}

/**
 * The laid-out positions, shifted so the organization stays where it was.
 * gridLanes keeps everyone outside clear of the boundary already; should a
 * stakeholder's side and lane disagree (an external one in lane 0 cannot
 * happen, but a future lane rule might), it is pushed right of the boundary.
 */
export function fromLaneLayout(map: StakeMap, placed: readonly Placed[]): LayoutResult {
  const at = new Map<string, Position>();
  for (const p of placed) at.set(p.id, { x: p.x, y: p.y });
  const org = at.get(ORG_ID) ?? { x: 0, y: 0 };
  const anchor = map.organization.position ?? { x: 0, y: 0 };
  const shift = (p: Position) => ({ x: Math.round(p.x + anchor.x - org.x), y: Math.round(p.y + anchor.y - org.y) });
  const stakeholders = map.stakeholders.map((s) => ({ id: s.id, position: shift(at.get(s.id) ?? org) }));
  const laid = { ...map, organization: { ...map.organization, position: anchor }, stakeholders: map.stakeholders.map((s, i) => ({ ...s, position: stakeholders[i]!.position })) };
  const rect = boundaryRect(laid);
  return {
    organization: anchor,
    stakeholders: stakeholders.map(({ id, position }, i) => {
      const clash = map.stakeholders[i]!.side === 'external' && position.x < rect.x + rect.width && position.x + NODE_SIZE.width > rect.x && position.y < rect.y + rect.height && position.y + NODE_SIZE.height > rect.y;
      return { id, position: clash ? { x: rect.x + rect.width + GAPS.clearance, y: position.y } : position };
    }),
  };
}
