import { memo, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStoreApi } from '@xyflow/react';
import type { Rect, StakeMap } from '../domain';
import { drawScene, packScene } from './farScene';

interface Props {
  readonly map: StakeMap;
  readonly emphasised: ReadonlySet<string>;
  /** The region React Flow holds, and the relations crossing it from cards outside it (region.ts). */
  readonly region: Rect;
  readonly through: ReadonlySet<string>;
  /** React Flow's edge label layer: inside the viewport, under the cards. */
  readonly host: HTMLElement;
}

/** Largest side of the canvas, device px: a region seen at a high zoom is drawn at a lower resolution rather than a huge bitmap. */
const MAX_SIDE = 4096;
/** How long the zoom must rest before the lines are drawn again at its resolution, ms. */
const SETTLE_MS = 150;
const NO_SELECTION: ReadonlySet<string> = new Set();

/**
 * On a large map's detailed view, the relations that cross the region from a
 * card outside it, as plain lines (React Flow draws an edge only between
 * nodes it holds). One canvas in flow coordinates, inside React Flow's
 * viewport: a pan moves it with the cards and draws nothing, a zoom scales it,
 * and it is drawn again only when the region, the map or (once the wheel
 * rests) the zoom changes.
 */
function ThroughLinesView({ map, emphasised, region, through, host }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  const [zoom, setZoom] = useState(() => flow.getState().transform[2]);
  const drawn = useRef<{ lines: Float64Array; emphasis: Uint8Array; region: Rect; zoom: number } | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = flow.getState().transform[2];
    const unsubscribe = flow.subscribe((s) => {
      if (s.transform[2] === last) return;
      last = s.transform[2];
      clearTimeout(timer);
      timer = setTimeout(() => setZoom(last), SETTLE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [flow]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const scale = Math.min(zoom * (window.devicePixelRatio || 1), MAX_SIDE / region.width, MAX_SIDE / region.height);
    const [w, h] = [Math.ceil(region.width * scale), Math.ceil(region.height * scale)];
    if (el.width !== w || el.height !== h) [el.width, el.height] = [w, h];
    const scene = packScene(map, { selected: NO_SELECTION, emphasised, only: through });
    // Most edits (and every frame of a drag) move no line that crosses the region: nothing to draw again.
    const last = drawn.current;
    if (last && last.region === region && last.zoom === zoom && sameNumbers(last.lines, scene.lines) && sameNumbers(last.emphasis, scene.emphasis)) return;
    drawn.current = { lines: scene.lines, emphasis: scene.emphasis, region, zoom };
    // Lines 1 px on screen at the zoom drawn for: the canvas is scaled by `zoom` on screen.
    drawScene(ctx, scene, { transform: { x: -region.x * scale, y: -region.y * scale, zoom: scale }, width: w, height: h, dpr: 1 });
  }, [map, emphasised, region, through, zoom]);

  return createPortal(
    <canvas
      ref={canvas}
      className="through-lines"
      aria-hidden="true"
      data-testid="through-lines"
      style={{ transform: `translate(${region.x}px, ${region.y}px)`, width: region.width, height: region.height }}
    />,
    host,
  );
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const ThroughLines = memo(ThroughLinesView);
