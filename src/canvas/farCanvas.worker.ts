// Draws the far view (farScene.ts) on the canvas FarCanvas.tsx handed over
// with transferControlToOffscreen: rasterizing thousands of lines takes tens
// of ms a frame without a GPU, and here it never holds up the page's frames
// (the picture may follow a fast zoom a frame or two late).
import { drawScene, type PackedScene, type SceneView } from './farScene';

export type FarCanvasMessage =
  | { readonly type: 'canvas'; readonly canvas: OffscreenCanvas }
  | { readonly type: 'scene'; readonly scene: PackedScene }
  | { readonly type: 'view'; readonly view: SceneView };

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let scene: PackedScene | null = null;
let view: SceneView | null = null;
let pending = false;
/** When the view last moved: while it moves, the picture is drawn at half resolution. */
let movedAt = 0;
let sharpen: ReturnType<typeof setTimeout> | undefined;
/** How long after the last move the picture is drawn sharp again, ms. */
const SETTLE_MS = 180;

function draw(): void {
  pending = false;
  if (!canvas || !ctx || !scene || !view) return;
  // Rasterizing thousands of long lines takes 30–60 ms at full resolution on a
  // two-core machine without a GPU, a core the page's own frames then wait for;
  // at half resolution while the view moves (a quarter of the pixels), then
  // sharp once it rests.
  const moving = performance.now() - movedAt < SETTLE_MS;
  const scale = view.dpr * (moving ? 0.5 : 1);
  const [w, h] = [Math.round(view.width * scale), Math.round(view.height * scale)];
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  drawScene(ctx, scene, { ...view, dpr: scale });
  clearTimeout(sharpen);
  if (moving) sharpen = setTimeout(schedule, SETTLE_MS);
}

function schedule(): void {
  // Many messages a frame (a pan and a drag): drawn once, with the latest.
  if (pending) return;
  pending = true;
  requestAnimationFrame(draw);
}

self.onmessage = (event: MessageEvent<FarCanvasMessage>) => {
  const message = event.data;
  if (message.type === 'canvas') {
    canvas = message.canvas;
    ctx = canvas.getContext('2d');
  } else if (message.type === 'scene') scene = message.scene;
  else {
    if (view && (view.transform.x !== message.view.transform.x || view.transform.y !== message.view.transform.y || view.transform.zoom !== message.view.transform.zoom)) {
      movedAt = performance.now();
    }
    view = message.view;
  }
  schedule();
};
