// No map is ever lost: closing inside the save delay, two tabs, a full disk,
// no IndexedDB at all, and going back in history.
import { expect, test } from '@playwright/test';
import { newMap, stakeholder, waitSaved } from './helpers';
import { addNamed, disableIndexedDb, downloadFrom, injectQuotaErrors, openHistory } from './reliability-helpers';

test('an edit made 50 ms before the tab closes is there when the map is opened again', async ({ context }) => {
  const page = await context.newPage();
  await newMap(page);
  await addNamed(page, 'Saved long ago');
  await waitSaved(page);
  const url = page.url();
  // One edit, well inside the save delay, then the tab goes.
  await page.getByLabel('Name', { exact: true }).fill('Named at the last second');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-state', 'saved');
  // The page warns about unsaved edits: the user chooses to leave anyway.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.waitForTimeout(50);
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual(['beforeunload']);

  const again = await context.newPage();
  await again.goto(url);
  await expect(stakeholder(again, 'Named at the last second')).toBeVisible();
  await expect(stakeholder(again, 'Saved long ago')).toHaveCount(0);
  await waitSaved(again);
});

test('an edit made 50 ms before navigating away is there on the way back', async ({ page }) => {
  await newMap(page);
  await addNamed(page, 'Saved long ago');
  await waitSaved(page);
  const url = page.url();
  await page.getByLabel('Name', { exact: true }).fill('Named before leaving');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-state', 'saved');
  await page.waitForTimeout(50);
  await page.goto('about:blank');
  await page.goto(url);
  await expect(stakeholder(page, 'Named before leaving')).toBeVisible();
  await expect(stakeholder(page, 'Saved long ago')).toHaveCount(0);
});

test('two tabs on one map, editing in turn, keep both edits', async ({ context }) => {
  const a = await context.newPage();
  await newMap(a);
  await waitSaved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(b.locator('.react-flow__node-organization')).toBeVisible();

  await addNamed(a, 'Added in tab A');
  await waitSaved(a);
  await expect(stakeholder(b, 'Added in tab A')).toBeVisible(); // B follows A

  await addNamed(b, 'Added in tab B', 'supplier');
  await waitSaved(b);
  await expect(stakeholder(a, 'Added in tab B')).toBeVisible(); // and A follows B

  await addNamed(a, 'Third, from tab A', 'partner');
  await waitSaved(a);
  await expect(stakeholder(b, 'Third, from tab A')).toBeVisible();

  const check = await context.newPage();
  await check.goto(a.url());
  for (const name of ['Added in tab A', 'Added in tab B', 'Third, from tab A']) await expect(stakeholder(check, name)).toBeVisible();
  await expect(a.getByTestId('conflict-banner')).toHaveCount(0);
  await expect(b.getByTestId('conflict-banner')).toHaveCount(0);
});

test('two tabs editing at once: storage refuses the later save, the tab merges, and both edits are kept', async ({ context }) => {
  const a = await context.newPage();
  await newMap(a);
  await waitSaved(a);
  // Tab B hears nothing from tab A (as when messages are lost): only storage can protect A's edit.
  const b = await context.newPage();
  await b.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true }));
  await b.goto(a.url());
  await expect(b.locator('.react-flow__node-organization')).toBeVisible();

  await addNamed(a, 'Saved first in A');
  await waitSaved(a);
  await addNamed(b, 'Edited meanwhile in B');
  await waitSaved(b);

  // B shows both, with no conflict; the stored map has both.
  await expect(stakeholder(b, 'Saved first in A')).toBeVisible();
  await expect(stakeholder(b, 'Edited meanwhile in B')).toBeVisible();
  await expect(b.getByTestId('conflict-banner')).toHaveCount(0);
  const check = await context.newPage();
  await check.goto(a.url());
  await expect(stakeholder(check, 'Saved first in A')).toBeVisible();
  await expect(stakeholder(check, 'Edited meanwhile in B')).toBeVisible();

  // B's undo takes back only B's own steps (the name, then the add), never A's.
  await b.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await b.keyboard.press('Control+z');
  await b.keyboard.press('Control+z');
  await expect(b.locator('.react-flow__node-stakeholder')).toHaveCount(1);
  await expect(stakeholder(b, 'Saved first in A')).toBeVisible();
  await b.keyboard.press('Control+z'); // nothing of B's is left to undo
  await expect(stakeholder(b, 'Saved first in A')).toBeVisible();
});

