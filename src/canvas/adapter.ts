// The map projected onto React Flow: nodes and edges are derived, never stored.
// Node objects are reused while their inputs are unchanged, so React Flow keeps
// their measurements and memoized nodes do not re-render.
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { boundaryRect, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, relationshipBadge, type Kind, type Label, type Relation, type RelationshipBadge, type StakeMap, type Stakeholder } from '../domain';
import type { Selection } from '../store';
import { KIND_STYLE } from '../drawing/theme';

export const BOUNDARY_ID = 'boundary:us';

/**
 * Where StakeholderNode's handles sit (styles.css: a 2 px border, 12 px
 * dots centred on each side, and the body target filling the inside). Given
 * up front, React Flow need not render and measure every node of the map
 * once before it can leave out those outside the view: with 1,000
 * stakeholders that first render took most of a second. Together with the
 * known size as `measured`, a node that mounts has nothing to measure.
 */
function handlesFor(size: { width: number; height: number }): NodeHandle[] {
  const border = 2;
  const dot = 12;
  const cx = size.width / 2;
  const cy = size.height / 2;
  return [
    { id: Position.Top, type: 'source', position: Position.Top, x: cx - dot / 2, y: border - dot / 2, width: dot, height: dot },
    { id: Position.Right, type: 'source', position: Position.Right, x: size.width - border - dot / 2, y: cy - dot / 2, width: dot, height: dot },
    { id: Position.Bottom, type: 'source', position: Position.Bottom, x: cx - dot / 2, y: size.height - border - dot / 2, width: dot, height: dot },
    { id: Position.Left, type: 'source', position: Position.Left, x: border - dot / 2, y: cy - dot / 2, width: dot, height: dot },
    { id: 'body', type: 'target', position: Position.Top, x: border, y: border, width: size.width - 2 * border, height: size.height - 2 * border },
  ];
}

export const STAKEHOLDER_HANDLES = handlesFor(NODE_SIZE);
export const ORGANIZATION_HANDLES = handlesFor(ORG_SIZE);

/** One marker object per kind, shared by its edges. */
const MARKERS = Object.fromEntries(
  Object.entries(KIND_STYLE).map(([kind, style]) => [kind, { type: MarkerType.ArrowClosed, color: style.color, width: 16, height: 16 }]),
) as Record<Kind, { type: MarkerType; color: string; width: number; height: number }>;
const PARALLEL_GAP = 34;

export interface NodeFlag {
  readonly severity: 'error' | 'warning' | 'info';
  readonly count: number;
}

/**
 * `shownLabel` differs from the stakeholder's own in presentation's "after"
 * view; `badge` is the depth and value to show on the card (the view option
 * on, and the stakeholder has them), else null.
 */
export type StakeholderNodeData = { stakeholder: Stakeholder; flag: NodeFlag | null; shownLabel: Label; badge: RelationshipBadge | null };
export type OrganizationNodeData = { name: string };
export type BoundaryNodeData = { name: string; width: number; height: number };
export type RelationEdgeData = { relation: Relation; offset: number; highlighted: boolean };

export type StakeholderNode = Node<StakeholderNodeData, 'stakeholder'>;
export type OrganizationNode = Node<OrganizationNodeData, 'organization'>;
export type BoundaryNode = Node<BoundaryNodeData, 'boundary'>;
export type CanvasNode = StakeholderNode | OrganizationNode | BoundaryNode;
export type RelationEdge = Edge<RelationEdgeData, 'relation'>;

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

interface CacheEntry {
  stakeholder: Stakeholder;
  selected: boolean;
  flag: NodeFlag | null;
  shownLabel: Label;
  measured: { width: number; height: number } | undefined;
  /** The badge's words, compared as text: a new badge object each time is no change. */
  badgeKey: string;
  node: StakeholderNode;
}

/** Builds nodes, reusing each node object whose inputs did not change. */
export function createNodeProjector() {
  let cache = new Map<string, CacheEntry>();
  return function project(
    map: StakeMap,
    selection: Selection,
    measured: Measured,
    flags: ReadonlyMap<string, NodeFlag>,
    frozenBoundary: ReturnType<typeof boundaryRect> | null,
    overrides: ReadonlyMap<string, Label>,
    /** Zoomed far out (view.ts): FarCanvas draws the stakeholders, React Flow gets the organization and its boundary. */
    far = false,
    /** Cards show their depth and yearly value (badges.ts). */
    badges = false,
    /** Only these stakeholders (region.ts); null: all. */
    shown: ReadonlySet<string> | null = null,
  ): CanvasNode[] {
    const selected = new Set(selection.stakeholders);
    const next = new Map<string, CacheEntry>();
    const rect = frozenBoundary ?? boundaryRect(map);
    const boundary: BoundaryNode = {
      id: BOUNDARY_ID,
      type: 'boundary',
      position: { x: rect.x, y: rect.y },
      data: { name: map.organization.name, width: rect.width, height: rect.height },
      width: rect.width,
      height: rect.height,
      selectable: false,
      connectable: false,
      focusable: false,
      dragHandle: '.boundary-handle',
      zIndex: -1,
      measured: { width: rect.width, height: rect.height },
    };
    // Far out, FarCanvas draws the boundary too: a DOM element the height of a
    // map of thousands, drawn again at every step of a zoom, cost more than the map.
    const nodes: CanvasNode[] = [
      ...(far ? [] : [boundary]),
      {
        id: ORG_ID,
        type: 'organization',
        position: orgPosition(map),
        data: { name: map.organization.name },
        selected: selection.organization,
        width: ORG_SIZE.width,
        height: ORG_SIZE.height,
        handles: ORGANIZATION_HANDLES,
        deletable: false,
        ariaLabel: `${map.organization.name} (us)`,
        measured: measured.get(ORG_ID) ?? ORG_SIZE,
      },
    ];
    for (const s of map.stakeholders) {
      if (far || (shown && !shown.has(s.id))) continue;
      const isSelected = selected.has(s.id);
      const flag = flags.get(s.id) ?? null;
      const size = measured.get(s.id);
      const shownLabel = overrides.get(s.id) ?? s.label;
      const old = cache.get(s.id);
      let entry = old;
      const badge = badges ? relationshipBadge(s, map.currency) : null;
      const badgeKey = badge ? `${badge.text}\n${badge.title}` : '';
      const stale = !old || old.stakeholder !== s || old.selected !== isSelected || old.flag !== flag || old.measured !== size || old.shownLabel !== shownLabel || old.badgeKey !== badgeKey;
      if (stale) {
        entry = {
          stakeholder: s,
          selected: isSelected,
          flag,
          shownLabel,
          measured: size,
          badgeKey,
          node: {
            id: s.id,
            type: 'stakeholder',
            position: s.position ?? { x: 0, y: 0 },
            data: { stakeholder: s, flag, shownLabel, badge },
            selected: isSelected,
            width: NODE_SIZE.width,
            height: NODE_SIZE.height,
            handles: STAKEHOLDER_HANDLES,
            ariaLabel: `${s.name}, ${shownLabel}, ${s.side}`,
            measured: size ?? NODE_SIZE,
          },
        };
      }
      next.set(s.id, entry!);
      nodes.push(entry!.node);
    }
    cache = next;
    return nodes;
  };
}

