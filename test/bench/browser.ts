// `npm run bench:browser`: every budget of issue 7 measured in Debian's
// Chromium against the production build (dist/, built by the npm script),
// served by `vite preview` on 127.0.0.1. Prints a table of figure, budget and
// result, and writes it with the date and machine into BENCHMARKS.md.
//
//   npx tsx test/bench/browser.ts [--quick] [--no-write] [--dist=DIR] [--only=save,layout] [--skip=floor]
//
// --only runs just the named sections (start, open, frames, edits, save,
// layout, export, floor) and never writes the main table of BENCHMARKS.md: a
// partial table would replace the full one. The floor section (Stakemap beside
// bare React Flow, figures/floor.ts) writes its own block, with --only too;
// --skip=floor runs everything else and writes the main table.
//
// Results are medians of several runs; p95 where the budget says p95 (the
// p95 of each run, then the median of those). CPU throttling is off: this
// machine is the "modest laptop". Figures are measured, never asserted.
//
// This file reads the flags and runs the sections in order; the figures are
// in figures/, the page helpers in gestures.ts, the server in server.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { edits } from './figures/edits';
import { exportPng } from './figures/export';
import { floor } from './figures/floor';
import { frameFigure } from './figures/frames';
import { layout } from './figures/layout';
import { saving } from './figures/saving';
import { initialJs, openFromStorage, timeToInteractive } from './figures/start';
import { dragNode, generate, newContext, pan, zoomInOut, zoomTo } from './gestures';
import { machine, runStamp, writeBlock } from './report';
import { startServer, stopServer } from './server';
import { BIG, LAUNCH_ARGS, PORT, ROOT, RUN_COUNTS, SIZES, log, sizeName, type Bench, type MapSize } from './settings';
import { formatTable, type TableRow } from './stats';

// --dist=DIR serves another copy of the build (so a rebuild of dist/ meanwhile cannot mix versions).
const DIST = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? join(ROOT, 'dist');
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
// --skip=floor: everything else, and the main table written (the floor block is kept as it was).
const SKIP = process.argv.find((a) => a.startsWith('--skip='))?.slice('--skip='.length).split(',') ?? [];
const runs = (section: string): boolean => (!ONLY || ONLY.includes(section)) && !SKIP.includes(section);
const SECTIONS = ['start', 'open', 'frames', 'edits', 'save', 'layout', 'export', 'floor'];
const BARE_DIST = join(ROOT, 'test/bench/.scratch/bare');
for (const name of [...(ONLY ?? []), ...SKIP]) if (!SECTIONS.includes(name)) throw new Error(`--only: no section "${name}" (${SECTIONS.join(', ')})`);
const WRITE = !process.argv.includes('--no-write') && !ONLY && SKIP.every((name) => name === 'floor');

const rows: TableRow[] = [];
const addRow = (row: TableRow): void => {
  rows.push(row);
  console.log(`  ${row.figure}: ${row.result} (budget ${row.budget}) ${row.verdict}${row.detail ? ` — ${row.detail}` : ''}`);
};
const bench: Bench = { runs: QUICK ? RUN_COUNTS.quick : RUN_COUNTS.full, addRow };

