import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { boundaryRect, isInside, type StakeMap } from '../../src/domain';
import { fromElkGraph, laneOf, toElkGraph } from '../../src/layout/lanes';
import { applyLayout } from '../../src/layout/run';
import { expectLanesInOrder, expectNoOverlap, expectSidesKept, scenarios } from './layoutChecks';

async function layOut(map: StakeMap): Promise<StakeMap> {
  const result = await new ELK().layout(toElkGraph(map));
  return applyLayout(map, fromElkGraph(map, result));
}

function brightfoods(): StakeMap {
  return scenarios.find(([f]) => f.startsWith('brightfoods'))![1];
}

describe('lanes', () => {
  it('puts each stakeholder in its lane of the value chain', () => {
    const lanes = laneOf(brightfoods());
    expect(lanes.get('trade-marketing')).toBe('organization');
    expect(lanes.get('oat-farm')).toBe('suppliers');
    expect(lanes.get('distributor')).toBe('channels');
    expect(lanes.get('grocers')).toBe('channels');
    expect(lanes.get('shoppers')).toBe('customers');
  });

  it('puts the customers of a client in the last lane', () => {
    const reliance = scenarios.find(([f]) => f.startsWith('reliance'))![1];
    const served = reliance.relations.filter((r) => r.kind === 'serves').map((r) => r.to);
    expect(served.length).toBeGreaterThan(0);
    for (const id of served) expect(laneOf(reliance).get(id)).toBe('customers-customers');
  });

  it.each(scenarios.filter(([, m]) => m.stakeholders.length > 0))('lays out %s with no two nodes overlapping, lanes in order', async (_, map) => {
    const laid = await layOut(map);
    expectNoOverlap(laid);
    expectLanesInOrder(laid);
  });

  it('keeps internal stakeholders inside the organization and external ones outside', async () => {
    const laid = await layOut(brightfoods());
    const rect = boundaryRect(laid);
    for (const s of laid.stakeholders) expect(isInside(s.position!, rect), s.id).toBe(s.side === 'internal');
  });

  it.each(scenarios.filter(([, m]) => m.stakeholders.length > 0))('keeps the sides of %s: internal inside, external clear of the boundary', async (_, map) => {
    expectSidesKept(await layOut(map));
  });

  it('keeps the organization where it was', async () => {
    const map = { ...brightfoods(), organization: { name: 'Brightfoods', position: { x: 500, y: -200 } } };
    const laid = await layOut(map);
    expect(laid.organization.position).toEqual({ x: 500, y: -200 });
  });
});
