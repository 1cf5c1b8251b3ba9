// No file can hurt, and no failure is a dead end: hostile text stays text,
// the Content-Security-Policy holds, the app works offline, a crash keeps the
// map recoverable, and the recovery view lists every stored map.
import { expect, test, type Page } from '@playwright/test';
import { center, drag, newMap, stakeholder, waitSaved } from './helpers';
import { addNamed, addToStoredMap, cspViolations, downloadFrom, openHistory, recordCspViolations } from './reliability-helpers';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '<svg onload="window.__pwned=3"></svg>';

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

test('names and notes from the user or from storage are only ever shown as text', async ({ page }) => {
  await newMap(page);
  const title = page.getByLabel('Map title');
  await title.fill(SCRIPT);
  await title.press('Enter');
  await addNamed(page, IMG);
  await page.getByLabel('Notes').fill(SVG);
  await waitSaved(page);

  // Canvas and inspector show the characters.
  await expect(stakeholder(page, IMG)).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(IMG);
  await expect(page.getByLabel('Notes')).toHaveValue(SVG);
  // Findings quote the name as text.
  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.locator('.findings-panel')).toContainText(IMG);

  // A map changed in storage behind the app's back is no different.
  await addToStoredMap(page, { id: 'evil', name: SVG, label: 'partner', side: 'external', position: { x: 600, y: 300 } });
  await page.reload();
  await expect(stakeholder(page, SVG)).toBeVisible();
  await page.getByRole('button', { name: 'Back to your maps' }).click();
  await expect(page.getByRole('link', { name: new RegExp(SCRIPT.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) })).toBeVisible();
  await page.goto('/#/recovery');
  await expect(page.getByTestId('recovery')).toContainText(SCRIPT);

  expect(await pwned(page)).toBeUndefined();
  await expect(page.locator('img[src="x"], script:not([src]), svg[onload]')).toHaveCount(0);
});

test('the app runs under its Content-Security-Policy without a single violation', async ({ context }) => {
  await recordCspViolations(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) consoleErrors.push(m.text());
  });
  await newMap(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-eval');

  await addNamed(page, 'National distributor');
  await addNamed(page, 'Grocery chains');
  const grocers = stakeholder(page, 'Grocery chains');
  const distributor = stakeholder(page, 'National distributor');
  const box = (await distributor.boundingBox())!;
  await drag(page, await center(grocers), { x: box.x + box.width / 2 + 40, y: box.y + 260 });
  await distributor.hover();
  await drag(page, await center(distributor.locator('.react-flow__handle-bottom')), await center(grocers));
  await page.getByRole('button', { name: 'Offering' }).click();
  await page.getByRole('tab', { name: /Findings/ }).click();
  await page.getByRole('button', { name: /Lay out/ }).click();
  await waitSaved(page);
  const history = await openHistory(page);
  await history.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Back to your maps' }).click();
  await page.getByRole('link', { name: /Recovery/ }).click();
  await expect(page.getByTestId('recovery')).toBeVisible();

  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // And the policy is really enforced: an injected inline script does not run, and is reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "inline"';
    document.body.append(s);
  });
  expect(await pwned(page)).toBeUndefined();
  await expect.poll(() => cspViolations(page)).toHaveLength(1);
});

test('once opened, the app works with the network gone', async ({ page, context }) => {
  await page.goto('/');
  // The service worker has cached the app.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();
  await waitSaved(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();
  await addNamed(page, 'Drawn offline');
  await waitSaved(page);
  await page.reload();
  await expect(stakeholder(page, 'Drawn offline')).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByRole('link', { name: /Untitled map/ })).toBeVisible();
  await context.setOffline(false);
});

test('a crash in the editor keeps the map recoverable: what failed, downloads, reload, recovery', async ({ page }) => {
  // A bug in drawing, set off on demand: formatting a date fails once __breakDrawing is set.
  // (A map damaged in storage no longer reaches the editor: damaged-records.spec.ts.)
  await page.addInitScript(() => {
    // Read off its descriptor: the original is only ever called with a date as `this`, below.
    const original = Object.getOwnPropertyDescriptor(Date.prototype, 'toLocaleString')!.value as Date['toLocaleString'];
    Date.prototype.toLocaleString = function (this: Date, ...args: Parameters<Date['toLocaleString']>) {
      if ((window as unknown as { __breakDrawing?: boolean }).__breakDrawing) throw new Error('Drawing failed on purpose');
      return original.apply(this, args);
    };
  });
  await newMap(page);
  await addNamed(page, 'Safe and sound');
  await waitSaved(page);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('dialog', { name: 'History' }).getByRole('button', { name: 'Take a snapshot now' }).click();
  await page.getByRole('dialog', { name: 'History' }).getByRole('button', { name: 'Close' }).click();
  await page.evaluate(() => ((window as unknown as { __breakDrawing?: boolean }).__breakDrawing = true));
  await page.getByRole('button', { name: 'History', exact: true }).click(); // its list formats the snapshot's date

  const crash = page.getByTestId('crash-screen');
  await expect(crash).toBeVisible();
  await expect(crash).toContainText('Something went wrong');
  await expect(crash.locator('.crash-details pre').first()).toContainText(/Error/);
  const onScreen = await downloadFrom(page, () => crash.getByRole('button', { name: 'Download the map as it was on screen' }).click());
  expect(onScreen.text).toContain('Safe and sound');
  const saved = await downloadFrom(page, () => crash.getByRole('button', { name: 'Download the last saved copy' }).click());
  expect(saved.text).toContain('Safe and sound');
  await expect(crash.getByRole('button', { name: 'Reload the page' })).toBeVisible();

  await crash.getByRole('link', { name: 'Open the recovery view' }).click();
  const recovery = page.getByTestId('recovery');
  await expect(recovery).toBeVisible();
  const file = await downloadFrom(page, () => recovery.getByRole('button', { name: 'Download Untitled map' }).click());
  expect(file.name).toBe('Untitled map.stakemap.json');
  expect(file.text).toContain('Safe and sound');
});

test('the recovery view lists every stored map, each with a download', async ({ page }) => {
  await newMap(page);
  const title = page.getByLabel('Map title');
  await title.fill('First workshop');
  await title.press('Enter');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Back to your maps' }).click();
  await page.getByRole('button', { name: 'New map' }).click();
  await addNamed(page, 'Only in the second');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Back to your maps' }).click();

  await page.getByRole('link', { name: /Recovery/ }).click();
  const recovery = page.getByTestId('recovery');
  await expect(recovery.locator('.recovery-item')).toHaveCount(2);
  const second = await downloadFrom(page, () => recovery.getByRole('button', { name: 'Download Untitled map' }).click());
  expect(JSON.parse(second.text)).toMatchObject({ format: 'stakemap', version: 3, title: 'Untitled map' });
  expect(second.text).toContain('Only in the second');
  const first = await downloadFrom(page, () => recovery.getByRole('button', { name: 'Download First workshop' }).click());
  expect(first.name).toBe('First workshop.stakemap.json');
});
