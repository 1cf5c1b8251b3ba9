// What every lanes layout must give: shared by the layout tests.
import { expect } from 'vitest';
import { boundaryRect, isInside, NODE_SIZE, type StakeMap } from '../../src/domain';
import { laneOf, LANES } from '../../src/layout/lanes';

export { scenarios } from './laidOut';

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

/** Lanes in reading order: each lane entirely left of the next, or the next in a band below. */
export function expectLanesInOrder(laid: StakeMap): void {
  const lanes = laneOf(laid);
  const of = (lane: string) => laid.stakeholders.filter((s) => lanes.get(s.id) === lane).map((s) => s.position!);
  const used = LANES.map(of).filter((ps) => ps.length > 0);
  for (let i = 1; i < used.length; i++) {
    const before = used[i - 1]!;
    const after = used[i]!;
    const leftOf = Math.max(...before.map((p) => p.x)) < Math.min(...after.map((p) => p.x));
    const above = Math.max(...before.map((p) => p.y)) < Math.min(...after.map((p) => p.y));
    expect(leftOf || above, `${LANES[i]} follows the lane before it`).toBe(true);
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
