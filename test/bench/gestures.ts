// Page helpers of the browser benchmark: a fresh browser context with the
// probes of page.ts, the generated maps, and the gestures a hand makes
// (paced mouse moves, wheel zooms, drags), each recorded frame by frame or
// timed from key to paint through window.__bench.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { farBoxes } from '../e2e/farBoxes';
import { installBench, type LoadTimes } from './page';
import { BASE, VIEWPORT, sleep, type MapSize } from './settings';

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  // tsx (esbuild) names functions with a `__name` helper that the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await context.addInitScript({ content: `(${installBench.toString()})();` });
  return context;
}

export async function loadTimes(page: Page, which: 'start' | 'map'): Promise<LoadTimes> {
  const times = await page.evaluate((w) => window.__bench.load[w], which);
  if (!times) throw new Error(`the ${which} screen did not appear`);
  return times;
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
}

/** Opens a generated map of `size` (the app's dev route) and waits until it is drawn and saved; returns its URL. */
export async function generate(page: Page, size: MapSize): Promise<string> {
  await page.goto(`${BASE}/#/dev/generate?stakeholders=${size.stakeholders}&relations=${size.relations}&seed=${size.seed}`);
  await page.waitForURL(/#\/map\//, { timeout: 60_000 });
  // Opened whole: a large map opens far out, drawn on the far view's canvas.
  await page.locator('.react-flow__node-stakeholder, [data-testid="far-canvas"]').first().waitFor({ timeout: 60_000 });
  await waitSaved(page);
  return page.url();
}

/** Times one edit: arms the probe, runs the gesture, reads key → painted. */
export async function timeEdit(page: Page, kind: 'add' | 'delete' | 'rename' | 'move', arg: string, gesture: () => Promise<void>): Promise<number> {
  await page.evaluate(([k, a]) => window.__bench.armEdit(k as 'add', a!), [kind, arg]);
  await gesture();
  const times = await page.evaluate(() => window.__bench.edit);
  if (!times || !Number.isFinite(times.key)) throw new Error(`the ${kind} edit did not show`);
  return times.painted - times.key;
}

export const canvasBox = async (page: Page): Promise<{ x: number; y: number; width: number; height: number }> => {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
};

/** A point of the canvas where the empty pane (not a node, edge or control) is under the pointer, nearest the centre. */
export async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page);
  const far = await farBoxes(page);
  const point = await page.evaluate(([b, boxes]) => {
    // A far box is pixels on a canvas under the pane: keep 8 px clear of each.
    const onBox = (x: number, y: number) => boxes.some((r) => x > r.x - 8 && x < r.x + r.width + 8 && y > r.y - 8 && y < r.y + r.height + 8);
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    // Nearest the centre first, and the first empty spot found: on a page of
    // thousands of elements each elementFromPoint takes milliseconds, and
    // scanning the whole canvas took minutes on the bare page.
    const spots: { x: number; y: number; d: number }[] = [];
    for (let y = b.y + 60; y < b.y + b.height - 60; y += 9) {
      for (let x = b.x + 60; x < b.x + b.width - 240; x += 9) spots.push({ x, y, d: Math.hypot(x - cx, y - cy) });
    }
    spots.sort((p, q) => p.d - q.d);
    for (const spot of spots) {
      if (onBox(spot.x, spot.y)) continue;
      if (document.elementFromPoint(spot.x, spot.y)?.classList.contains('react-flow__pane')) return spot;
    }
    return null;
  }, [box, far] as const);
  if (!point) throw new Error('no empty spot on the canvas');
  return point;
}

/** Stakemap's stakeholder cards; the bare React Flow page's plain nodes (test/bench/bare). */
export const STAKEHOLDER_NODES = '.react-flow__node-stakeholder';
export const BARE_NODES = '.react-flow__node-default';

/** The shown stakeholder node nearest the canvas centre, clear of the edges of the view. */
export async function centralNode(page: Page, skip: readonly string[] = [], nodes = STAKEHOLDER_NODES): Promise<{ id: string; x: number; y: number }> {
  const box = await canvasBox(page);
  const far = nodes === STAKEHOLDER_NODES ? await farBoxes(page) : [];
  const found = await page.evaluate(
    ([b, skipIds, selector, boxes]) => {
      const candidates = boxes.length > 0
        ? boxes.map((r) => ({ id: r.id, r, el: null }))
        : [...document.querySelectorAll(selector)].map((n) => ({ id: n.getAttribute('data-id') ?? '', r: n.getBoundingClientRect(), el: n }));
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      let best: { id: string; x: number; y: number; d: number } | null = null;
      for (const { id, r, el } of candidates) {
        if (skipIds.includes(id)) continue;
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        if (x < b.x + 150 || x > b.x + b.width - 300 || y < b.y + 150 || y > b.y + b.height - 150) continue;
        const under = document.elementFromPoint(x, y);
        if (el ? under?.closest('.react-flow__node') !== el : !under?.classList.contains('react-flow__pane')) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { id, x, y, d };
      }
      return best;
    },
    [box, skip, nodes, far] as const,
  );
  if (!found) throw new Error('no stakeholder node in view');
  return found;
}

