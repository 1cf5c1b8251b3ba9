// `npm run bench:crash`: the crash figures of issue #14. Debian's Chromium on
// a persistent profile is killed (SIGKILL) 0, 50 or 200 ms after each kind
// of edit (rename, add, move, relabel, connect), started again, and the edit
// looked for; and on a 1,000-stakeholder map, what each edit's journal entry
// costs the page and how long after the edit it is on disk. Writes the
// "Crash durability" block of BENCHMARKS.md.
//
//   npx tsx test/bench/crash.ts [--rounds=N] [--no-write] [--dist=DIR]
//
// Serves dist/ (built by the npm script) on E2E_PORT, else 4184.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CRASH_EDITS, setUpMap } from '../e2e/crash-edits';
import { close, kill, launch, newProfile } from '../e2e/crash-helpers';
import { machine, runStamp, writeBlock } from './report';
import { LAUNCH_ARGS, ROOT, VIEWPORT, log, sleep } from './settings';
import { median, percentile } from './stats';

const PORT = Number(process.env.E2E_PORT ?? 4184);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 2);
const WRITE = !process.argv.includes('--no-write');
const DELAYS = [0, 50, 200];
// --dist=DIR serves another copy of the build (so a rebuild of dist/ meanwhile cannot mix versions).
const DIST = process.argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? 'dist';

async function serve(): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { cwd: ROOT, detached: true, stdio: 'ignore' });
  for (const until = Date.now() + 30_000; Date.now() < until; await sleep(200)) {
    if (await fetch(BASE).then((r) => r.ok, () => false)) return server;
  }
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/** One kill: the edit, `delay` ms, SIGKILL, relaunch; true when the edit was lost. */
async function killOnce(edit: (typeof CRASH_EDITS)[number], delay: number): Promise<boolean> {
  const profile = newProfile();
  try {
    const first = await launch(profile.dir);
    await setUpMap(first.page, BASE);
    const made = await edit.make(first.page);
    if (delay > 0) await first.page.waitForTimeout(delay);
    await kill(first);
    const again = await launch(profile.dir);
    try {
      await again.page.goto(BASE);
      await edit.check(again.page, made);
      return false;
    } catch {
      return true;
    } finally {
      await close(again);
    }
  } finally {
    profile.remove();
  }
}

/** Per edit on a big map: the journal's main-thread cost, and edit → entry on disk. */
async function journalTimes(): Promise<{ cost: number[]; landed: number[] }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(() => {
      const w = window as unknown as { __journal: { cost: number[]; landed: number[] } };
      w.__journal = { cost: [], landed: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name === 'stakemap:journal') w.__journal.cost.push(e.duration);
          if (e.name === 'stakemap:journal-landed') w.__journal.landed.push(e.duration);
        }
      }).observe({ entryTypes: ['measure'] });
    });
    const page: Page = await context.newPage();
    await page.goto(`${BASE}/#/dev/generate?stakeholders=1000&relations=2000&seed=1`);
    await page.waitForURL(/#\/map\//, { timeout: 60_000 });
    await page.locator('.react-flow__node-stakeholder').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
    await page.locator('.react-flow__node-stakeholder').first().click();
    const field = page.getByLabel('Name', { exact: true });
    await field.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('y');
      await sleep(120);
    }
    await sleep(500);
    return await page.evaluate(() => (window as unknown as { __journal: { cost: number[]; landed: number[] } }).__journal);
  } finally {
    await browser.close();
  }
}

const fmt = (n: number): string => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const startedAt = new Date();
  const server = await serve();
  try {
    log('journal cost and landing on a 1,000/2,000 map…');
    const { cost, landed } = await journalTimes();
    const rows: string[] = [];
    for (const delay of DELAYS) {
      let lost = 0;
      let kills = 0;
      const lostKinds: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const edit of CRASH_EDITS) {
          const gone = await killOnce(edit, delay);
          kills += 1;
          if (gone) {
            lost += 1;
            lostKinds.push(edit.kind);
          }
          log(`  ${delay} ms, ${edit.kind}: ${gone ? 'LOST' : 'kept'}`);
        }
      }
      rows.push(`| ${delay} ms | ${kills} | ${lost} | ${lostKinds.length ? lostKinds.join(', ') : '-'} |`);
    }
    const content = [
      `Last run of \`npm run bench:crash\`: ${runStamp(startedAt)} UTC.`,
      '',
      machine({ chromium: true }),
      '',
      'Chromium on a persistent profile, killed with SIGKILL (its whole process group) the given time after one edit,',
      `then started again on the same profile; each kind of edit (${CRASH_EDITS.map((e) => e.kind).join(', ')}) ${ROUNDS} time(s) per delay.`,
      'Before the edit journal (issue #14): 20/20, 20/20 and 18/20 edits lost at 0, 50 and 200 ms.',
      '',
      '| Killed after the edit | Kills | Edits lost | Lost kinds |',
      '|---|---|---|---|',
      ...rows,
      '',
      '| Per edit, 1,000 stakeholders / 2,000 relations (typing a letter) | Budget | p50 | p95 | n |',
      '|---|---|---|---|---|',
      `| Journal entry: main-thread time | ≤ 10 ms | ${fmt(median(cost))} | ${fmt(percentile(cost, 95))} | ${cost.length} |`,
      `| Edit → journal entry committed in IndexedDB | ≤ 50 ms | ${fmt(median(landed))} | ${fmt(percentile(landed, 95))} | ${landed.length} |`,
    ].join('\n');
    log(`\n${content}\n`);
    if (WRITE) log(`written to ${writeBlock('crash', content)}`);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
