// Saving figure: the main-thread time one edit's write costs the page. A
// trace, not a stopwatch: the write runs alongside the page's own work, and
// only the tasks inside each stakemap:save window count.
import type { Browser, Page } from '@playwright/test';
import { centralNode, waitSaved } from '../gestures';
import { BUDGET, sizeName, sleep, verdict, type Bench, type MapSize } from '../settings';
import { median, ms, percentile } from '../stats';
import { busyWithin, readTrace, TRACE_CATEGORIES } from '../trace';

export async function saving({ runs, addRow }: Bench, browser: Browser, page: Page, size: MapSize): Promise<void> {
  const p95s: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < runs.saveRuns; run++) {
    const node = await centralNode(page);
    await page.mouse.click(node.x, node.y);
    const field = page.getByLabel('Name', { exact: true });
    await field.click();
    await page.keyboard.press('End');
    await waitSaved(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let buffer: Buffer;
    try {
      for (let i = 0; i < runs.saves; i++) {
        await page.keyboard.press('y');
        await page.locator('[data-testid="save-status"]:not([data-state="saved"])').waitFor({ timeout: 5_000 }).catch(() => undefined);
        await waitSaved(page);
        await sleep(60);
      }
    } finally {
      buffer = await browser.stopTracing(); // a failed run must not leave the browser tracing for the next figure
    }
    const { tasks, windows } = readTrace(buffer, 'stakemap:save');
    await page.keyboard.press('Escape');
    const costs = windows.map((w) => busyWithin(tasks, w));
    if (costs.length === 0) throw new Error('no save was seen in the trace');
    p95s.push(percentile(costs, 95));
    all.push(...costs);
  }
  const result = median(p95s);
  addRow({
    figure: `Saving: main-thread time of one edit's write, ${sizeName(size)}, p95`,
    budget: `≤ ${BUDGET.saveP95Ms} ms`,
    result: ms(result, 1),
    verdict: verdict(result <= BUDGET.saveP95Ms),
    detail: `median ${ms(median(all), 1)}; ${all.length} writes; main-thread task time between the start and end of each write (trace)`,
  });
}
