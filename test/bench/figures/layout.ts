// Layout figures: the lanes layout (L) of the big map from key to painted,
// the longest main-thread task meanwhile (the work belongs in the worker),
// and that Cancel leaves the map as it was.
import type { Browser, Page } from '@playwright/test';
import { centralNode, timeEdit, waitSaved, zoomTo } from '../gestures';
import { BUDGET, sleep, verdict, type Bench } from '../settings';
import { median, ms } from '../stats';
import { longestWithin, readTrace, TRACE_CATEGORIES } from '../trace';

export async function layout({ runs, addRow }: Bench, browser: Browser, page: Page): Promise<void> {
  const totals: number[] = [];
  const computes: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < runs.layout; i++) {
    await waitSaved(page);
    // The laid-out map is fitted whole (the far view, no cards): come back to cards, so the probe has one to watch.
    await zoomTo(page, 1);
    const node = await centralNode(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let buffer: Buffer;
    let total: number;
    let started: number;
    let ended: number;
    try {
      started = await page.evaluate(() => performance.now());
      total = await timeEdit(page, 'move', node.id, () => page.keyboard.press('l'));
      ended = await page.evaluate(() => performance.now());
    } finally {
      buffer = await browser.stopTracing(); // a failed run must not leave the browser tracing for the next figure
    }
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
  await zoomTo(page, 1);
  const node = await centralNode(page);
  const before = await page.evaluate((id) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform, node.id);
  if (!before) throw new Error('the cancel check found no card to watch');
  // Cancel as soon as the button offers it: a 1,000 map lays out in a few frames, faster than a click from outside the page.
  const cancelled = await page.evaluate(async () => {
    const button = (text: RegExp) => [...document.querySelectorAll('button')].find((b) => text.test((b.textContent ?? '').trim()));
    button(/^Lay out$/)?.click();
    for (let i = 0; i < 60; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const cancel = button(/Cancel$/);
      if (cancel) {
        cancel.click();
        return true;
      }
    }
    return false;
  });
  if (!cancelled) throw new Error('the layout finished before Cancel showed');
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
