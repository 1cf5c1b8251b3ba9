// The map as the canvas draws it zoomed far out (view.ts), on one <canvas>
// (FarCanvas.tsx) instead of thousands of DOM nodes and SVG paths: each card
// a box in its label's colour, each relation a straight line between centres.
// Profiled at 5,000 stakeholders, the DOM far view spent every frame of a pan
// hit-testing, layerizing and rasterizing 5,000 elements (~60 ms); this draws
// only what is in view, in one path per colour.
//
// The scene is packed into typed arrays (packScene) so that it can be handed
// to the worker that draws it (farCanvas.worker.ts) cheaply on every change;
// drawing it (drawScene) is pure and runs on any CanvasRenderingContext2D-like
// object, so it is tested without a browser.
import { boundaryRect, LABELS, KINDS, NODE_SIZE, ORG_ID, ORG_SIZE, orgPosition, type Rect, type StakeMap } from '../domain';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';

/** React Flow's transform: screen = flow × zoom + (x, y). */
export interface FarTransform {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** What the canvas shows, as plain typed arrays (structured-cloned to the worker without walking objects). */
export interface PackedScene {
  /** Top-left corner of each card, by index of map.stakeholders. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Index into LABELS of each card's label; 1 where selected. */
  readonly labels: Uint8Array;
  readonly selected: Uint8Array;
  /** Each relation drawn: its two centres (x1, y1, x2, y2), its kind's index into KINDS, 1 where emphasised. */
  readonly lines: Float64Array;
  readonly kinds: Uint8Array;
  readonly emphasis: Uint8Array;
  /** No boxes: only the lines (the detailed view of a large map, region.ts). */
  readonly linesOnly: boolean;
  /** The organization's boundary: x, y, width, height. */
  readonly boundary: readonly [number, number, number, number];
}

export interface SceneOptions {
  readonly selected: ReadonlySet<string>;
  /** Relations drawn thicker on top: selected ones and a finding's evidence. */
  readonly emphasised: ReadonlySet<string>;
  /** Only these relations, and no boxes; null: the whole far view. */
  readonly only: ReadonlySet<string> | null;
}

export function packScene(map: StakeMap, { selected, emphasised, only }: SceneOptions): PackedScene {
  const n = map.stakeholders.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const labels = new Uint8Array(n);
  const picked = new Uint8Array(n);
  const centres = new Map<string, number>();
  map.stakeholders.forEach((s, i) => {
    xs[i] = s.position?.x ?? 0;
    ys[i] = s.position?.y ?? 0;
    labels[i] = LABELS.indexOf(s.label);
    picked[i] = selected.has(s.id) ? 1 : 0;
    centres.set(s.id, i);
  });
  const org = orgPosition(map);
  const centre = (id: string): [number, number] | null => {
    if (id === ORG_ID) return [org.x + ORG_SIZE.width / 2, org.y + ORG_SIZE.height / 2];
    const i = centres.get(id);
    return i === undefined ? null : [xs[i]! + NODE_SIZE.width / 2, ys[i]! + NODE_SIZE.height / 2];
  };
  const coords: number[] = [];
  const kinds: number[] = [];
  const emphasis: number[] = [];
  for (const r of map.relations) {
    if (only && !only.has(r.id)) continue;
    const a = centre(r.from);
    const b = centre(r.to);
    if (!a || !b) continue;
    coords.push(a[0], a[1], b[0], b[1]);
    kinds.push(KINDS.indexOf(r.kind));
    emphasis.push(emphasised.has(r.id) ? 1 : 0);
  }
  return {
    xs,
    ys,
    labels,
    selected: picked,
    lines: Float64Array.from(coords),
    kinds: Uint8Array.from(kinds),
    emphasis: Uint8Array.from(emphasis),
    linesOnly: only !== null,
    boundary: (({ x, y, width, height }) => [x, y, width, height] as const)(boundaryRect(map)),
  };
}

/** The part of a 2D canvas context the scene uses (on the page or in a worker, where the DOM's types are not). */
export interface SceneContext {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  fillStyle: string | object;
  strokeStyle: string | object;
  lineWidth: number;
}

/**
 * Line width and the smallest box side on screen, px: a card stays a visible
 * dot however far out. Lines are 1 px: Skia draws those as hairlines, and
 * 10,000 lines of a 5,000-stakeholder map took 140 ms a frame at 1.2 px and
 * 17 ms at 1 px (measured in Debian's Chromium, no GPU).
 */
const LINE_PX = 1;
const EMPHASIS_PX = 3;
const MIN_BOX_PX = 3;
const SELECTED_PX = 2;
const SELECTED_COLOUR = '#0f172a';
/** The boundary as styles.css draws it (.boundary-node): a faint tint, a dashed edge. */
const BOUNDARY = { fill: 'rgba(31, 58, 95, 0.045)', stroke: '#7d93ad', dash: [6, 4], width: 2 };

/** The view: the canvas's size in CSS px and the transform to draw with. */
export interface SceneView {
  readonly transform: FarTransform;
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

/** The flow rectangle a view shows. */
export function viewRect({ transform: t, width, height }: Pick<SceneView, 'transform' | 'width' | 'height'>): Rect {
  return { x: -t.x / t.zoom, y: -t.y / t.zoom, width: width / t.zoom, height: height / t.zoom };
}

/** One stroke of lines: every line of a kind, plain or emphasised, as an SVG path in flow coordinates. */
export interface ScenePath {
  readonly d: string;
  readonly color: string;
  /** On screen, px (the path is drawn with a non-scaling stroke). */
  readonly width: number;
}

/**
 * The scene's lines as they are stroked: one stroke per kind, then the
 * emphasised ones, thicker, on top. `add` puts line i in the current stroke
 * and says whether it did; `stroke` ends a stroke that has any line.
 */
function eachStroke(scene: PackedScene, add: (i: number) => boolean, stroke: (color: string, width: number) => void): void {
  for (const emphasised of [0, 1]) {
    for (let k = 0; k < KINDS.length; k++) {
      let any = false;
      for (let i = 0; i < scene.kinds.length; i++) {
        if (scene.kinds[i] === k && scene.emphasis[i] === emphasised && add(i)) any = true;
      }
      if (any) stroke(KIND_STYLE[KINDS[k]!].color, emphasised ? EMPHASIS_PX : LINE_PX);
    }
  }
}

/** The scene's lines as paths, in drawScene's order (eachStroke). */
export function scenePaths(scene: PackedScene): ScenePath[] {
  const paths: ScenePath[] = [];
  const l = scene.lines;
  let parts: string[] = [];
  eachStroke(
    scene,
    (i) => {
      parts.push(`M${l[i * 4]} ${l[i * 4 + 1]}L${l[i * 4 + 2]} ${l[i * 4 + 3]}`);
      return true;
    },
    (color, width) => {
      paths.push({ d: parts.join(''), color, width });
      parts = [];
    },
  );
  return paths;
}

/** Draws the scene; returns how many boxes and lines it drew. */
export function drawScene(ctx: SceneContext, scene: PackedScene, view: SceneView): { boxes: number; lines: number } {
  const { transform: t, width, height, dpr } = view;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  // Drawn in screen px, each point transformed here: Skia strokes a path
  // scaled by 1/100 (a far zoom) much more slowly than the same path unscaled.
  const { zoom } = t;
  const box = viewRect(view);
  const [x1, y1] = [box.x + box.width, box.y + box.height];

  if (!scene.linesOnly) {
    // The organization's boundary, under everything.
    const [bx, by, bw, bh] = scene.boundary;
    const [x, y, w, h] = [bx * zoom + t.x, by * zoom + t.y, bw * zoom, bh * zoom];
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.fillStyle = BOUNDARY.fill;
    ctx.fill();
    ctx.setLineDash(BOUNDARY.dash);
    ctx.strokeStyle = BOUNDARY.stroke;
    ctx.lineWidth = BOUNDARY.width;
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Lines first (eachStroke), only those that reach into the view.
  let lines = 0;
  ctx.beginPath();
  eachStroke(
    scene,
    (i) => {
      const [ax, ay, bx, by] = [scene.lines[i * 4]!, scene.lines[i * 4 + 1]!, scene.lines[i * 4 + 2]!, scene.lines[i * 4 + 3]!];
      if (Math.max(ax, bx) < box.x || Math.min(ax, bx) > x1 || Math.max(ay, by) < box.y || Math.min(ay, by) > y1) return false;
      ctx.moveTo(ax * zoom + t.x, ay * zoom + t.y);
      ctx.lineTo(bx * zoom + t.x, by * zoom + t.y);
      lines++;
      return true;
    },
    (color, width) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.stroke();
      ctx.beginPath();
    },
  );
  if (scene.linesOnly) return { boxes: 0, lines };

  // Boxes, one path per colour, in whole pixels; at least MIN_BOX_PX, centred on the card.
  const w = Math.round(Math.max(NODE_SIZE.width * zoom, MIN_BOX_PX));
  const h = Math.round(Math.max(NODE_SIZE.height * zoom, MIN_BOX_PX));
  const dx = (NODE_SIZE.width * zoom - w) / 2;
  const dy = (NODE_SIZE.height * zoom - h) / 2;
  const byLabel: number[][] = LABELS.map(() => []);
  const selected: number[] = [];
  let boxes = 0;
  for (let i = 0; i < scene.xs.length; i++) {
    const x = Math.round(scene.xs[i]! * zoom + t.x + dx);
    const y = Math.round(scene.ys[i]! * zoom + t.y + dy);
    if (x > width || y > height || x + w < 0 || y + h < 0) continue;
    byLabel[scene.labels[i]!]!.push(x, y);
    if (scene.selected[i]) selected.push(x, y);
    boxes++;
  }
  byLabel.forEach((list, l) => {
    if (list.length === 0) return;
    ctx.beginPath();
    for (let i = 0; i < list.length; i += 2) ctx.rect(list[i]!, list[i + 1]!, w, h);
    ctx.fillStyle = LABEL_STYLE[LABELS[l]!].color;
    ctx.fill();
  });
  if (selected.length > 0) {
    ctx.beginPath();
    for (let i = 0; i < selected.length; i += 2) ctx.rect(selected[i]! - SELECTED_PX, selected[i + 1]! - SELECTED_PX, w + 2 * SELECTED_PX, h + 2 * SELECTED_PX);
    ctx.strokeStyle = SELECTED_COLOUR;
    ctx.lineWidth = SELECTED_PX;
    ctx.stroke();
  }
  return { boxes, lines };
}

/**
 * The stakeholder drawn at `point` (flow coordinates), the one on top (drawn
 * last) when boxes overlap; a box counts as `slackPx` screen px larger, so a
 * dot of a few pixels can still be taken. Null over empty canvas.
 */
export function stakeholderAt(map: StakeMap, point: { x: number; y: number }, zoom: number, slackPx = 4): string | null {
  const w = Math.max(NODE_SIZE.width, MIN_BOX_PX / zoom);
  const h = Math.max(NODE_SIZE.height, MIN_BOX_PX / zoom);
  const slack = slackPx / zoom;
  let best: { id: string; d: number } | null = null;
  for (let i = map.stakeholders.length - 1; i >= 0; i--) {
    const s = map.stakeholders[i]!;
    const x = (s.position?.x ?? 0) + (NODE_SIZE.width - w) / 2;
    const y = (s.position?.y ?? 0) + (NODE_SIZE.height - h) / 2;
    const outX = Math.max(x - point.x, 0, point.x - (x + w));
    const outY = Math.max(y - point.y, 0, point.y - (y + h));
    if (outX > slack || outY > slack) continue;
    const d = Math.hypot(outX, outY);
    // Inside a box: the topmost wins at once; near several: the nearest.
    if (d === 0) return s.id;
    if (!best || d < best.d) best = { id: s.id, d };
  }
  return best?.id ?? null;
}
