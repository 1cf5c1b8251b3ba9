// Dragging stakeholders, as cards (React Flow's) or as far boxes
// (farPointer.ts): one drag gesture (commands' `drag`), the organization's
// boundary frozen while it lasts, and a notice when a drop changed a side.
import { useCallback, useState } from 'react';
import { boundaryRect, settleDrop, type Rect } from '../domain';
import { useStakemap } from '../store';
import { drag } from '../commands';
import { BOUNDARY_ID, type CanvasNode } from './adapter';
import type { Crossing } from './DropNotice';

export function useCardDrag() {
  const [frozenBoundary, setFrozenBoundary] = useState<Rect | null>(null);
  const [crossing, setCrossing] = useState<Crossing | null>(null);

  // `ids`: the stakeholders dragged; `boundary`: the boundary itself is dragged.
  const startDrag = useCallback((ids: readonly string[], boundary: boolean) => {
    const state = useStakemap.getState();
    if (!state.map) return;
    drag.start();
    // Freeze the boundary as it stood without the dragged nodes, so dragging
    // one out of the organization does not stretch the organization with it.
    if (!boundary) setFrozenBoundary(boundaryRect(state.map, new Set(ids)));
  }, []);

  const stopDrag = useCallback(
    (ids: readonly string[]) => {
      const rect = frozenBoundary;
      let crossed: Crossing | null = null;
      drag.end((m) => {
        if (!rect) return m;
        const settled = settleDrop(m, [...ids], rect);
        crossed = settled.crossed.length > 0 ? { crossed: settled.crossed, map: settled.map, at: Date.now() } : null;
        return settled.map;
      });
      setFrozenBoundary(null);
      // A change of side changes the findings: say so, with a way back.
      if (crossed) setCrossing(crossed);
    },
    [frozenBoundary],
  );

  const onNodeDragStart = useCallback(
    (_: unknown, _node: CanvasNode, dragged: CanvasNode[]) => startDrag(stakeholderIds(dragged), dragged.some((n) => n.id === BOUNDARY_ID)),
    [startDrag],
  );
  const onNodeDragStop = useCallback((_: unknown, _node: CanvasNode, dragged: CanvasNode[]) => stopDrag(stakeholderIds(dragged)), [stopDrag]);
  const startFarDrag = useCallback((ids: readonly string[]) => startDrag(ids, false), [startDrag]);
  const closeCrossing = useCallback(() => setCrossing(null), []);

  return { frozenBoundary, crossing, closeCrossing, onNodeDragStart, onNodeDragStop, startFarDrag, stopDrag };
}

const stakeholderIds = (nodes: readonly CanvasNode[]): string[] => nodes.filter((n) => n.type === 'stakeholder').map((n) => n.id);
