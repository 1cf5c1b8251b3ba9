import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

/**
 * The canvas's dot grid, as a CSS gradient that follows the view, in place of
 * React Flow's <Background>: that one re-renders and repaints an SVG pattern
 * on every frame of a pan or zoom; this writes two style values on the
 * element and re-renders nothing (Chromium draws a gradient tile once and
 * repeats it).
 */
export function DotGrid({ gap, size }: { gap: number; size: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const follow = ([x, y, zoom]: readonly [number, number, number]): void => {
      const step = gap * zoom;
      el.style.backgroundSize = `${step}px ${step}px`;
      // The gradient draws its dot in the middle of each tile: shift by half a tile so dots sit on the grid.
      el.style.backgroundPosition = `${x - step / 2}px ${y - step / 2}px`;
      el.style.setProperty('--dot-radius', `${Math.max(0.5, (size * zoom) / 2)}px`);
    };
    follow(flow.getState().transform);
    return flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) follow(state.transform);
    });
  }, [flow, gap, size]);
  return <div ref={ref} className="react-flow__background react-flow__container dot-grid" aria-hidden="true" />;
}
