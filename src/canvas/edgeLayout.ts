// The editor's relations as src/diagram/edges.ts lays them out (the same
// routes and labels as every export), worked out from the map once per
// change and handed to each edge through a small store, so that an edge
// re-renders only when its own route or label changed. While cards are
// dragged, only their relations are worked out again on each frame; a drop
// works out everything. Renaming or relabelling a stakeholder moves nothing,
// so it works out nothing.
import { createContext, useContext, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { layoutEdges, type EdgeLayout } from '../drawing/edges';
import { orgPosition, type Rect, type Relation, type StakeMap } from '../domain';
import { movedIds } from './moved';
import { KIND_STYLE } from '../drawing/theme';

/** Above this many stakeholders, relations are drawn straight (working out every route would slow each edit). */
export const AVOID_UP_TO = 150;

const text = (r: Relation) => KIND_STYLE[r.kind].verb;

export class EdgeLayoutStore {
  private layouts: ReadonlyMap<string, EdgeLayout> = new Map();
  /** The last full layout worked out, and the map it is for: reused while the geometry is the same. */
  private settled: { map: StakeMap; edges: ReadonlyMap<string, EdgeLayout> } | null = null;

  settledFor(map: StakeMap): ReadonlyMap<string, EdgeLayout> | null {
    const last = this.settled;
    return last && sameGeometry(last.map, map) ? last.edges : null;
  }

  /** Every relation laid out for `map`: the last layout when the geometry is the same, else worked out now. */
  fullLayout(map: StakeMap): ReadonlyMap<string, EdgeLayout> {
    const known = this.settledFor(map);
    if (known) return known;
    const edges = byId(layoutEdges(map, { text, avoid: map.stakeholders.length <= AVOID_UP_TO }));
    this.settle(map, edges);
    return edges;
  }

  settle(map: StakeMap, edges: ReadonlyMap<string, EdgeLayout>): void {
    this.settled = { map, edges };
    this.box = null;
  }

  private box: { map: StakeMap; rect: Rect | null } | null = null;

  /**
   * The box around every relation's route and label as last laid out for this
   * map (null when none is): a route can leave the cards' box (around the
   * organization's boundary), and a fitted view must keep its label on screen.
   */
  edgeBounds(map: StakeMap): Rect | null {
    if (this.box?.map === map) return this.box.rect;
    const edges = map.stakeholders.length <= AVOID_UP_TO ? this.fullLayout(map) : this.settledFor(map);
    let rect: Rect | null = null;
    if (edges && edges.size > 0) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const { route, label } of edges.values()) {
        for (const p of [...route, label, { x: label.x + label.width, y: label.y + label.height }]) {
          [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
        }
      }
      if (Number.isFinite(x0) && Number.isFinite(y1)) rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    }
    this.box = { map, rect };
    return rect;
  }
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): EdgeLayout | undefined {
    return this.layouts.get(id);
  }

  set(next: ReadonlyMap<string, EdgeLayout>): void {
    if (next === this.layouts) return;
    this.layouts = next;
    for (const l of this.listeners) l();
  }
}

/** The canvas's store (a default for edges drawn outside one, as in tests). */
export const EdgeLayoutContext = createContext<EdgeLayoutStore>(new EdgeLayoutStore());

/** Whether two maps put every card and relation in the same place (names and labels aside). */
function sameGeometry(a: StakeMap, b: StakeMap): boolean {
  if (a === b) return true;
  if (a.relations !== b.relations || a.stakeholders.length !== b.stakeholders.length || a.organization.name !== b.organization.name) return false;
  const oa = orgPosition(a);
  const ob = orgPosition(b);
  if (oa.x !== ob.x || oa.y !== ob.y) return false;
  for (let i = 0; i < a.stakeholders.length; i++) {
    const s = a.stakeholders[i]!;
    const t = b.stakeholders[i]!;
    if (s === t) continue;
    if (s.id !== t.id || s.position?.x !== t.position?.x || s.position?.y !== t.position?.y) return false;
  }
  return true;
}

function byId(edges: readonly EdgeLayout[]): ReadonlyMap<string, EdgeLayout> {
  return new Map(edges.map((e) => [e.relation.id, e]));
}

const NO_LAYOUTS: ReadonlyMap<string, EdgeLayout> = new Map();

/** The map with only the relations in `only`; the same relations array while map.relations and `only` are the same. */
const restricted = new WeakMap<readonly Relation[], { only: ReadonlySet<string>; relations: readonly Relation[] }>();
function restrict(map: StakeMap, only: ReadonlySet<string> | null): StakeMap {
  if (!only) return map;
  let entry = restricted.get(map.relations);
  if (entry?.only !== only) {
    entry = { only, relations: map.relations.filter((r) => only.has(r.id)) };
    restricted.set(map.relations, entry);
  }
  return { ...map, relations: entry.relations };
}

/**
 * Works out the layout of `map` (`base`: the map as a drag began) and hands
 * it to `store`; `only`: just these relations (the region of a large map
 * React Flow draws, region.ts: on a map that large lines are straight, and
 * each is laid out on its own, so a part is laid out as it would be in the whole).
 */
export function useEdgeLayouts(store: EdgeLayoutStore, map: StakeMap, base: StakeMap | null, only: ReadonlySet<string> | null = null): void {
  const layouts = useMemo(() => {
    const avoid = map.stakeholders.length <= AVOID_UP_TO;
    const part = restrict(map, avoid ? null : only);
    if (part.relations.length === 0) return NO_LAYOUTS;
    if (!base || base === map) return store.fullLayout(part);
    const before = store.fullLayout(restrict(base, avoid ? null : only));
    const moved = movedIds(base, map);
    if (moved.size === 0) return before;
    return byId(layoutEdges(part, { text, avoid, previous: { edges: before, moved } }));
  }, [store, map, base, only]);
  useLayoutEffect(() => store.set(layouts), [store, layouts]);
}

/** One relation's route and label, re-rendering only when they change. */
export function useEdgeLayout(id: string): EdgeLayout | undefined {
  const edges = useContext(EdgeLayoutContext);
  return useSyncExternalStore(edges.subscribe, () => edges.get(id));
}
