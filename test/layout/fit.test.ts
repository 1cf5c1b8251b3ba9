import { describe, expect, it } from 'vitest';
import { FIT_PADDING, fitViewport, focusViewport, PROJECTOR_CANVAS, revealShift } from '../../src/layout/fit';

const canvas = PROJECTOR_CANVAS;
const onScreen = (r: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }) => ({
  x: r.x * v.zoom + v.x,
  y: r.y * v.zoom + v.y,
  width: r.width * v.zoom,
  height: r.height * v.zoom,
});

describe('fitViewport', () => {
  it('shows the whole drawing inside the padding, centred, no closer than the largest zoom', () => {
    const bounds = { x: -300, y: 100, width: 1200, height: 500 };
    const v = fitViewport(bounds, canvas);
    const s = onScreen(bounds, v);
    expect(s.x).toBeGreaterThanOrEqual(FIT_PADDING.left - 0.01);
    expect(s.y).toBeGreaterThanOrEqual(FIT_PADDING.top - 0.01);
    expect(s.x + s.width).toBeLessThanOrEqual(canvas.width - FIT_PADDING.right + 0.01);
    expect(s.y + s.height).toBeLessThanOrEqual(canvas.height - FIT_PADDING.bottom + 0.01);
    // Wide: it touches the sides, and is centred up and down in the padded area.
    expect(s.width).toBeCloseTo(canvas.width - FIT_PADDING.left - FIT_PADDING.right);
    expect(s.y - FIT_PADDING.top).toBeCloseTo(canvas.height - FIT_PADDING.bottom - (s.y + s.height));
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, canvas, FIT_PADDING, 1).zoom).toBe(1);
  });
});

describe('focusViewport', () => {
  const target = { x: 1000, y: 500, width: 200, height: 76 };

  it('centres the target, zoomed so that its evidence shows too', () => {
    const around = { x: 800, y: 380, width: 650, height: 330 };
    const v = focusViewport(target, around, canvas);
    const t = onScreen(target, v);
    expect(t.x + t.width / 2).toBeCloseTo(canvas.width / 2);
    expect(t.y + t.height / 2).toBeCloseTo(canvas.height / 2);
    const a = onScreen(around, v);
    expect(a.x).toBeGreaterThanOrEqual(-0.01);
    expect(a.x + a.width).toBeLessThanOrEqual(canvas.width + 0.01);
  });

  it('never zooms out below its least zoom (names stay readable), nor in beyond its most', () => {
    const far = { x: -5000, y: -5000, width: 12000, height: 12000 };
    expect(focusViewport(target, far, canvas, undefined, { min: 0.9, max: 1.3 }).zoom).toBe(0.9);
    expect(focusViewport(target, target, canvas, undefined, { min: 0.9, max: 1.3 }).zoom).toBe(1.3);
  });
});

describe('revealShift', () => {
  const size = { width: 800, height: 600 };

  it('does not move what is in view already', () => {
    expect(revealShift({ x: 100, y: 100, width: 200, height: 76 }, size)).toEqual({ x: 0, y: 0 });
  });

  it('moves the least that brings a card into view, inside the padding', () => {
    expect(revealShift({ x: 700, y: 100, width: 200, height: 76 }, size)).toEqual({ x: size.width - FIT_PADDING.right - 900, y: 0 });
    expect(revealShift({ x: 100, y: -50, width: 200, height: 76 }, size)).toEqual({ x: 0, y: FIT_PADDING.top + 50 });
  });

  it('moves a card out from under the minimap, the shorter way', () => {
    const minimap = { x: 585, y: 435, width: 200, height: 150 };
    const shift = revealShift({ x: 500, y: 460, width: 200, height: 76 }, size, FIT_PADDING, minimap);
    const moved = { x: 500 + shift.x, y: 460 + shift.y };
    const clear = moved.x + 200 <= minimap.x || moved.y + 76 <= minimap.y;
    expect(clear).toBe(true);
  });
});