test('storage full: a banner within a second, a download of the map, and nothing lost', async ({ context }) => {
  await injectQuotaErrors(context);
  const page = await context.newPage();
  await newMap(page);
  await waitSaved(page);
  await page.evaluate(() => ((window as unknown as { __failWrites: boolean }).__failWrites = true));

  await addNamed(page, 'Drawn on a full disk');
  const banner = page.getByTestId('save-error-banner');
  await expect(banner).toBeVisible({ timeout: 1_000 });
  await expect(banner).toContainText('Storage is full');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
  await expect(stakeholder(page, 'Drawn on a full disk')).toBeVisible(); // still in memory

  const file = await downloadFrom(page, () => banner.getByRole('button', { name: 'Download the map' }).click());
  expect(file.name).toMatch(/\.stakemap\.json$/);
  const saved = JSON.parse(file.text) as { stakeholders: { name: string }[] };
  expect(saved.stakeholders.map((s) => s.name)).toContain('Drawn on a full disk');

  // Space is freed: trying again saves it.
  await page.evaluate(() => ((window as unknown as { __failWrites: boolean }).__failWrites = false));
  await banner.getByRole('button', { name: 'Try again' }).click();
  await waitSaved(page);
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(stakeholder(page, 'Drawn on a full disk')).toBeVisible();
});

test('no IndexedDB: the app runs in memory, says so, and offers a download', async ({ context }) => {
  await disableIndexedDb(context);
  const page = await context.newPage();
  await page.goto('/');
  const banner = page.getByTestId('memory-banner');
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('storage-state')).toContainText('this tab only');

  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();
  await addNamed(page, 'Kept in memory');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'memory');
  await expect(page.getByTestId('save-status')).toContainText('this tab only');
  const file = await downloadFrom(page, () => banner.getByRole('button', { name: 'Download the map' }).click());
  expect(file.text).toContain('Kept in memory');

  // The library lists it, and it opens again.
  await page.getByRole('button', { name: 'Back to your maps' }).click();
  await page.getByRole('link', { name: /Untitled map/ }).click();
  await expect(stakeholder(page, 'Kept in memory')).toBeVisible();
});

test('restoring a snapshot is one step, and Undo brings the map back', async ({ page }) => {
  await newMap(page);
  await addNamed(page, 'Before the snapshot');
  await waitSaved(page);
  let history = await openHistory(page);
  await history.getByRole('button', { name: 'Take a snapshot now' }).click();
  const taken = history.getByTestId('snapshot').filter({ hasText: 'Taken by hand' });
  await expect(taken).toHaveCount(1);
  await expect(taken).toContainText(/\d+(\.\d)? (B|KB)/);
  await history.getByRole('button', { name: 'Close' }).click();

  await addNamed(page, 'After the snapshot', 'supplier');
  await waitSaved(page);
  history = await openHistory(page);
  await history.getByTestId('snapshot').filter({ hasText: 'Taken by hand' }).getByRole('button', { name: /Restore/ }).click();
  await expect(history).toHaveCount(0);
  await expect(stakeholder(page, 'After the snapshot')).toHaveCount(0);
  await expect(stakeholder(page, 'Before the snapshot')).toBeVisible();
  await waitSaved(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(stakeholder(page, 'After the snapshot')).toBeVisible();
  await waitSaved(page);
  await page.reload();
  await expect(stakeholder(page, 'After the snapshot')).toBeVisible();
});
