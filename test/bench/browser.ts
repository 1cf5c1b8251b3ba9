// `npm run bench:browser`: every budget of issue 7 measured in Debian's
// Chromium against the production build (dist/, built by the npm script),
// served by `vite preview` on 127.0.0.1. Prints a table of figure, budget and
// result, and writes it with the date and machine into BENCHMARKS.md.
//
//   npx tsx test/bench/browser.ts [--quick] [--no-write] [--dist=DIR] [--only=save,layout]
//
// --only runs just the named sections (start, open, frames, edits, save,
// layout, export) and never writes BENCHMARKS.md: a partial table would replace the full one.
//
// Results are medians of several runs; p95 where the budget says p95 (the
// p95 of each run, then the median of those). CPU throttling is off: this
// machine is the "modest laptop". Figures are measured, never asserted.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { installBench, type EditTimes, type LoadTimes } from './page';
import { formatTable, median, ms, percentile, replaceBlock, startScripts, type TableRow } from './stats';

const ROOT = join(import.meta.dirname, '..', '..');
// --dist=DIR serves another copy of the build (so a rebuild of dist/ meanwhile cannot mix versions).
const DIST = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? join(ROOT, 'dist');
const PORT = 4183;
const BASE = `http://127.0.0.1:${PORT}`;
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (section: string): boolean => !ONLY || ONLY.includes(section);
const SECTIONS = ['start', 'open', 'frames', 'edits', 'save', 'layout', 'export'];
for (const name of ONLY ?? []) if (!SECTIONS.includes(name)) throw new Error(`--only: no section "${name}" (${SECTIONS.join(', ')})`);
const WRITE = !process.argv.includes('--no-write') && !ONLY;
const RUNS = QUICK
  ? { tti: 3, open: 3, frames: 1, edits: 3, saves: 6, saveRuns: 1, layout: 1, export: 1 }
  : { tti: 9, open: 7, frames: 3, edits: 9, saves: 12, saveRuns: 3, layout: 3, export: 3 };
const BIG = { stakeholders: 1_000, relations: 2_000, seed: 1 };
const EXPORT_MAP = { stakeholders: 500, relations: 1_000, seed: 2 };
const VIEWPORT = config.use?.viewport ?? { width: 1440, height: 900 };
const LAUNCH_ARGS = config.use?.launchOptions?.args ?? [];

const BUDGET = {
  startKb: 200,
  interactiveMs: 1_000,
  frameP95Ms: 20,
  editPaintMs: 100,
  openMs: 500,
  saveP95Ms: 10,
  layoutMs: 1_000,
  blockMs: 50,
  exportMs: 3_000,
};

const rows: TableRow[] = [];
const addRow = (row: TableRow): void => {
  rows.push(row);
  console.log(`  ${row.figure}: ${row.result} (budget ${row.budget}) ${row.verdict}${row.detail ? ` — ${row.detail}` : ''}`);
};
const log = (...args: unknown[]): void => console.log(...args);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const verdict = (ok: boolean): 'ok' | 'OVER' => (ok ? 'ok' : 'OVER');

// ---------------------------------------------------------------- server

async function startServer(): Promise<ChildProcess> {
  // Something already answering there would be measured instead of this build.
  const taken = await fetch(BASE).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`${BASE} is already in use: stop whatever serves it, then run again`);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  stopServer(server);
  throw new Error(`vite preview did not answer on ${BASE}`);
}

function stopServer(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its own process group: npx and vite
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------- page helpers

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  // tsx (esbuild) names functions with a `__name` helper that the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await context.addInitScript({ content: `(${installBench.toString()})();` });
  return context;
}

async function loadTimes(page: Page, which: 'start' | 'map'): Promise<LoadTimes> {
  const times = await page.evaluate((w) => window.__bench.load[w], which);
  if (!times) throw new Error(`the ${which} screen did not appear`);
  return times;
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
}