interface EdgeCacheEntry {
  relation: Relation;
  offset: number;
  selected: boolean;
  highlighted: boolean;
  ariaLabel: string;
  edge: RelationEdge;
}

/**
 * Builds edges like projectEdges, reusing each edge object whose inputs did
 * not change (so memoized edges do not re-render), and the whole array when
 * none did: a drag changes positions only, and edges follow their nodes
 * inside React Flow without a new array.
 */
export function createEdgeProjector() {
  let cache = new Map<string, EdgeCacheEntry>();
  let last: RelationEdge[] = [];
  let inputs: { map: StakeMap; selection: Selection; highlighted: ReadonlySet<string>; shown: ReadonlySet<string> | null } | null = null;
  /** `shown`: only these relations (region.ts); null: all. */
  return function project(map: StakeMap, selection: Selection, highlighted: ReadonlySet<string>, shown: ReadonlySet<string> | null = null): RelationEdge[] {
    const before = inputs;
    inputs = { map, selection, highlighted, shown };
    // The usual case during a drag: only positions changed.
    if (
      before &&
      before.map.relations === map.relations &&
      before.selection === selection &&
      before.highlighted === highlighted &&
      before.shown === shown &&
      before.map.organization.name === map.organization.name &&
      sameNames(before.map.stakeholders, map.stakeholders)
    ) {
      return last;
    }
    const next = new Map<string, EdgeCacheEntry>();
    const relations = shown ? map.relations.filter((r) => shown.has(r.id)) : map.relations;
    let changed = cache.size !== relations.length;
    const edges = projectEdges(relations === map.relations ? map : { ...map, relations }, selection, highlighted, (edge) => {
      const data = edge.data!;
      const old = cache.get(edge.id);
      const ariaLabel = edge.ariaLabel ?? '';
      if (
        old &&
        old.relation === data.relation &&
        old.offset === data.offset &&
        old.selected === edge.selected &&
        old.highlighted === data.highlighted &&
        old.ariaLabel === ariaLabel
      ) {
        next.set(edge.id, old);
        return old.edge;
      }
      changed = true;
      next.set(edge.id, { relation: data.relation, offset: data.offset, selected: edge.selected ?? false, highlighted: data.highlighted, ariaLabel, edge });
      return edge;
    });
    cache = next;
    if (!changed && edges.length === last.length && edges.every((e, i) => e === last[i])) return last;
    last = edges;
    return edges;
  };
}

function sameNames(a: readonly Stakeholder[], b: readonly Stakeholder[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i]!.id !== b[i]!.id || a[i]!.name !== b[i]!.name)) return false;
  return true;
}

/** Relations as edges; parallel relations between one pair fan out. */
export function projectEdges(
  map: StakeMap,
  selection: Selection,
  highlighted: ReadonlySet<string>,
  reuse: (edge: RelationEdge) => RelationEdge = (edge) => edge,
): RelationEdge[] {
  const pairs = new Map<string, Relation[]>();
  for (const r of map.relations) {
    const key = r.from < r.to ? `${r.from}|${r.to}` : `${r.to}|${r.from}`;
    const list = pairs.get(key);
    if (list) list.push(r);
    else pairs.set(key, [r]);
  }
  const selected = new Set(selection.relations);
  const names = new Map<string, string>([[ORG_ID, map.organization.name]]);
  for (const s of map.stakeholders) names.set(s.id, s.name);
  const edges: RelationEdge[] = [];
  for (const list of pairs.values()) {
    list.forEach((r, i) => {
      // Offsets are measured along the pair's canonical direction (lower id first).
      const canonical = (i - (list.length - 1) / 2) * PARALLEL_GAP;
      const offset = r.from < r.to ? canonical : -canonical;
      edges.push(
        reuse({
          id: r.id,
          type: 'relation',
          source: r.from,
          target: r.to,
          selected: selected.has(r.id),
          markerEnd: MARKERS[r.kind],
          data: { relation: r, offset, highlighted: highlighted.has(r.id) },
          ariaLabel: `${names.get(r.from)} ${KIND_STYLE[r.kind].verb} ${names.get(r.to)}`,
        }),
      );
    });
  }
  return edges;
}
