// Every way a map enters the library (blank, example, guided start, import)
// ends here: lay it out if it has no positions, store it, open it.
import { placeMissing, type StakeMap } from '../domain';
import { repository } from './session';
import { navigate } from './router';

export async function layOutIfNeeded(map: StakeMap): Promise<StakeMap> {
  return map.stakeholders.every((s) => s.position) ? map : layOutLanes(map, placeMissing(map));
}

/** The lanes layout, or `fallback` when it cannot run. */
export async function layOutLanes(map: StakeMap, fallback: StakeMap): Promise<StakeMap> {
  try {
    const { computeLanes, applyLayout } = await import('../layout/run');
    const placedOrg = map.organization.position ? map : { ...map, organization: { ...map.organization, position: { x: 0, y: 0 } } };
    return applyLayout(placedOrg, await computeLanes(placedOrg));
  } catch {
    return fallback; // a simple placement beats no map
  }
}

export async function createAndOpen(map: StakeMap): Promise<string> {
  const id = await repository().create(await layOutIfNeeded(map));
  navigate({ view: 'map', id });
  return id;
}
