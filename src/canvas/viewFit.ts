// Where the view goes: fitting the whole map (on opening, Fit, after a
// layout) inside src/layout/fit.ts's padding, so that no card is left under
// the Legend button or the zoom buttons; centring a presented finding's
// stakeholder with its evidence; and whether the whole map is in view (then
// the minimap, which would only cover cards, gets out of the way).
import { useStore, type ReactFlowInstance } from '@xyflow/react';
import { drawingBounds, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Rect, type StakeMap } from '../domain';
import { FIT_PADDING, fitViewport, focusViewport, revealShift, type Viewport } from '../layout/fit';
import type { CanvasNode, RelationEdge } from './adapter';

type Flow = ReactFlowInstance<CanvasNode, RelationEdge>;

/** After an add, the whole map stays in view down to this zoom (names of about 10 px). */
const KEEP_WHOLE_ZOOM = 0.6;

/** Fitting on request may zoom in this far (opening: 1, so a small map opens at its natural size). */
const FIT_ZOOM = 1.2;

/** Cards, boundary, and (when laid out) every relation's route and label: what a fitted view shows. */
export function wholeBounds(map: StakeMap, edges: Rect | null): Rect {
  const cards = drawingBounds(map);
  return edges ? union([cards, edges]) : cards;
}

export function openingViewport(whole: Rect, size: { width: number; height: number }): Viewport {
  return fitViewport(whole, size, FIT_PADDING, 1);
}

export function fitWholeMap(flow: Flow, whole: Rect, size: { width: number; height: number }, duration = 300): void {
  void flow.setViewport(fitViewport(whole, size, FIT_PADDING, FIT_ZOOM), { duration });
}

function cardOf(map: StakeMap, id: string): Rect | null {
  if (id === ORG_ID) return { ...orgPosition(map), ...ORG_SIZE };
  const s = map.stakeholders.find((x) => x.id === id);
  return s?.position ? { ...s.position, ...NODE_SIZE } : null;
}

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

/** Centres a presented stakeholder, with the cards at the ends of the finding's evidence in view as far as a readable zoom allows. */
export function focusOnFinding(flow: Flow, map: StakeMap, id: string, evidence: ReadonlySet<string>, size: { width: number; height: number }): void {
  const target = cardOf(map, id);
  if (!target) return;
  const ends = map.relations.filter((r) => evidence.has(r.id)).flatMap((r) => [cardOf(map, r.from), cardOf(map, r.to)]);
  const around = union([target, ...ends.filter((r): r is Rect => r !== null)]);
  void flow.setViewport(focusViewport(target, around, size), { duration: 400 });
}

/** Whether every card, the boundary and every label are inside the canvas as it is now. */
export function useWholeMapInView(b: Rect): boolean {
  return useStore((s) => {
    const [tx, ty, z] = s.transform;
    return b.x * z + tx >= -1 && b.y * z + ty >= -1 && (b.x + b.width) * z + tx <= s.width + 1 && (b.y + b.height) * z + ty <= s.height + 1;
  });
}

/**
 * Brings `rect` (map coordinates, a card just added) into view. While the
 * whole map can be shown at a zoom where names still read, it is (zooming
 * out a little if need be), so the minimap stays out of the way; beyond
 * that, the view pans just enough to show the card clear of the minimap
 * (`minimap`: its box on screen, if shown).
 */
export function revealOnCanvas(flow: Flow, b: Rect, rect: Rect, canvas: DOMRect, minimap: DOMRect | null): void {
  const { x, y, zoom } = flow.getViewport();
  const whole = fitViewport(b, canvas, FIT_PADDING, zoom);
  if (whole.zoom >= KEEP_WHOLE_ZOOM) {
    const inView = b.x * zoom + x >= FIT_PADDING.left && b.y * zoom + y >= FIT_PADDING.top &&
      (b.x + b.width) * zoom + x <= canvas.width - FIT_PADDING.right && (b.y + b.height) * zoom + y <= canvas.height - FIT_PADDING.bottom;
    if (!inView) void flow.setViewport(whole, { duration: 200 });
    return;
  }
  const onScreen = { x: rect.x * zoom + x, y: rect.y * zoom + y, width: rect.width * zoom, height: rect.height * zoom };
  const avoid = minimap ? { x: minimap.left - canvas.left, y: minimap.top - canvas.top, width: minimap.width, height: minimap.height } : null;
  const shift = revealShift(onScreen, canvas, FIT_PADDING, avoid);
  if (shift.x !== 0 || shift.y !== 0) void flow.setViewport({ x: x + shift.x, y: y + shift.y, zoom }, { duration: 200 });
}
