import { memo, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useStore, useStoreApi } from '@xyflow/react';
import type { StakeMap } from '../domain';
import { drawScene, packScene, type PackedScene, type SceneView } from './farScene';
import { useFarPointer, type FarDragHandlers } from './farPointer';
import type { FarCanvasMessage } from './farCanvas.worker';

interface Props extends FarDragHandlers {
  readonly map: StakeMap;
  readonly selected: readonly string[];
  readonly emphasised: ReadonlySet<string>;
  /** React Flow's own element: the canvas goes under its renderer, so the organization's card and the controls stay on top. */
  readonly host: HTMLElement;
  /**
   * Zoomed far out: drawn and shown. Not: hidden and idle, but kept (with its
   * worker) on a large map, which goes far and back often: handing a canvas
   * to a new worker took ~50 ms of the frame that crossed the threshold.
   */
  readonly active: boolean;
}

/** Where the scene is drawn: a worker holding the canvas, or (without OffscreenCanvas) this page. */
interface Painter {
  scene(scene: PackedScene): void;
  view(view: SceneView): void;
  close(): void;
}

function workerPainter(el: HTMLCanvasElement): Painter | null {
  if (typeof Worker === 'undefined' || !('transferControlToOffscreen' in el)) return null;
  const worker = new Worker(new URL('./farCanvas.worker.ts', import.meta.url), { type: 'module' });
  const post = (message: FarCanvasMessage, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const offscreen = el.transferControlToOffscreen();
  post({ type: 'canvas', canvas: offscreen }, [offscreen]);
  return {
    scene: (scene) => post({ type: 'scene', scene }, [scene.xs.buffer, scene.ys.buffer, scene.labels.buffer, scene.selected.buffer, scene.lines.buffer, scene.kinds.buffer, scene.emphasis.buffer]),
    view: (view) => post({ type: 'view', view }),
    close: () => worker.terminate(),
  };
}

function pagePainter(el: HTMLCanvasElement): Painter {
  let scene: PackedScene | null = null;
  let view: SceneView | null = null;
  let frame = 0;
  const draw = () => {
    frame = 0;
    const ctx = el.getContext('2d');
    if (!ctx || !scene || !view) return;
    const [w, h] = [Math.round(view.width * view.dpr), Math.round(view.height * view.dpr)];
    if (el.width !== w || el.height !== h) [el.width, el.height] = [w, h];
    drawScene(ctx, scene, view);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  return {
    scene: (next) => ((scene = next), schedule()),
    view: (next) => ((view = next), schedule()),
    close: () => cancelAnimationFrame(frame),
  };
}

/**
 * The far view (view.ts) drawn on one canvas, by a worker where the browser
 * can (farCanvas.worker.ts): the page hands it the scene when the map changes
 * and the view when it moves, and nothing on the page re-renders while the
 * view moves. Taking a box (select, drag) is farPointer.ts's.
 */
function FarCanvasView({ map, selected, emphasised, host, active, onDragStart, onDragStop }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef<Painter | null>(null);
  const activeRef = useRef(active);
  const sendViewRef = useRef<() => void>(() => undefined);
  const flow = useStoreApi();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);

  useLayoutEffect(() => {
    const el = canvas.current!;
    const p = workerPainter(el) ?? pagePainter(el);
    painter.current = p;
    const sendView = () => {
      if (!activeRef.current) return;
      const { width: w, height: h, transform } = flow.getState();
      p.view({ transform: { x: transform[0], y: transform[1], zoom: transform[2] }, width: w, height: h, dpr: window.devicePixelRatio || 1 });
    };
    sendViewRef.current = sendView;
    sendView();
    let last = flow.getState().transform;
    const unsubscribe = flow.subscribe((s) => {
      if (s.transform === last) return;
      last = s.transform;
      sendView();
    });
    return () => {
      unsubscribe();
      p.close();
      painter.current = null;
    };
  }, [flow, width, height]);

  useLayoutEffect(() => {
    activeRef.current = active;
    if (!active) return;
    painter.current?.scene(packScene(map, { selected: new Set(selected), emphasised, only: null }));
    sendViewRef.current();
  }, [active, map, selected, emphasised, width, height]);

  useFarPointer(host, map, { onDragStart, onDragStop }, active);

  return createPortal(
    <canvas
      // A new element when the size changes: a canvas handed to a worker cannot be handed again.
      key={`${width}x${height}`}
      ref={canvas}
      className="far-canvas"
      style={{ width, height, visibility: active ? undefined : 'hidden' }}
      role="img"
      aria-label={`The whole map, ${map.stakeholders.length} stakeholders, too small to read: zoom in to read and edit the cards`}
      data-testid="far-canvas"
    />,
    host,
  );
}

export const FarCanvas = memo(FarCanvasView);
