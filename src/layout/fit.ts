// Fitting a map into the editor's canvas, and the screen the lanes layout is
// shaped for. The canvas leaves room around the map for its own controls: the
// Legend button above, the zoom buttons below (src/canvas/Canvas.tsx fits
// with FIT_PADDING). Pure, so the zoom a map opens at is tested without a browser.
import { CARD_TEXT, type Rect } from '../domain';
import type { Screen } from './grid';

/** The canvas of the editor on a 1280×720 projector: the window less the top bar, palette and side panel (measured in the app). */
export const PROJECTOR_CANVAS = { width: 838, height: 663 } as const;

/** Space kept free around a fitted map, in screen px. */
export const FIT_PADDING = { top: 52, right: 28, bottom: 60, left: 28 } as const;

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
  padding: typeof FIT_PADDING = FIT_PADDING,
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