function report(startedAt: Date, write = WRITE): void {
  const { text, markdown } = formatTable(rows);
  log(`\n${text}\n`);
  if (!write) return;
  const content = [
    `Last run of \`npm run bench:browser\`${QUICK ? ' (--quick: fewer runs)' : ''}: ${runStamp(startedAt)} UTC.`,
    '',
    machine({ chromium: true }),
    '',
    markdown,
  ].join('\n');
  log(`written to ${writeBlock('browser', content)}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm run bench:browser does).');
  const startedAt = new Date();
  initialJs(bench, DIST);
  const server = await startServer(DIST);
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
      await timeToInteractive(bench, browser);
    }

    const b = browser;
    // One page per map size, made again (map and all) if a step left it closed;
    // at `zoom` if given (the open figure leaves its page as a map opens: far out).
    const pages = new Map<MapSize, { context: BrowserContext; page: Page }>();
    const pageFor = async (size: MapSize, zoom?: number): Promise<Page> => {
      const open = pages.get(size);
      if (open && !open.page.isClosed()) {
        if (zoom !== undefined) await zoomTo(open.page, zoom);
        return open.page;
      }
      await open?.context.close().catch(() => undefined);
      const context = await newContext(b);
      const page = await context.newPage();
      page.on('crash', () => log('the page crashed'));
      page.on('pageerror', (err) => log(`page error: ${err.message}`));
      pages.set(size, { context, page });
      log(`generating the ${sizeName(size)} map…`);
      await generate(page, size);
      if (zoom !== undefined) await zoomTo(page, zoom);
      return page;
    };
    const bigPage = (zoom?: number): Promise<Page> => pageFor(BIG, zoom);
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

    for (const size of SIZES) await step(`Open from IndexedDB, ${sizeName(size)}`, 'open', async () => openFromStorage(bench, await pageFor(size), size));
    let overview = 0.1;
    await step('Frames at the opening view', 'frames', async () => {
      const p = await bigPage();
      overview = await p.evaluate(() => window.__bench.zoom());
      await frameFigure(bench, p, `pan at zoom ${overview.toFixed(2)}`, pan);
      await frameFigure(bench, p, 'zoom in and out (wheel)', zoomInOut);
      await zoomTo(p, overview);
      await frameFigure(bench, p, `drag a node at zoom ${overview.toFixed(2)}`, dragNode);
    });
    await step('Frames at zoom 1', 'frames', async () => {
      const p = await bigPage(overview);
      const close = await zoomTo(p, 1);
      await frameFigure(bench, p, `pan at zoom ${close.toFixed(2)}`, pan);
      await frameFigure(bench, p, `drag a node at zoom ${close.toFixed(2)}`, dragNode);
      await frameFigure(bench, p, `zoom out from ${close.toFixed(2)} and back (wheel)`, async (page) => {
        const frames = await zoomInOut(page, true);
        await zoomTo(page, 1);
        return frames;
      });
    });
    // Every figure of the 1,000 map's page first, in the order they always ran, then the 5,000 map's.
    const [first, ...larger] = SIZES;
    const editAndSave = async (size: MapSize) => {
      await step(`Edits, ${sizeName(size)}`, 'edits', async () => edits(bench, await pageFor(size, 1), size));
      await step(`Saving, ${sizeName(size)}`, 'save', async () => saving(bench, b, await pageFor(size, 1), size));
    };
    await editAndSave(first!);
    await step('Layout', 'layout', async () => layout(bench, b, await bigPage(1)));
    await step('Export', 'export', async () => exportPng(bench, await bigPage()));
    for (const size of larger) await editAndSave(size);
    for (const { context } of pages.values()) await context.close().catch(() => undefined);
    if (runs('floor')) await floorSection(bench, b, startedAt);
  } catch (err) {
    report(startedAt, false);
    throw err;
  } finally {
    await browser?.close();
    stop();
  }
  report(startedAt);
}

/** Stakemap beside bare React Flow, served from its own build on the next port; written to its own block. */
async function floorSection(bench: Bench, browser: Browser, startedAt: Date): Promise<void> {
  if (!existsSync(join(BARE_DIST, 'index.html'))) throw new Error('the bare React Flow page is missing: run `npx vite build --config test/bench/bare/vite.config.ts` (npm run bench:browser does)');
  const bare = await startServer(BARE_DIST, PORT + 1);
  try {
    log('Stakemap beside bare React Flow…');
    const table = await floor(bench, browser, `http://127.0.0.1:${PORT + 1}`);
    log(`\n${table}\n`);
    if (process.argv.includes('--no-write')) return;
    const content = [
      `Last run of \`npm run bench:browser\` (floor)${QUICK ? ' (--quick: fewer runs)' : ''}: ${runStamp(startedAt)} UTC.`,
      '',
      machine({ chromium: true }),
      '',
      table,
    ].join('\n');
    log(`written to ${writeBlock('floor', content)}`);
  } finally {
    stopServer(bare);
  }
}

await main();