/** Times one edit: arms the probe, runs the gesture, reads key → painted. */
async function timeEdit(page: Page, kind: 'add' | 'delete' | 'rename' | 'move', arg: string, gesture: () => Promise<void>): Promise<number> {
  await page.evaluate(([k, a]) => window.__bench.armEdit(k as 'add', a!), [kind, arg]);
  await gesture();
  const times = (await page.evaluate(() => window.__bench.edit)) as EditTimes | null;
  if (!times || !Number.isFinite(times.key)) throw new Error(`the ${kind} edit did not show`);
  return times.painted - times.key;
}

const canvasBox = async (page: Page): Promise<{ x: number; y: number; width: number; height: number }> => {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
};

/** A point of the canvas where the empty pane (not a node, edge or control) is under the pointer, nearest the centre. */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await canvasBox(page);
  const point = await page.evaluate((b) => {
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    let best: { x: number; y: number; d: number } | null = null;
    for (let y = b.y + 60; y < b.y + b.height - 60; y += 9) {
      for (let x = b.x + 60; x < b.x + b.width - 240; x += 9) {
        const el = document.elementFromPoint(x, y);
        if (!el?.classList.contains('react-flow__pane')) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { x, y, d };
      }
    }
    return best;
  }, box);
  if (!point) throw new Error('no empty spot on the canvas');
  return point;
}

/** The shown stakeholder node nearest the canvas centre, clear of the edges of the view. */
async function centralNode(page: Page, skip: readonly string[] = []): Promise<{ id: string; x: number; y: number }> {
  const box = await canvasBox(page);
  const found = await page.evaluate(
    ([b, skipIds]) => {
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      let best: { id: string; x: number; y: number; d: number } | null = null;
      for (const n of document.querySelectorAll('.react-flow__node-stakeholder')) {
        const id = n.getAttribute('data-id') ?? '';
        if (skipIds.includes(id)) continue;
        const r = n.getBoundingClientRect();
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        if (x < b.x + 150 || x > b.x + b.width - 300 || y < b.y + 150 || y > b.y + b.height - 150) continue;
        if (document.elementFromPoint(x, y)?.closest('.react-flow__node') !== n) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { id, x, y, d };
      }
      return best;
    },
    [box, skip] as const,
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

const circle = (from: { x: number; y: number }, radius: number, steps: number) =>
  Array.from({ length: steps + 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / steps;
    return { x: from.x + radius * (1 - Math.cos(a)), y: from.y + radius * Math.sin(a) };
  });

async function recordFrames(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => window.__bench.startFrames());
  await sleep(50);
  await gesture();
  await sleep(50);
  return page.evaluate(() => window.__bench.stopFrames());
}

async function pan(page: Page): Promise<number[]> {
  const at = await panePoint(page);
  return recordFrames(page, async () => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await pacedMoves(page, circle(at, 160, 90));
    await page.mouse.up();
  });
}

async function zoomInOut(page: Page): Promise<number[]> {
  const box = await canvasBox(page);
  const at = { x: box.x + box.width / 2 - 120, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  return recordFrames(page, async () => {
    for (const dy of [-50, 50]) {
      const started = Date.now();
      for (let i = 0; i < 36; i++) {
        await page.mouse.wheel(0, dy);
        const next = started + (i + 1) * 16;
        if (next > Date.now()) await sleep(next - Date.now());
      }
    }
  });
}

async function dragNode(page: Page): Promise<number[]> {
  const node = await centralNode(page);
  const frames = await recordFrames(page, async () => {
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    await pacedMoves(page, circle(node, 90, 90));
    await page.mouse.up();
  });
  await waitSaved(page);
  return frames;
}

/** Zooms with the wheel around the canvas centre until the zoom reaches `target`. */
async function zoomTo(page: Page, target: number): Promise<number> {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    const zoom = await page.evaluate(() => window.__bench.zoom());
    if (Math.abs(Math.log(zoom / target)) < 0.08) break;
    await page.mouse.wheel(0, zoom < target ? -40 : 40);
    await sleep(30);
  }
  await sleep(400);
  return page.evaluate(() => window.__bench.zoom());
}

// ---------------------------------------------------------------- traces

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
}

interface Span {
  start: number;
  end: number;
}

