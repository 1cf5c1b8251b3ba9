import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { boundaryRect, isInside, NODE_SIZE, parseMap, type StakeMap } from '../../src/domain';
import { fromElkGraph, laneOf, LANES, toElkGraph } from '../../src/layout/lanes';
import { applyLayout } from '../../src/layout/run';

const dir = 'test/fixtures/scenarios';
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.stakemap.json'))
  .map((f) => {
    const parsed = parseMap(readFileSync(`${dir}/${f}`, 'utf8'));
    if (!parsed.ok) throw new Error(f);
    return [f, parsed.map] as const;
  });

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
    const placed = laid.stakeholders.map((s) => s.position!);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const apart = Math.abs(a.x - b.x) >= NODE_SIZE.width || Math.abs(a.y - b.y) >= NODE_SIZE.height;
        expect(apart, `${laid.stakeholders[i]!.id} overlaps ${laid.stakeholders[j]!.id}`).toBe(true);
      }
    }
    const lanes = laneOf(laid);
    const xOf = (lane: string) => laid.stakeholders.filter((s) => lanes.get(s.id) === lane).map((s) => s.position!.x);
    for (let i = 1; i < LANES.length; i++) {
      const before = xOf(LANES[i - 1]!);
      const after = xOf(LANES[i]!);
      if (before.length && after.length) expect(Math.max(...before)).toBeLessThan(Math.min(...after));
    }
  });

  it('keeps internal stakeholders inside the organization and external ones outside', async () => {
    const laid = await layOut(brightfoods());
    const rect = boundaryRect(laid);
    for (const s of laid.stakeholders) expect(isInside(s.position!, rect), s.id).toBe(s.side === 'internal');
  });

  it.each(scenarios.filter(([, m]) => m.stakeholders.length > 0))('keeps every external node of %s clear of the boundary', async (_, map) => {
    const laid = await layOut(map);
    const rect = boundaryRect(laid);
    for (const s of laid.stakeholders.filter((x) => x.side === 'external')) {
      const p = s.position!;
      const overlaps = p.x < rect.x + rect.width && p.x + NODE_SIZE.width > rect.x && p.y < rect.y + rect.height && p.y + NODE_SIZE.height > rect.y;
      expect(overlaps, s.id).toBe(false);
    }
  });

  it('keeps the organization where it was', async () => {
    const map = { ...brightfoods(), organization: { name: 'Brightfoods', position: { x: 500, y: -200 } } };
    const laid = await layOut(map);
    expect(laid.organization.position).toEqual({ x: 500, y: -200 });
  });
});
