// Relations as the canvas draws them zoomed far out (src/canvas/view.ts):
// straight lines between node centres, a few hundred SVG paths instead of
// thousands of React Flow edges that nobody can read or aim at from there.
// Lines are grouped by kind and by the squares of the map their two ends
// fall in: Chromium's software rasterizer walks every segment of a path for
// each tile the path's box reaches, so 2,000 lines in one path per kind cost
// ~30 ms a frame while zooming, and small local groups a fraction of that.
// Pure, so it is tested without a browser.
import { NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Kind, type Position, type Relation, type StakeMap } from '../domain';

export interface FarLines {
  readonly kind: Kind;
  /** Selected relations and a finding's evidence, drawn thicker on top. */
  readonly emphasis: boolean;
  /** x1, y1, x2, y2 of each line, in flow coordinates. */
  readonly coords: readonly number[];
}

/** Side of the squares lines are grouped by, in flow px. */
export const FAR_CELL = 1200;

/** The lines of the relations `include` accepts (all by default), in groups; emphasised groups last. */
export function farLines(map: StakeMap, emphasised: ReadonlySet<string>, include: (r: Relation) => boolean = () => true): FarLines[] {
  const centres = new Map<string, Position>();
  const org = orgPosition(map);
  centres.set(ORG_ID, { x: org.x + ORG_SIZE.width / 2, y: org.y + ORG_SIZE.height / 2 });
  for (const s of map.stakeholders) {
    if (s.position) centres.set(s.id, { x: s.position.x + NODE_SIZE.width / 2, y: s.position.y + NODE_SIZE.height / 2 });
  }
  const cell = (p: Position): string => `${Math.floor(p.x / FAR_CELL)},${Math.floor(p.y / FAR_CELL)}`;
  const groups = new Map<string, { kind: Kind; emphasis: boolean; coords: number[] }>();
  for (const r of map.relations) {
    if (!include(r)) continue;
    const a = centres.get(r.from);
    const b = centres.get(r.to);
    if (!a || !b) continue;
    const emphasis = emphasised.has(r.id);
    const ends = [cell(a), cell(b)].sort().join('|');
    const key = `${r.kind}${emphasis ? '!' : ''}|${ends}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: r.kind, emphasis, coords: [] }));
    group.coords.push(a.x, a.y, b.x, b.y);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => !g.emphasis), ...all.filter((g) => g.emphasis)];
}

/** An SVG path of the lines. */
export function pathOf(coords: readonly number[]): string {
  let d = '';
  for (let i = 0; i + 3 < coords.length; i += 4) d += `M${coords[i]} ${coords[i + 1]}L${coords[i + 2]} ${coords[i + 3]}`;
  return d;
}

/** The zoom rounded to steps of about 19% (a quarter of a doubling). */
export function zoomStep(zoom: number): number {
  return 2 ** (Math.round(Math.log2(zoom) * 4) / 4);
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
