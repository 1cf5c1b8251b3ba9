// Adding a stakeholder always adds one, at a position the canvas can draw:
// even when the view cannot say where its centre is, or points past the edge.
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain';
import { useStakemap } from '../../src/store';
import { useHealth, INITIAL_HEALTH } from '../../src/services/health';
import { addStakeholderAt, connectStakeholders, duplicateSelection, run } from '../../src/commands';
import { currentNotice } from '../../src/services/exportControl';
import { generateMap } from '../../src/domain/generate';
import { sampleMap } from '../persistence/helpers';

const added = () => useStakemap.getState().map!.stakeholders.at(-1)!;

describe('addStakeholderAt', () => {
  beforeEach(() => {
    useHealth.setState({ ...INITIAL_HEALTH });
    useStakemap.getState().openDocument('m1', sampleMap('Add', 2));
    useStakemap.setState({ overlay: 'none', presenting: false });
  });

  it('adds beside the organization when the view centre is not a number', () => {
    const id = run(addStakeholderAt, { x: NaN, y: NaN }, 'customer', false);
    expect(id).toBeTruthy();
    expect(useStakemap.getState().map!.stakeholders).toHaveLength(3);
    const p = added().position!;
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(Math.abs(p.x) + Math.abs(p.y)).toBeLessThan(2_000);
    expect(added().side).toBe('external');
  });

  it('stops at the edge of the drawable range', () => {
    run(addStakeholderAt, { x: 5e6, y: -5e6 }, 'other');
    expect(added().position).toEqual({ x: LIMITS.coordinate, y: -LIMITS.coordinate });
  });
});

describe('at the format’s limits', () => {
  beforeEach(() => {
    useStakemap.setState({ overlay: 'none', presenting: false });
  });

  it('adding to a map of 5,000 stakeholders adds nothing and says why', () => {
    useStakemap.getState().openDocument('full', generateMap({ stakeholders: LIMITS.stakeholders, relations: 10, seed: 1 }));
    expect(run(addStakeholderAt, { x: 0, y: 0 }, 'customer')).toBeNull();
    expect(useStakemap.getState().map!.stakeholders).toHaveLength(LIMITS.stakeholders);
    expect(currentNotice()).toMatchObject({ tone: 'error', text: expect.stringMatching(/has 5,000 stakeholders, the most a map can hold/) as string });
  });

  it('duplicating past 5,000 copies nothing and says why', () => {
    const map = generateMap({ stakeholders: LIMITS.stakeholders - 1, relations: 10, seed: 1 });
    useStakemap.getState().openDocument('nearly', map);
    useStakemap.getState().select({ stakeholders: map.stakeholders.slice(0, 2).map((s) => s.id) });
    run(duplicateSelection);
    expect(useStakemap.getState().map!.stakeholders).toHaveLength(LIMITS.stakeholders - 1);
    expect(currentNotice()?.text).toMatch(/past 5,000 stakeholders/);
  });

  it('connecting on a map of 20,000 relations draws nothing and says why', () => {
    const map = generateMap({ stakeholders: 200, relations: LIMITS.relations, seed: 1 });
    expect(map.relations).toHaveLength(LIMITS.relations);
    useStakemap.getState().openDocument('wired', map);
    expect(run(connectStakeholders, map.stakeholders[0]!.id, map.stakeholders[1]!.id)).toBeNull();
    expect(useStakemap.getState().map!.relations).toHaveLength(LIMITS.relations);
    expect(currentNotice()?.text).toMatch(/has 20,000 relations, the most a map can hold/);
  });
});
