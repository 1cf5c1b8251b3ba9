// A narrow handle on the live canvas for controls that live outside it
// (palette, shortcuts): where the view is centred, and fitting the view.
import type { Position } from '../domain';

export interface CanvasApi {
  viewCenter(): Position;
  fitView(): void;
}

let current: CanvasApi | null = null;

export function setCanvasApi(api: CanvasApi | null): void {
  current = api;
}

export function canvasApi(): CanvasApi | null {
  return current;
}
