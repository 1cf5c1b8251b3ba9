// A narrow handle on the live canvas for controls that live outside it
// (palette, shortcuts): where the view is centred, and fitting the view.
import type { Position, Rect } from '../domain';

export interface CanvasApi {
  viewCenter(): Position;
  fitView(): void;
  /** Pans (without zooming) so that this part of the map is in view, clear of the canvas's controls. */
  reveal(rect: Rect): void;
}

let current: CanvasApi | null = null;

export function setCanvasApi(api: CanvasApi | null): void {
  current = api;
}

export function canvasApi(): CanvasApi | null {
  return current;
}
