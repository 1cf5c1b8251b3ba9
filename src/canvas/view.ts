// What every node and edge of the canvas needs to know about the view, given
// once through context instead of one store subscription per element:
// - `far`: zoomed out so far that text is unreadable; nodes draw as plain
//   coloured boxes and edges as plain lines (flips only at the threshold, so
//   zooming re-renders nothing until it is crossed);
// - `labelHost`: React Flow's edge label layer, looked up once (its own
//   <EdgeLabelRenderer> queries the DOM for it in a store selector, once per
//   edge on every store change: ~1 s a frame with 2,000 edges);
// - `fewHandles`: a large map; a card's connection dots are put in only when
//   they can be used (StakeholderNode.tsx).
import { createContext, useContext } from 'react';

/** Below this zoom, the canvas draws its simplified form. */
export const SIMPLE_BELOW_ZOOM = 0.45;

export function isZoomedOut(zoom: number): boolean {
  return zoom < SIMPLE_BELOW_ZOOM;
}

export interface CanvasView {
  readonly far: boolean;
  readonly labelHost: HTMLElement | null;
  readonly fewHandles: boolean;
}

export const CanvasViewContext = createContext<CanvasView>({ far: false, labelHost: null, fewHandles: false });

export function useCanvasView(): CanvasView {
  return useContext(CanvasViewContext);
}
