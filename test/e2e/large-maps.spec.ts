import { expect, test, type Page } from '@playwright/test';
import { waitSaved } from './helpers';

// A generated map the size of a large organization's value chain
// (src/workshop/devGenerate.ts): how it opens, draws, zooms and saves.
const BIG = '/#/dev/generate?stakeholders=1000&relations=2000&seed=3';

async function zoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

/** What IndexedDB holds for the open map, read straight from it. */
async function storedNames(page: Page): Promise<string[]> {
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  return page.evaluate(
    (mapId) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('stakemap');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const get = open.result.transaction('maps').objectStore('maps').get(mapId);
          get.onerror = () => reject(get.error ?? new Error('IndexedDB did not read'));
          get.onsuccess = () => {
            open.result.close();
            const record = get.result as { map: { stakeholders: { name: string }[] } } | undefined;
            resolve((record?.map.stakeholders ?? []).map((s) => s.name));
          };
        };
      }),
    id,
  );
}

test('a 1,000-stakeholder map opens whole and simplified, comes into detail when zoomed, and saves an edit through the worker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(BIG);
  await page.waitForURL(/#\/map\//, { timeout: 60_000 });
  await waitSaved(page);

  // Opened whole (further out than the usual 10% if that is what it takes): too
  // small to read, so plain boxes and one layer of lines, no minimap.
  expect(await zoom(page)).toBeLessThan(0.45);
  await expect(page.locator('.stakeholder-node.is-far')).toHaveCount(1000);
  const outside = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node-stakeholder')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom;
    }).length;
  });
  expect(outside).toBe(0);
  await expect(page.locator('.stakeholder-node:not(.is-far)')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  expect(await page.getByTestId('far-edges').locator('path').count()).toBeGreaterThan(10);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/large-map-far.png' });

  // Zoom in with the wheel until names can be read; once the wheel rests, the detail is back.
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40 && (await zoom(page)) < 1; i++) await page.mouse.wheel(0, -120);
  expect(await zoom(page)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.stakeholder-name').first()).toBeVisible();
  await expect(page.locator('.stakeholder-node.is-far')).toHaveCount(0);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await expect(page.locator('.react-flow__edge').first()).toBeAttached(); // a few hundred more each frame
  // Only what is in view is drawn.
  expect(await page.locator('.react-flow__node-stakeholder').count()).toBeLessThan(200);
  await page.screenshot({ path: 'test-results/screens/large-map-near.png' });

  // Rename one: the save goes to the save worker, and storage has it.
  const node = page.locator('.react-flow__node-stakeholder').filter({ has: page.locator('.stakeholder-name') }).first();
  const before = (await node.locator('.stakeholder-name').textContent()) ?? '';
  await node.click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue(before);
  await name.fill('Renamed in a big map');
  await expect(node.locator('.stakeholder-name')).toHaveText('Renamed in a big map');
  await waitSaved(page);
  const workers = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('save.worker')).length);
  expect(workers).toBe(1);
  const names = await storedNames(page);
  expect(names).toHaveLength(1000);
  expect(names).toContain('Renamed in a big map');
  expect(names).not.toContain(before);
});
