// Kept copies are never overwritten, and no keystroke goes nowhere (issue #14):
// storage full across two reopenings keeps both edits; a kept copy newer than
// the map is offered at once (compare, restore); a tab that must stop editing
// mid-word lets go of the field at once, says so, and keeps what was typed.
import { expect, test, type Page } from '@playwright/test';
import { newMap, stakeholder, waitSaved } from './helpers';
import { addNamed, injectQuotaErrors } from './reliability-helpers';

async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((f) => ((window as unknown as { __failWrites: boolean }).__failWrites = f), full);
}

/** Closes the tab as a person does, leaving anyway when the page warns about unsaved edits. */
async function closeTab(page: Page): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

function keptCopies(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stakemap.rescue.')));
}

test('storage full across two reopenings: both edits come back, and kept copies pile up instead of replacing each other', async ({ context }) => {
  await injectQuotaErrors(context, { lasting: true });
  const first = await context.newPage();
  await newMap(first);
  await addNamed(first, 'Stored before the disk filled');
  await waitSaved(first);
  const url = first.url();
  await setDiskFull(first, true);
  await addNamed(first, 'Edit one');
  await expect(first.getByTestId('save-error-banner')).toContainText('Storage is full');
  await closeTab(first);

  const second = await context.newPage();
  await second.goto(url);
  await expect(stakeholder(second, 'Edit one')).toBeVisible();
  await expect(second.getByTestId('recovered-banner')).toBeVisible();
  await addNamed(second, 'Edit two', 'supplier');
  await closeTab(second);

  const third = await context.newPage();
  await third.goto(url);
  await expect(stakeholder(third, 'Edit one')).toBeVisible();
  await expect(stakeholder(third, 'Edit two')).toBeVisible();
  expect((await keptCopies(third)).length).toBeGreaterThanOrEqual(2);

  // Still full: the map with both edits cannot be saved yet, and the page says so.
  await expect(third.getByTestId('save-error-banner')).toContainText('Storage is full');
  // Space is freed: the map saves with both, and the kept copies are no longer needed at the next start.
  await setDiskFull(third, false);
  await third.getByTestId('save-error-banner').getByRole('button', { name: 'Try again' }).click();
  await waitSaved(third);
  await third.reload();
  await expect(stakeholder(third, 'Edit one')).toBeVisible();
  await expect(stakeholder(third, 'Edit two')).toBeVisible();
  await expect.poll(() => keptCopies(third)).toEqual([]);
});

test('a kept copy newer than the map is offered as soon as the map opens, whatever the storage: compare, restore, undo', async ({ context }) => {
  await injectQuotaErrors(context, { lasting: true });
  const page = await context.newPage();
  await newMap(page);
  await addNamed(page, 'Stored');
  await waitSaved(page);
  const mapId = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  // A copy kept by a tab that closed with an edit unsaved (an older build, without the edit journal).
  await page.evaluate((id) => {
    return new Promise<void>((resolve) => {
      const open = indexedDB.open('stakemap');
      open.onsuccess = () => {
        const get = open.result.transaction('maps').objectStore('maps').get(id);
        get.onsuccess = () => {
          const record = get.result as { rev: number; map: { stakeholders: object[] } };
          const map = { ...record.map, stakeholders: [...record.map.stakeholders, { id: 'kept1', name: 'Only in the kept copy', label: 'partner', side: 'external', position: { x: 400, y: 40 } }] };
          localStorage.setItem(`stakemap.rescue.${id}~zz`, JSON.stringify({ at: Date.now(), baseRev: record.rev, map, formatVersion: 1 }));
          open.result.close();
          resolve();
        };
      };
    });
  }, mapId);
  await setDiskFull(page, true); // so the next start cannot put the copy into storage itself
  await page.reload();

  const notice = page.getByTestId('kept-copy-banner');
  await expect(notice).toBeVisible();
  await expect(stakeholder(page, 'Only in the kept copy')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Compare' }).click();
  await expect(notice.getByTestId('kept-copy-diff')).toContainText('Only in the kept copy: Only in the kept copy');
  await notice.getByRole('button', { name: 'Restore it' }).click();
  await expect(stakeholder(page, 'Only in the kept copy')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(stakeholder(page, 'Only in the kept copy')).toHaveCount(0);
});

test('a tab that must stop editing mid-word lets go of the field at once, says so, and keeps what was typed', async ({ context }) => {
  const page = await context.newPage();
  await newMap(page);
  await addNamed(page, 'Draft');
  await waitSaved(page);
  // Another tab, ready to open the database as a newer version of the app would.
  const newer = await context.newPage();
  await newer.goto(new URL('/manifest.webmanifest', page.url()).href);

  await stakeholder(page, 'Draft').click();
  const name = page.getByLabel('Name', { exact: true });
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' typed mid-wo');
  await newer.evaluate(() => void indexedDB.open('stakemap', 1_000));

  await expect(page.getByTestId('outdated-banner')).toBeVisible();
  // The field let go: the next keystrokes cannot go into a field that can no longer save them.
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT');
  await page.keyboard.type('rd');
  await expect(name).toHaveValue('Draft typed mid-wo');
  // What was typed is kept on this device, for the reload the banner asks for.
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stakemap.rescue.')).map((k) => localStorage.getItem(k) ?? ''));
  expect(kept.some((text) => text.includes('Draft typed mid-wo'))).toBe(true);
});
