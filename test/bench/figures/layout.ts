// Layout figures: the lanes layout (L) of the big map from key to painted,
// the longest main-thread task meanwhile (the work belongs in the worker),
// and that Cancel leaves the map as it was.
import type { Browser, Page } from '@playwright/test';
import { centralNode, timeEdit, waitSaved } from '../gestures';
import { BUDGET, sleep, verdict, type Bench } from '../settings';
import { median, ms } from '../stats';
import { longestWithin, readTrace, TRACE_CATEGORIES } from '../trace';

export async function layout({ runs, addRow }: Bench, browser: Browser, page: Page): Promise<void> {
  const totals: number[] = [];
  const computes: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < runs.layout; i++) {
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
      // The measure is known on both clocks (trace and page): that fixes the offset between them.
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
    detail: `in the worker (graph + layout + result) ${ms(median(computes))}; n=${totals.length}`,
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
