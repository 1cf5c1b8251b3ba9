import { describe, expect, it } from 'vitest';
import { isZoomedOut, SIMPLE_BELOW_ZOOM } from '../../src/canvas/view';

describe('isZoomedOut', () => {
  it('simplifies the canvas only below the threshold', () => {
    expect(SIMPLE_BELOW_ZOOM).toBe(0.45);
    expect(isZoomedOut(0.1)).toBe(true);
    expect(isZoomedOut(0.4499)).toBe(true);
    expect(isZoomedOut(0.45)).toBe(false);
    expect(isZoomedOut(1)).toBe(false);
    expect(isZoomedOut(2.5)).toBe(false);
  });
});
