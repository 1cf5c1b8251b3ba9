// Taking a box of the far view (FarCanvas.tsx) with the pointer: the far
// view's stakeholders are pixels on a canvas, not React Flow nodes, so a press
// on the pane is hit-tested here (farScene.ts) before React Flow sees it.
// Over a box: a click selects it (with Ctrl, Cmd or Shift: adds or removes
// it), a drag moves it, or every selected stakeholder with it, as one undo
// step through the same drag gesture as the detailed cards. Over empty canvas
// the press goes on to React Flow: it pans, or with Shift draws a selection.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { moveStakeholders, type StakeMap } from '../domain';
import { drag } from '../commands';
import { EMPTY_SELECTION, useStakemap } from '../store';
import { stakeholderAt } from './farScene';

export interface FarDragHandlers {
  /** A drag of these stakeholders begins (before the first move). */
  readonly onDragStart: (ids: readonly string[]) => void;
  /** It ended; the map has the last preview. */
  readonly onDragStop: (ids: readonly string[]) => void;
}

/** Screen px the pointer must travel before a press becomes a drag. */
const DRAG_AFTER_PX = 3;
const TOGGLE_KEYS = (e: PointerEvent) => e.ctrlKey || e.metaKey || e.shiftKey;

export function useFarPointer(host: HTMLElement, map: StakeMap, handlers: FarDragHandlers, enabled: boolean): void {
  const flow = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const latest = useRef({ map, handlers });
  useLayoutEffect(() => {
    latest.current = { map, handlers };
  });

  useEffect(() => {
    if (!enabled) return;
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || !(e.target as Element).classList.contains('react-flow__pane')) return;
      const zoom = flow.getState().transform[2];
      const point = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const base = latest.current.map;
      const id = stakeholderAt(base, point, zoom);
      // Presenting: nothing to take, as the detailed cards are not taken either.
      if (!id || useStakemap.getState().presenting) return;
      // Ours: no pan, no selection box, and no mouse events after this one.
      e.preventDefault();
      e.stopPropagation();
      const state = useStakemap.getState();
      const wasSelected = state.selection.stakeholders.includes(id);
      if (TOGGLE_KEYS(e)) {
        const stakeholders = wasSelected ? state.selection.stakeholders.filter((s) => s !== id) : [...state.selection.stakeholders, id];
        state.select({ ...state.selection, stakeholders });
      } else if (!wasSelected) {
        state.select({ ...EMPTY_SELECTION, stakeholders: [id] });
      }
      if (!useStakemap.getState().selection.stakeholders.includes(id)) {
        suppressClicks(host);
        return;
      }
      const ids = useStakemap.getState().selection.stakeholders;
      const from = new Map(base.stakeholders.filter((s) => ids.includes(s.id)).map((s) => [s.id, s.position ?? { x: 0, y: 0 }]));
      const target = e.target as HTMLElement;
      target.setPointerCapture(e.pointerId);
      let dragging = false;
      const onMove = (m: PointerEvent) => {
        const dx = m.clientX - e.clientX;
        const dy = m.clientY - e.clientY;
        if (!dragging && Math.hypot(dx, dy) < DRAG_AFTER_PX) return;
        if (!dragging) {
          dragging = true;
          latest.current.handlers.onDragStart(ids);
          drag.start();
        }
        const moves = [...from].map(([sid, p]) => ({ id: sid, position: { x: Math.round(p.x + dx / zoom), y: Math.round(p.y + dy / zoom) } }));
        drag.preview((m2) => moveStakeholders(m2, moves));
      };
      const onUp = () => {
        suppressClicks(host);
        target.removeEventListener('pointermove', onMove);
        target.removeEventListener('pointerup', onUp);
        target.removeEventListener('pointercancel', onUp);
        if (dragging) latest.current.handlers.onDragStop(ids);
      };
      target.addEventListener('pointermove', onMove);
      target.addEventListener('pointerup', onUp);
      target.addEventListener('pointercancel', onUp);
    };
    host.addEventListener('pointerdown', onDown, { capture: true });
    return () => host.removeEventListener('pointerdown', onDown, { capture: true });
  }, [host, flow, screenToFlowPosition, enabled]);
}

/**
 * The click (and double click) that follow a press taken here are not React
 * Flow's: its pane click would clear the selection just made, and a double
 * click on the pane adds a stakeholder.
 */
function suppressClicks(host: HTMLElement): void {
  const stop = (e: Event) => e.stopPropagation();
  host.addEventListener('click', stop, { capture: true });
  host.addEventListener('dblclick', stop, { capture: true });
  setTimeout(() => {
    host.removeEventListener('click', stop, { capture: true });
    host.removeEventListener('dblclick', stop, { capture: true });
  }, 400);
}
