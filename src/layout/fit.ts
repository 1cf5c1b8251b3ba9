// Fitting a map into the editor's canvas, and the screen the lanes layout is
// shaped for. The canvas leaves room around the map for its own controls: the
// Legend button above, the zoom buttons below (src/canvas/Canvas.tsx fits
// with FIT_PADDING). Pure, so the zoom a map opens at is tested without a browser.
import { CARD_TEXT, type Rect } from '../domain';
import type { Screen } from './grid';

/** The canvas of the editor on a 1280×720 projector: the window less the top bar, palette and side panel (measured in the app). */
export const PROJECTOR_CANVAS = { width: 838, height: 663 } as const;

export interface Padding {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Space kept free around a fitted map, in screen px: the Legend button above, the zoom buttons below. */
export const FIT_PADDING: Padding = { top: 52, right: 28, bottom: 60, left: 28 };

/** Names at least this tall on screen read from the back of a room. */
export const READABLE_NAME_PX = 14;

/** Fitting never zooms in further than this. */
export const FIT_MAX_ZOOM = 1.25;

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The viewport that shows `bounds` whole and centred in a canvas of `size`, inside `padding`. */
export function fitViewport(
  bounds: Rect,
  size: { readonly width: number; readonly height: number },
  padding: Padding = FIT_PADDING,
  maxZoom = FIT_MAX_ZOOM,
): Viewport {
  const width = Math.max(1, size.width - padding.left - padding.right);
  const height = Math.max(1, size.height - padding.top - padding.bottom);
  const zoom = Math.min(maxZoom, width / Math.max(1, bounds.width), height / Math.max(1, bounds.height));
  return {
    x: padding.left + (width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: padding.top + (height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}

/** The screen the lanes layout is shaped for: the projector's canvas inside the fit padding. */
export const LAYOUT_SCREEN: Screen = {
  width: PROJECTOR_CANVAS.width - FIT_PADDING.left - FIT_PADDING.right,
  height: PROJECTOR_CANVAS.height - FIT_PADDING.top - FIT_PADDING.bottom,
  // A little above the least readable size, so that labels and padding have room.
  readableZoom: (READABLE_NAME_PX + 1) / CARD_TEXT.name,
};

/** Space kept free around a presented stakeholder and its evidence (no chrome on the canvas then). */
export const PRESENT_PADDING: Padding = { top: 28, right: 28, bottom: 28, left: 28 };

/**
 * The viewport that centres `target` in a canvas of `size` (inside
 * `padding`) and zooms so that `around` (its evidence) shows too, as far as
 * `zoom` allows: never below its min, so names stay readable, nor above its max.
 */
export function focusViewport(
  target: Rect,
  around: Rect,
  size: { readonly width: number; readonly height: number },
  padding: Padding = PRESENT_PADDING,
  zoom: { readonly min: number; readonly max: number } = { min: (READABLE_NAME_PX + 1) / CARD_TEXT.name, max: 1.3 },
): Viewport {
  const cx = target.x + target.width / 2;
  const cy = target.y + target.height / 2;
  const halfW = Math.max(cx - around.x, around.x + around.width - cx, target.width / 2);
  const halfH = Math.max(cy - around.y, around.y + around.height - cy, target.height / 2);
  const width = Math.max(1, size.width - padding.left - padding.right);
  const height = Math.max(1, size.height - padding.top - padding.bottom);
  const z = Math.max(zoom.min, Math.min(zoom.max, width / 2 / halfW, height / 2 / halfH));
  return { x: padding.left + width / 2 - cx * z, y: padding.top + height / 2 - cy * z, zoom: z };
}

/**
 * How far to pan (screen px) so that `rect` (on screen) sits inside the
 * canvas less `padding` and clear of `avoid` (the minimap, when shown): the
 * least move that does it; zero when it is in view already.
 */
export function revealShift(rect: Rect, size: { readonly width: number; readonly height: number }, padding: Padding = FIT_PADDING, avoid: Rect | null = null): { x: number; y: number } {
  const shift = (lo: number, hi: number, min: number, max: number) => (lo < min ? min - lo : hi > max ? Math.max(max - hi, min - lo) : 0);
  let x = shift(rect.x, rect.x + rect.width, padding.left, size.width - padding.right);
  let y = shift(rect.y, rect.y + rect.height, padding.top, size.height - padding.bottom);
  if (avoid) {
    const r = { x: rect.x + x, y: rect.y + y, width: rect.width, height: rect.height };
    const covered = r.x < avoid.x + avoid.width && avoid.x < r.x + r.width && r.y < avoid.y + avoid.height && avoid.y < r.y + r.height;
    // Out from under it the shorter way: up or left.
    if (covered) {
      const up = r.y + r.height - avoid.y;
      const left = r.x + r.width - avoid.x;
      if (up <= left) y -= up;
      else x -= left;
    }
  }
  return { x, y };
}
