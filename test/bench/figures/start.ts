// Start and open figures: the JavaScript a first visit must fetch, the time
// to an interactive start screen, and reopening the big map from IndexedDB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { loadTimes, newContext, waitSaved } from '../gestures';
import { BASE, BUDGET, log, openBudgetMs, sizeName, verdict, type Bench, type MapSize } from '../settings';
import { median, ms, startScripts } from '../stats';

/** Read from the files of `dist`, not over HTTP: gzip -9 is the budget's measure, whatever the server sends. */
export function initialJs({ addRow }: Bench, dist: string): void {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = startScripts(html).map((url) => {
    const bytes = readFileSync(join(dist, url.replace(/^\//, '')));
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

export async function timeToInteractive({ runs, addRow }: Bench, browser: Browser): Promise<void> {
  const visible: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < runs.tti; i++) {
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
    detail: `"New map" shown at ${ms(median(visible))}; worst ${ms(Math.max(...interactive))}; n=${runs.tti}`,
  });
}

/** `page` shows the big map: each reload opens it again from IndexedDB. */
export async function openFromStorage({ runs, addRow }: Bench, page: Page, size: MapSize): Promise<void> {
  const budget = openBudgetMs(size);
  const visible: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < runs.open + 1; i++) {
    await page.reload();
    const t = await loadTimes(page, 'map');
    await waitSaved(page);
    if (i === 0) continue; // the first reload warms the HTTP cache and service worker, like any later visit
    visible.push(t.visible);
    interactive.push(t.interactive);
  }
  addRow({
    figure: `Open: ${sizeName(size)} map from IndexedDB → interactive (reload)`,
    budget: `≤ ${budget} ms`,
    result: ms(median(interactive)),
    verdict: verdict(median(interactive) <= budget),
    detail: `nodes shown at ${ms(median(visible))}; worst ${ms(Math.max(...interactive))}; from navigation start; n=${runs.open}`,
  });
}
