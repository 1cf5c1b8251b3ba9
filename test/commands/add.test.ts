// Adding a stakeholder always adds one, at a position the canvas can draw:
// even when the view cannot say where its centre is, or points past the edge.
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain';
import { useStakemap } from '../../src/store';
import { useHealth, INITIAL_HEALTH } from '../../src/services/health';
import { addStakeholderAt, run } from '../../src/commands';
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
