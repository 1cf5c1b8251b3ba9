// Relations as the canvas draws them zoomed far out (src/canvas/view.ts):
// straight lines between node centres, one SVG path per kind, instead of
// thousands of React Flow edges that nobody can read or aim at from there.
// Pure, so it is tested without a browser.
import { KINDS, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Kind, type Position, type Relation, type StakeMap } from '../domain';

export interface FarPath {
  readonly kind: Kind;
  /** Selected relations and a finding's evidence, drawn thicker on top. */
  readonly emphasis: boolean;
  readonly d: string;
}

/** The paths of the relations `include` accepts (all by default), per kind, emphasised ones last. */
export function farEdgePaths(map: StakeMap, emphasised: ReadonlySet<string>, include: (r: Relation) => boolean = () => true): FarPath[] {
  const centres = new Map<string, Position>();
  const org = orgPosition(map);
  centres.set(ORG_ID, { x: org.x + ORG_SIZE.width / 2, y: org.y + ORG_SIZE.height / 2 });
  for (const s of map.stakeholders) {
    if (s.position) centres.set(s.id, { x: s.position.x + NODE_SIZE.width / 2, y: s.position.y + NODE_SIZE.height / 2 });
  }
  const parts = new Map<string, string[]>();
  for (const r of map.relations) {
    if (!include(r)) continue;
    const a = centres.get(r.from);
    const b = centres.get(r.to);
    if (!a || !b) continue;
    const key = `${r.kind}${emphasised.has(r.id) ? '!' : ''}`;
    let list = parts.get(key);
    if (!list) parts.set(key, (list = []));
    list.push(`M${a.x} ${a.y}L${b.x} ${b.y}`);
  }
  const paths: FarPath[] = [];
  for (const emphasis of [false, true]) {
    for (const kind of KINDS) {
      const list = parts.get(`${kind}${emphasis ? '!' : ''}`);
      if (list) paths.push({ kind, emphasis, d: list.join('') });
    }
  }
  return paths;
}

/**
 * The ids that moved between `base` (the map when a drag began) and `map`:
 * stakeholders whose object changed, and the organization if it moved. Empty
 * when the two maps do not line up (stakeholders added or removed).
 */
export function movedIds(base: StakeMap, map: StakeMap): Set<string> {
  const moved = new Set<string>();
  if (base === map || base.stakeholders.length !== map.stakeholders.length) return moved;
  for (let i = 0; i < map.stakeholders.length; i++) {
    if (base.stakeholders[i] !== map.stakeholders[i]) moved.add(map.stakeholders[i]!.id);
  }
  const a = orgPosition(base);
  const b = orgPosition(map);
  if (a.x !== b.x || a.y !== b.y) moved.add(ORG_ID);
  return moved;
}

/** A key naming a set of ids, the same for the same set. */
export function idsKey(ids: ReadonlySet<string>): string {
  return [...ids].sort().join('\u0000');
}
