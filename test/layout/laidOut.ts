// The examples as the app opens them: laid out in lanes (the examples carry
// no positions). Shared by the placement, routing and label tests.
import { readFileSync, readdirSync } from 'node:fs';
import type { StakeMap } from '../../src/domain';
import { parseMap } from '../../src/domain/format';
import { LAYOUT_SCREEN } from '../../src/layout/fit';
import { gridLanes } from '../../src/layout/grid';
import { fromLaneLayout, toLaneGraph } from '../../src/layout/lanes';
import { applyLayout } from '../../src/layout/run';

const dir = 'test/fixtures/scenarios';

/** Every shared scenario, by file name. */
export const scenarios: readonly (readonly [string, StakeMap])[] = readdirSync(dir)
  .filter((f) => f.endsWith('.stakemap.json'))
  .sort()
  .map((f) => {
    const parsed = parseMap(readFileSync(`${dir}/${f}`, 'utf8'));
    if (!parsed.ok) throw new Error(f);
    return [f, parsed.map] as const;
  });

export function layOut(map: StakeMap): StakeMap {
  const placed = map.organization.position ? map : { ...map, organization: { ...map.organization, position: { x: 0, y: 0 } } };
  return applyLayout(placed, fromLaneLayout(placed, gridLanes(toLaneGraph(placed), LAYOUT_SCREEN)));
}

/** Every example with stakeholders, laid out, by file name. */
export const laidOutExamples: readonly (readonly [string, StakeMap])[] = scenarios
  .filter(([, m]) => m.stakeholders.length > 0)
  .map(([name, m]) => [name.replace('.stakemap.json', ''), layOut(m)] as const);
