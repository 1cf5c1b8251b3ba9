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
/** A frame to leave out after a long draw: a small machine has two cores or so, and the page needs one. */
let rest = false;

function draw(): void {
  if (rest) {
    rest = false;
    requestAnimationFrame(draw);
    return;
  }
  pending = false;
  if (!canvas || !ctx || !scene || !view) return;
  const started = performance.now();
  const [w, h] = [Math.round(view.width * view.dpr), Math.round(view.height * view.dpr)];
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  drawScene(ctx, scene, view);
  // Longer than most of a frame: draw at most every other frame while the view keeps moving.
  rest = performance.now() - started > 10;
}

self.onmessage = (event: MessageEvent<FarCanvasMessage>) => {
  const message = event.data;
  if (message.type === 'canvas') {
    canvas = message.canvas;
    ctx = canvas.getContext('2d');
  } else if (message.type === 'scene') scene = message.scene;
  else view = message.view;
  // Many messages a frame (a pan and a drag): drawn once, with the latest.
  if (!pending) {
    pending = true;
    requestAnimationFrame(draw);
  }
};
