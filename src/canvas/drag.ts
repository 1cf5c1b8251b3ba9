// Turns React Flow's position changes during a drag into a map, always
// measured from the map as it was when the drag began.
import type { NodeChange } from '@xyflow/react';
import { boundaryRect, moveOrganization, moveStakeholders, ORG_ID, orgPosition, type Position, type StakeMap } from '../domain';
import { BOUNDARY_ID, type CanvasNode } from './adapter';

export function applyDrag(map: StakeMap, base: StakeMap, changes: NodeChange<CanvasNode>[]): StakeMap {
  let next = map;
  const moves: { id: string; position: Position }[] = [];
  for (const c of changes) {
    if (c.type !== 'position' || !c.position) continue;
    if (c.id === BOUNDARY_ID) {
      const from = boundaryRect(base);
      next = translateOrganization(next, base, { x: c.position.x - from.x, y: c.position.y - from.y });
    } else if (c.id === ORG_ID) {
      next = moveOrganization(next, round(c.position));
    } else {
      moves.push({ id: c.id, position: round(c.position) });
    }
  }
  return moves.length > 0 ? moveStakeholders(next, moves) : next;
}

/** Moving the boundary moves the organization and everyone inside it. */
export function translateOrganization(map: StakeMap, base: StakeMap, delta: Position): StakeMap {
  const org = orgPosition(base);
  const moved = moveOrganization(map, round({ x: org.x + delta.x, y: org.y + delta.y }));
  const moves = base.stakeholders
    .filter((s) => s.side === 'internal' && s.position)
    .map((s) => ({ id: s.id, position: round({ x: s.position!.x + delta.x, y: s.position!.y + delta.y }) }));
  return moveStakeholders(moved, moves);
}

function round(p: Position): Position {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
