// How the canvas follows the view while it moves (pans and zooms), without
// re-rendering on every frame of the motion.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useStore, useStoreApi } from '@xyflow/react';
import { isZoomedOut } from './view';

/**
 * Whether the canvas draws its simplified far view (view.ts), and the
 * handlers to give React Flow's onMoveStart / onMoveEnd.
 *
 * Going far happens at once (it makes drawing cheaper), and on a large map
 * as soon as the wheel starts zooming out. Coming back waits
 * until the view stops moving: mounting hundreds of detailed nodes and
 * relations takes a few hundred ms on a large map, which would stall the
 * zoom mid-gesture; after it, it is one short pause when the hand is still.
 *
 * While the view moves, the canvas also draws less (styles.css), set on the
 * element directly so that moving re-renders nothing:
 * - dragged (.is-moving), unless far out: the viewport gets its own
 *   compositor layer, and panning moves pixels already drawn instead of
 *   repainting every node and edge each frame;
 * - zoomed with the wheel (.is-zooming): a layer that changes scale would be
 *   drawn again whole (seconds, without a GPU), so instead relations are drawn
 *   without their dash patterns until the zoom settles: dashing thousands of
 *   lines is most of the cost of repainting them.
 */
export function useFarView(large: boolean): { far: boolean; onMoveStart: (event: MouseEvent | TouchEvent | null) => void; onMoveEnd: () => void } {
  const zoomedOut = useStore((s) => isZoomedOut(s.transform[2]));
  const flow = useStoreApi();
  // Far during the current motion: stays far until it ends, whatever the zoom.
  const [held, setHeld] = useState(false);
  const moving = useRef(false);

  useLayoutEffect(() => {
    if (zoomedOut && moving.current) setHeld(true);
  }, [zoomedOut]);

  const onMoveStart = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      moving.current = true;
      const far = isZoomedOut(flow.getState().transform[2]);
      // Zooming out of a large map brings hundreds of detailed nodes into view,
      // a few each frame: drawn simplified until the wheel rests, it stays smooth.
      const zoomingOut = event?.type === 'wheel' && (event as WheelEvent).deltaY > 0;
      // At once, before the zoom that follows is rendered: left to the wheel's
      // lane, the zoom rendered first and the switch took a 33 ms frame (5,000 map).
      if (far || (zoomingOut && large)) flushSync(() => setHeld(true));
      if (!event) return;
      const canvas = (event.target as Element | null)?.closest('.canvas') ?? document.querySelector('.canvas');
      if (event.type === 'wheel') canvas?.classList.add('is-zooming');
      // Not far out: there, a layer holding a thousand small nodes costs more
      // to rebuild each frame (Chromium's layerization) than drawing them.
      else if (!far) canvas?.classList.add('is-moving');
    },
    // A new handler only when the map crosses the large size, not each render.
    [flow, large],
  );

  const onMoveEnd = useCallback(() => {
    moving.current = false;
    document.querySelector('.canvas.is-moving')?.classList.remove('is-moving');
    document.querySelector('.canvas.is-zooming')?.classList.remove('is-zooming');
    setHeld(false);
  }, []);

  // Straight from the zoom, not through an effect: the first render of a map
  // opened far out must not draw it once in full detail.
  return { far: zoomedOut || held, onMoveStart, onMoveEnd };
}

const NODE_BATCH = 12;
const EDGE_BATCH = 150;
const NO_EDGES: never[] = [];

/**
 * The nodes and edges to give React Flow. While far out, the stakeholders are
 * FarCanvas's (the projector leaves them out) and there are no edges. Coming
 * back, mounting a hundred detailed cards and their relations at once stalls
 * one long frame (~100–300 ms here): instead a dozen cards join each
 * frame (the organization and its boundary first: they lead the list), then
 * the relations, a few hundred a frame.
 */
export function useDetailInBatches<N, E>(nodes: N[], edges: E[], far: boolean): { nodes: N[]; edges: E[] } {
  const [shown, setShown] = useState(Infinity);
  // Set while rendering (React renders again at once, before anything is
  // committed): the first render back from far must not hand React Flow everything.
  const [wasFar, setWasFar] = useState(far);
  if (wasFar !== far) {
    setWasFar(far);
    if (wasFar && !far) setShown(0);
  }
  const total = nodes.length + edges.length;
  useEffect(() => {
    if (shown === Infinity) return;
    const frame = requestAnimationFrame(() =>
      setShown((n) => {
        const next = n < nodes.length ? n + NODE_BATCH : n + EDGE_BATCH;
        return next >= total ? Infinity : next;
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [shown, nodes.length, total]);
  if (far) return { nodes, edges: NO_EDGES };
  if (shown === Infinity) return { nodes, edges };
  if (shown < nodes.length) return { nodes: nodes.slice(0, 2 + shown), edges: NO_EDGES };
  return { nodes, edges: edges.slice(0, shown - nodes.length) };
}