/** Main-thread tasks and the windows of a User Timing measure, in ms on the trace clock. */
function readTrace(buffer: Buffer, measure: string): { tasks: Span[]; windows: Span[] } {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name === measure);
  const main = marks[0];
  if (!main) return { tasks: [], windows: [] };
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid)
    .map((e) => ({ start: e.ts / 1000, end: (e.ts + (e.dur ?? 0)) / 1000 }));
  const windows: Span[] = [];
  const open = new Map<string, number>();
  for (const e of marks.sort((a, b) => a.ts - b.ts)) {
    const key = e.id ?? e.id2?.local ?? '';
    if (e.ph === 'b') open.set(key, e.ts / 1000);
    else if (e.ph === 'e' && open.has(key)) {
      windows.push({ start: open.get(key)!, end: e.ts / 1000 });
      open.delete(key);
    }
  }
  return { tasks, windows };
}

/** Main-thread time spent in tasks within the window. */
function busyWithin(tasks: readonly Span[], w: Span): number {
  let busy = 0;
  for (const t of tasks) busy += Math.max(0, Math.min(t.end, w.end) - Math.max(t.start, w.start));
  return busy;
}

function longestWithin(tasks: readonly Span[], w: Span): number {
  let longest = 0;
  for (const t of tasks) if (t.end > w.start && t.start < w.end) longest = Math.max(longest, t.end - t.start);
  return longest;
}

const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing', 'toplevel'];

// ---------------------------------------------------------------- figures

