// What every lanes layout must give, whichever engine made it (ELK or
// fastLanes): shared by lanes.test.ts and fastLanes.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { boundaryRect, isInside, NODE_SIZE, type StakeMap } from '../../src/domain';
import { parseMap } from '../../src/domain/format';
import { laneOf, LANES } from '../../src/layout/lanes';

const dir = 'test/fixtures/scenarios';

/** Every shared scenario, by file name. */
export const scenarios: readonly (readonly [string, StakeMap])[] = readdirSync(dir)
  .filter((f) => f.endsWith('.stakemap.json'))
  .map((f) => {
    const parsed = parseMap(readFileSync(`${dir}/${f}`, 'utf8'));
    if (!parsed.ok) throw new Error(f);
    return [f, parsed.map] as const;
  });

export function expectNoOverlap(laid: StakeMap): void {
  const placed = laid.stakeholders.map((s) => s.position!);
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]!;
      const b = placed[j]!;
      if (Math.abs(a.x - b.x) < NODE_SIZE.width && Math.abs(a.y - b.y) < NODE_SIZE.height) {
        expect.fail(`${laid.stakeholders[i]!.id} overlaps ${laid.stakeholders[j]!.id}`);
      }
    }
  }
}

/** Each lane entirely left of the next. */
export function expectLanesInOrder(laid: StakeMap): void {
  const lanes = laneOf(laid);
  const xOf = (lane: string) => laid.stakeholders.filter((s) => lanes.get(s.id) === lane).map((s) => s.position!.x);
  for (let i = 1; i < LANES.length; i++) {
    const before = xOf(LANES[i - 1]!);
    const after = xOf(LANES[i]!);
    if (before.length && after.length) expect(Math.max(...before)).toBeLessThan(Math.min(...after));
  }
}

/** Internal stakeholders inside the organization's boundary, external ones clear of it. */
export function expectSidesKept(laid: StakeMap): void {
  const rect = boundaryRect(laid);
  for (const s of laid.stakeholders) {
    const p = s.position!;
    if (s.side === 'internal') expect(isInside(p, rect), s.id).toBe(true);
    else expect(p.x < rect.x + rect.width && p.x + NODE_SIZE.width > rect.x && p.y < rect.y + rect.height && p.y + NODE_SIZE.height > rect.y, s.id).toBe(false);
  }
}