/** Moves the mouse along `path` at about 60 events a second, as a hand does. */
async function pacedMoves(page: Page, path: readonly { x: number; y: number }[]): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < path.length; i++) {
    await page.mouse.move(path[i]!.x, path[i]!.y);
    const next = started + (i + 1) * 16;
    if (next > Date.now()) await sleep(next - Date.now());
  }
}

/** A closed circle starting and ending at `from`: the pointer ends where it began. */
const circle = (from: { x: number; y: number }, radius: number, steps: number) =>
  Array.from({ length: steps + 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / steps;
    return { x: from.x + radius * (1 - Math.cos(a)), y: from.y + radius * Math.sin(a) };
  });

/** The frame durations (ms) the page painted while `gesture` ran. */
async function recordFrames(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => window.__bench.startFrames());
  await sleep(50);
  await gesture();
  await sleep(50);
  return page.evaluate(() => window.__bench.stopFrames());
}

/** A circle dragged on the empty pane; `at`: where to grab it (found by panePoint if not given). */
export async function pan(page: Page, at?: { x: number; y: number }): Promise<number[]> {
  at ??= await panePoint(page);
  return recordFrames(page, async () => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await pacedMoves(page, circle(at, 160, 90));
    await page.mouse.up();
  });
}

/** 36 wheel steps in, then 36 out, paced like pacedMoves. */
/** 36 wheel steps in, then 36 out, at a hand's pace; `outFirst` for the other way round. */
export async function zoomInOut(page: Page, outFirst = false): Promise<number[]> {
  const box = await canvasBox(page);
  const at = { x: box.x + box.width / 2 - 120, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  return recordFrames(page, async () => {
    for (const dy of outFirst ? [50, -50] : [-50, 50]) {
      const started = Date.now();
      for (let i = 0; i < 36; i++) {
        await page.mouse.wheel(0, dy);
        const next = started + (i + 1) * 16;
        if (next > Date.now()) await sleep(next - Date.now());
      }
    }
  });
}

/** Drags the stakeholder nearest the centre in a circle; `saves`: wait for Stakemap's save after (the bare page has none). */
export async function dragNode(page: Page, { nodes = STAKEHOLDER_NODES, saves = true } = {}): Promise<number[]> {
  const node = await centralNode(page, [], nodes);
  const frames = await recordFrames(page, async () => {
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    await pacedMoves(page, circle(node, 90, 90));
    await page.mouse.up();
  });
  if (saves) await waitSaved(page);
  return frames;
}

/**
 * Zooms with the wheel until the zoom reaches `target`, around the stakeholder
 * nearest the canvas centre (a narrow map may leave the centre itself empty).
 */
export async function zoomTo(page: Page, target: number, nodes = STAKEHOLDER_NODES): Promise<number> {
  const box = await canvasBox(page);
  const far = nodes === STAKEHOLDER_NODES ? await farBoxes(page) : [];
  const at = await page.evaluate(([b, selector, boxes]) => {
    const cx = b.x + b.width / 2 - 120;
    const cy = b.y + b.height / 2;
    let best = { x: cx, y: cy, d: Infinity };
    for (const r of boxes.length > 0 ? boxes : [...document.querySelectorAll(selector)].map((n) => n.getBoundingClientRect())) {
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (d < best.d) best = { x, y, d };
    }
    return best;
  }, [box, nodes, far] as const);
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 120; i++) {
    const zoom = await page.evaluate(() => window.__bench.zoom());
    if (Math.abs(Math.log(zoom / target)) < 0.08) break;
    // Big steps while far from the target (a 5,000-stakeholder map opens at ~0.01), small ones near it.
    const step = Math.abs(Math.log(zoom / target)) > 0.7 ? 150 : 40;
    await page.mouse.wheel(0, zoom < target ? -step : step);
    await sleep(30);
  }
  await sleep(400);
  return page.evaluate(() => window.__bench.zoom());
}
