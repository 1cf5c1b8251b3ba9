import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

/**
 * The canvas's dot grid, as a CSS gradient that follows the view, in place of
 * React Flow's <Background>: that one re-renders and repaints an SVG pattern
 * on every frame of a pan or zoom; this re-renders nothing. A pan moves the
 * grid's own layer (a transform, less than one grid step, on an element one
 * step larger than the canvas on each side): nothing is painted again until
 * the zoom changes. Moving the gradient itself (background-position) made
 * Chromium repaint the whole canvas background on every frame of a pan.
 */
export function DotGrid({ gap, size }: { gap: number; size: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let step = 0;
    const follow = ([x, y, zoom]: readonly [number, number, number]): void => {
      if (gap * zoom !== step) {
        step = gap * zoom;
        el.style.backgroundSize = `${step}px ${step}px`;
        // The gradient draws its dot in the middle of each tile: shift by half a tile so dots sit on the grid.
        el.style.backgroundPosition = `${-step / 2}px ${-step / 2}px`;
        el.style.width = `calc(100% + ${2 * step}px)`;
        el.style.height = `calc(100% + ${2 * step}px)`;
        el.style.setProperty('--dot-radius', `${Math.max(0.5, (size * zoom) / 2)}px`);
      }
      const ox = ((x % step) + step) % step;
      const oy = ((y % step) + step) % step;
      el.style.transform = `translate(${ox - step}px, ${oy - step}px)`;
    };
    follow(flow.getState().transform);
    return flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) follow(state.transform);
    });
  }, [flow, gap, size]);
  return <div ref={ref} className="react-flow__background dot-grid" aria-hidden="true" />;
}
