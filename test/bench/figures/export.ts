// Export figure: PNG at 2x of a 500-stakeholder map, from the click on
// Download to the file, both timed in the page (window.__bench.clicks/downloads).
import type { Page } from '@playwright/test';
import { generate } from '../gestures';
import { BUDGET, EXPORT_MAP, sleep, verdict, type Bench } from '../settings';
import { median, ms } from '../stats';

export async function exportPng({ runs, addRow }: Bench, page: Page): Promise<void> {
  await generate(page, EXPORT_MAP);
  const times: number[] = [];
  let info = '';
  for (let i = 0; i < runs.export; i++) {
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