function initialJs(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = startScripts(html).map((url) => {
    const bytes = readFileSync(join(DIST, url.replace(/^\//, '')));
    return { name: url.replace(/^\/assets\//, ''), raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => sum + f.gz, 0) / 1024;
  const raw = files.reduce((sum, f) => sum + f.raw, 0) / 1024;
  log(`initial JS: ${files.map((f) => `${f.name} ${(f.gz / 1024).toFixed(1)} KB`).join(', ')}`);
  addRow({
    figure: 'Start: initial JS, gzip -9 (entry + modulepreloads)',
    budget: `≤ ${BUDGET.startKb} KB`,
    result: `${total.toFixed(1)} KB`,
    verdict: verdict(total <= BUDGET.startKb),
    detail: `${files.length} files, ${raw.toFixed(0)} KB minified`,
  });
}

async function timeToInteractive(browser: Browser): Promise<void> {
  const visible: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < RUNS.tti; i++) {
    const context = await newContext(browser); // a first visit: empty cache and storage
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    const t = await loadTimes(page, 'start');
    visible.push(t.visible);
    interactive.push(t.interactive);
    await context.close();
  }
  addRow({
    figure: 'Start: navigation → start screen interactive (first visit)',
    budget: `≤ ${BUDGET.interactiveMs} ms`,
    result: ms(median(interactive)),
    verdict: verdict(median(interactive) <= BUDGET.interactiveMs),
    detail: `"New map" shown at ${ms(median(visible))}; worst ${ms(Math.max(...interactive))}; n=${RUNS.tti}`,
  });
}

async function generate(page: Page, size: { stakeholders: number; relations: number; seed: number }): Promise<string> {
  await page.goto(`${BASE}/#/dev/generate?stakeholders=${size.stakeholders}&relations=${size.relations}&seed=${size.seed}`);
  await page.waitForURL(/#\/map\//, { timeout: 60_000 });
  await page.locator('.react-flow__node-stakeholder').first().waitFor({ timeout: 60_000 });
  await waitSaved(page);
  return page.url();
}

async function openFromStorage(page: Page): Promise<void> {
  const visible: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < RUNS.open + 1; i++) {
    await page.reload();
    const t = await loadTimes(page, 'map');
    await waitSaved(page);
    if (i === 0) continue; // the first reload warms the HTTP cache and service worker, like any later visit
    visible.push(t.visible);
    interactive.push(t.interactive);
  }
  addRow({
    figure: `Open: ${BIG.stakeholders.toLocaleString('en-US')}-stakeholder map from IndexedDB → interactive (reload)`,
    budget: `≤ ${BUDGET.openMs} ms`,
    result: ms(median(interactive)),
    verdict: verdict(median(interactive) <= BUDGET.openMs),
    detail: `nodes shown at ${ms(median(visible))}; worst ${ms(Math.max(...interactive))}; from navigation start; n=${RUNS.open}`,
  });
}

async function frameFigure(page: Page, name: string, gesture: (page: Page) => Promise<number[]>): Promise<void> {
  const p95s: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < RUNS.frames; i++) {
    const frames = await gesture(page);
    p95s.push(percentile(frames, 95));
    all.push(...frames);
    await sleep(300);
  }
  const result = median(p95s);
  addRow({
    figure: `Editing 1,000/2,000: ${name}, p95 frame`,
    budget: `≤ ${BUDGET.frameP95Ms} ms`,
    result: ms(result, 1),
    verdict: verdict(result <= BUDGET.frameP95Ms),
    detail: `median frame ${ms(median(all), 1)}, longest ${ms(Math.max(...all))}, ${all.length} frames in ${RUNS.frames} run(s)`,
  });
}

async function nodeIds(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('.react-flow__node-stakeholder')].map((n) => n.getAttribute('data-id')).join(' '));
}

async function edits(page: Page): Promise<void> {
  const add: number[] = [];
  const remove: number[] = [];
  const rename: number[] = [];
  for (let i = 0; i < RUNS.edits; i++) {
    await page.mouse.click(...(Object.values(await panePoint(page)) as [number, number]));
    await waitSaved(page);
    add.push(await timeEdit(page, 'add', await nodeIds(page), () => page.keyboard.press('n')));
    await page.keyboard.press('Escape'); // leaves the new node's name field; the node stays selected
    await waitSaved(page);
    const added = await page.evaluate(() => document.querySelector('.react-flow__node-stakeholder.selected')?.getAttribute('data-id') ?? '');
    remove.push(await timeEdit(page, 'delete', added, () => page.keyboard.press('Delete')));
    await waitSaved(page);
  }
  const node = await centralNode(page);
  await page.mouse.click(node.x, node.y);
  const field = page.getByLabel('Name', { exact: true });
  await field.click();
  await page.keyboard.press('End');
  for (let i = 0; i < RUNS.edits; i++) {
    const expected = `${await field.inputValue()}x`;
    rename.push(await timeEdit(page, 'rename', `${node.id}\u0000${expected}`, () => page.keyboard.press('x')));
    await waitSaved(page);
  }
  await page.keyboard.press('Escape');
  for (const [name, values] of [['add (N)', add], ['rename (typing a letter)', rename], ['delete (Delete)', remove]] as const) {
    addRow({
      figure: `Editing 1,000/2,000: ${name}, key → painted`,
      budget: `≤ ${BUDGET.editPaintMs} ms`,
      result: ms(median(values)),
      verdict: verdict(median(values) <= BUDGET.editPaintMs),
      detail: `p95 ${ms(percentile(values, 95))}; n=${values.length}`,
    });
  }
}

async function saving(browser: Browser, page: Page): Promise<void> {
  const p95s: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < RUNS.saveRuns; run++) {
    const node = await centralNode(page);
    await page.mouse.click(node.x, node.y);
    const field = page.getByLabel('Name', { exact: true });
    await field.click();
    await page.keyboard.press('End');
    await waitSaved(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let i = 0; i < RUNS.saves; i++) {
      await page.keyboard.press('y');
      await page.locator('[data-testid="save-status"]:not([data-state="saved"])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      await waitSaved(page);
      await sleep(60);
    }
    const { tasks, windows } = readTrace(await browser.stopTracing(), 'stakemap:save');
    await page.keyboard.press('Escape');
    const costs = windows.map((w) => busyWithin(tasks, w));
    if (costs.length === 0) throw new Error('no save was seen in the trace');
    p95s.push(percentile(costs, 95));
    all.push(...costs);
  }
  const result = median(p95s);
  addRow({
    figure: 'Saving: main-thread time of one edit\'s write, 1,000/2,000, p95',
    budget: `≤ ${BUDGET.saveP95Ms} ms`,
    result: ms(result, 1),
    verdict: verdict(result <= BUDGET.saveP95Ms),
    detail: `median ${ms(median(all), 1)}; ${all.length} writes; main-thread task time between the start and end of each write (trace)`,
  });
}

async function layout(browser: Browser, page: Page): Promise<void> {
  const totals: number[] = [];
  const computes: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < RUNS.layout; i++) {
    await waitSaved(page);
    const node = await centralNode(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const started = await page.evaluate(() => performance.now());
    const total = await timeEdit(page, 'move', node.id, () => page.keyboard.press('l'));
    const ended = await page.evaluate(() => performance.now());
    const buffer = await browser.stopTracing();
    totals.push(total);
    computes.push(await page.evaluate(() => performance.getEntriesByName('stakemap:layout').at(-1)?.duration ?? NaN));
    // Longest main-thread task between the key press and the laid-out map answering.
    const { tasks, windows } = readTrace(buffer, 'stakemap:layout');
    const w = windows.at(-1);
    if (w) {
      const offset = w.start - (await page.evaluate(() => performance.getEntriesByName('stakemap:layout').at(-1)?.startTime ?? 0));
      longest.push(longestWithin(tasks, { start: started + offset, end: ended + offset }));
    }
    await waitSaved(page);
    await page.keyboard.press('Control+z'); // back to the generated positions for the next run
    await sleep(500);
  }
  addRow({
    figure: 'Layout: lanes, 1,000 stakeholders, key → laid-out map painted',
    budget: `≤ ${BUDGET.layoutMs} ms`,
    result: ms(median(totals)),
    verdict: verdict(median(totals) <= BUDGET.layoutMs),
    detail: `in the worker (graph + ELK + result) ${ms(median(computes))}; n=${totals.length}`,
  });
  const block = longest.length ? median(longest) : NaN;
  addRow({
    figure: 'Layout: longest main-thread task meanwhile',
    budget: `≤ ${BUDGET.blockMs} ms`,
    result: ms(block),
    verdict: verdict(block <= BUDGET.blockMs),
    detail: `worst ${ms(Math.max(...longest))}; from a trace`,
  });

  // Cancellable: start from the button, cancel, and nothing moves.
  const node = await centralNode(page);
  const before = await page.evaluate((id) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform, node.id);
  await page.getByRole('button', { name: 'Lay out' }).click();
  await page.getByRole('button', { name: /Cancel/ }).click({ timeout: 2_000 }).catch(() => undefined);
  await sleep(1_500);
  const after = await page.evaluate((id) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform, node.id);
  const idle = await page.getByRole('button', { name: 'Lay out' }).isVisible();
  addRow({
    figure: 'Layout: cancellable',
    budget: 'yes',
    result: before === after && idle ? 'yes' : 'no',
    verdict: verdict(before === after && idle),
    detail: 'Lay out, then Cancel: nothing moved',
  });
}

async function exportPng(page: Page): Promise<void> {
  await generate(page, EXPORT_MAP);
  const times: number[] = [];
  let info = '';
  for (let i = 0; i < RUNS.export; i++) {
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    await dialog.getByRole('radio', { name: /^PNG/ }).check({ force: true });
    await dialog.getByRole('radio', { name: '2x' }).check({ force: true });
    info = (await dialog.locator('figcaption').textContent()) ?? '';
    const button = dialog.getByRole('button', { name: 'Download PNG' });
    await button.waitFor();
    const clicksBefore = await page.evaluate(() => window.__bench.clicks.length);
    const downloadsBefore = await page.evaluate(() => window.__bench.downloads.length);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await button.click();
    await (await download).path();
    const t = await page.evaluate(([c, d]) => ({ click: window.__bench.clicks[c!], file: window.__bench.downloads[d!] }), [clicksBefore, downloadsBefore]);
    if (t.click === undefined || t.file === undefined) throw new Error('the export was not timed');
    times.push(t.file - t.click);
    await sleep(500);
  }
  addRow({
    figure: `Export: PNG 2x of ${EXPORT_MAP.stakeholders} stakeholders, click → file`,
    budget: `< ${BUDGET.exportMs} ms`,
    result: ms(median(times)),
    verdict: verdict(median(times) < BUDGET.exportMs),
    detail: `${info.split('·')[0]!.trim()}; n=${times.length}`,
  });
}

// ---------------------------------------------------------------- report

function machine(): string {
  const chromiumVersion = (() => {
    try {
      return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const mem = (() => {
    try {
      return execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1]?.replace(/\s+/g, ' ').trim() ?? '';
    } catch {
      return `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`;
    }
  })();
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(cpus().length);
    }
  })();
  return [
    `- nproc: ${nproc} (${cpus()[0]?.model ?? 'unknown CPU'})`,
    `- free -h: ${mem}`,
    `- ${chromiumVersion}, headless, launched with playwright.config.ts's arguments; CPU throttling off`,
    `- Node ${process.version}`,
  ].join('\n');
}

function report(startedAt: Date, write = WRITE): void {
  const { text, markdown } = formatTable(rows);
  log(`\n${text}\n`);
  if (!write) return;
  const file = join(ROOT, 'BENCHMARKS.md');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const content = [
    `Last run of \`npm run bench:browser\`${QUICK ? ' (--quick: fewer runs)' : ''}: ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
    '',
    machine(),
    '',
    markdown,
  ].join('\n');
  writeFileSync(file, replaceBlock(existing, '<!-- bench:browser:start -->', '<!-- bench:browser:end -->', content));
  log(`written to ${file}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm run bench:browser does).');
  const startedAt = new Date();
  initialJs();
  const server = await startServer();
  const stop = (): void => stopServer(server);
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
    if (runs('start')) {
      log('start screen…');
      await timeToInteractive(browser);
    }

    const b = browser;
    let context: BrowserContext | null = null;
    let page: Page | null = null;
    // The big map's page, made again (map and all) if a step left it closed.
    const bigPage = async (zoom?: number): Promise<Page> => {
      if (page && !page.isClosed()) return page;
      await context?.close().catch(() => undefined);
      context = await newContext(b);
      page = await context.newPage();
      page.on('crash', () => log('the page crashed'));
      page.on('pageerror', (err) => log(`page error: ${err.message}`));
      log('generating the 1,000-stakeholder map…');
      await generate(page, BIG);
      if (zoom !== undefined) await zoomTo(page, zoom);
      return page;
    };
    /** One figure; a failure is reported as a row and the run goes on. */
    const step = async (figure: string, section: string, run: () => Promise<void>): Promise<void> => {
      if (!runs(section)) return;
      log(`${figure}…`);
      try {
        await run();
      } catch (err) {
        addRow({ figure, budget: '', result: 'failed', verdict: 'OVER', detail: (err instanceof Error ? err.message : String(err)).split('\n')[0]! });
      }
    };

    await step('Open from IndexedDB', 'open', async () => openFromStorage(await bigPage()));
    let overview = 0.1;
    await step('Frames at the opening view', 'frames', async () => {
      const p = await bigPage();
      overview = await p.evaluate(() => window.__bench.zoom());
      await frameFigure(p, `pan at zoom ${overview.toFixed(2)}`, pan);
      await frameFigure(p, 'zoom in and out (wheel)', zoomInOut);
      await zoomTo(p, overview);
      await frameFigure(p, `drag a node at zoom ${overview.toFixed(2)}`, dragNode);
    });
    await step('Frames at zoom 1', 'frames', async () => {
      const p = await bigPage(overview);
      const close = await zoomTo(p, 1);
      await frameFigure(p, `pan at zoom ${close.toFixed(2)}`, pan);
      await frameFigure(p, `drag a node at zoom ${close.toFixed(2)}`, dragNode);
    });
    await step('Edits', 'edits', async () => edits(await bigPage(1)));
    await step('Saving', 'save', async () => saving(b, await bigPage(1)));
    await step('Layout', 'layout', async () => layout(b, await bigPage(1)));
    await step('Export', 'export', async () => exportPng(await bigPage()));
    await (context as BrowserContext | null)?.close();
  } catch (err) {
    report(startedAt, false);
    throw err;
  } finally {
    await browser?.close();
    stop();
  }
  report(startedAt);
}

await main();
