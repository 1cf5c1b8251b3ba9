// Stakemap beside its floor: the same gestures on the same generated map, in
// the app and on a bare React Flow page (test/bench/bare, built by the npm
// script), at 1,000/2,000 and 5,000/10,000, in one run on one machine. For
// each gesture: the p95 frame (median over runs) and the longest frame of
// each, and Stakemap's p95 as a ratio of the bare page's.
import type { Browser, Page } from '@playwright/test';
import { BARE_NODES, dragNode, generate, newContext, pan, zoomInOut, zoomTo } from '../gestures';
import { BUDGET, log, sleep, type Bench, type MapSize } from '../settings';
import { markdownTable, median, ms, percentile } from '../stats';

export const FLOOR_SIZES: readonly MapSize[] = [
  { stakeholders: 1_000, relations: 2_000, seed: 1 },
  { stakeholders: 5_000, relations: 10_000, seed: 1 },
];

/** A gesture that has not ended by then counts as a freeze: its row says so, and the run goes on. */
const GESTURE_TIMEOUT_MS = 60_000;

type Kind = 'stakemap' | 'bare';
interface Measured {
  readonly p95: number;
  readonly longest: number;
}
type Result = Measured | 'timed out' | 'failed';

interface Gesture {
  readonly name: string;
  /** Zoom to set first; undefined: the opening view. */
  readonly zoom?: number;
  readonly run: (page: Page, kind: Kind) => Promise<number[]>;
}

const drag = (page: Page, kind: Kind) => dragNode(page, kind === 'bare' ? { nodes: BARE_NODES, saves: false } : {});

const GESTURES: readonly Gesture[] = [
  { name: 'pan, opening view', run: (page) => pan(page) },
  { name: 'wheel zoom in and out, opening view', run: (page) => zoomInOut(page) },
  { name: 'drag a node, opening view', run: drag },
  { name: 'pan at zoom 0.7', zoom: 0.7, run: (page) => pan(page) },
  { name: 'pan at zoom 1', zoom: 1, run: (page) => pan(page) },
  { name: 'drag a node at zoom 1', zoom: 1, run: drag },
  { name: 'wheel zoom out from 1 and back', zoom: 1, run: (page) => zoomInOut(page, true) },
];

async function withTimeout<T>(work: Promise<T>): Promise<T | 'timed out'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), GESTURE_TIMEOUT_MS)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openPage(browser: Browser, kind: Kind, size: MapSize, bareBase: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  if (kind === 'stakemap') await generate(page, size);
  else {
    await page.goto(`${bareBase}/?stakeholders=${size.stakeholders}&relations=${size.relations}&seed=${size.seed}`);
    await page.locator(BARE_NODES).first().waitFor({ timeout: 120_000 });
    await sleep(1_000);
  }
  return page;
}

async function measure(bench: Bench, browser: Browser, kind: Kind, size: MapSize, bareBase: string): Promise<Map<string, Result>> {
  const out = new Map<string, Result>();
  let page: Page | null = null;
  let opening = 1;
  for (const gesture of GESTURES) {
    log(`  ${kind} ${size.stakeholders}: ${gesture.name}…`);
    try {
      page ??= await openPage(browser, kind, size, bareBase);
      if (gesture.zoom === undefined && out.size === 0) opening = await page.evaluate(() => window.__bench.zoom());
      const p = page;
      const result = await withTimeout(
        (async () => {
          await zoomTo(p, gesture.zoom ?? opening, kind === 'bare' ? BARE_NODES : undefined);
          const p95s: number[] = [];
          const all: number[] = [];
          for (let i = 0; i < bench.runs.frames; i++) {
            const frames = await gesture.run(p, kind);
            p95s.push(percentile(frames, 95));
            all.push(...frames);
            await sleep(300);
          }
          return { p95: median(p95s), longest: Math.max(...all) };
        })(),
      );
      out.set(gesture.name, result);
      if (result === 'timed out') {
        // A frozen page cannot be trusted for the next gesture: start again.
        await page.context().close().catch(() => undefined);
        page = null;
      }
    } catch (err) {
      log(`    failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
      out.set(gesture.name, 'failed');
      await page?.context().close().catch(() => undefined);
      page = null;
    }
  }
  await page?.context().close().catch(() => undefined);
  return out;
}

const cell = (r: Result | undefined, key: keyof Measured) => (r === undefined ? '' : typeof r === 'string' ? r : ms(r[key], 1));

/** Runs every gesture on both pages at both sizes; returns the Markdown table for BENCHMARKS.md. */
export async function floor(bench: Bench, browser: Browser, bareBase: string): Promise<string> {
  const body: string[][] = [];
  for (const size of FLOOR_SIZES) {
    const app = await measure(bench, browser, 'stakemap', size, bareBase);
    const bare = await measure(bench, browser, 'bare', size, bareBase);
    for (const { name } of GESTURES) {
      const a = app.get(name);
      const b = bare.get(name);
      const ratio = typeof a === 'object' && typeof b === 'object' && b.p95 > 0 ? `${(a.p95 / b.p95).toFixed(2)}×` : '';
      const met = typeof a === 'object' ? (a.p95 <= BUDGET.frameP95Ms && a.longest <= 100 ? 'ok' : 'OVER') : 'OVER';
      body.push([`${size.stakeholders.toLocaleString('en-US')}/${size.relations.toLocaleString('en-US')}`, name, cell(a, 'p95'), cell(b, 'p95'), ratio, cell(a, 'longest'), cell(b, 'longest'), met]);
    }
  }
  return markdownTable(['map', 'gesture', 'Stakemap p95', 'bare p95', 'ratio', 'Stakemap longest', 'bare longest', `met (p95 ≤ ${BUDGET.frameP95Ms} ms, none > 100 ms)`], body);
}
