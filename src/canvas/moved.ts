// Which cards a drag has moved so far: only their relations are laid out
// again on each frame of it (edgeLayout.ts). Pure.
import { ORG_ID, orgPosition, type StakeMap } from '../domain';

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
