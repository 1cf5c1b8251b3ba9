// A record damaged in storage (by a bug, an extension, a disk) never breaks a
// screen: the library lists it, marked; opening it shows the error page with
// the damage in words; the recovery view offers it as it is; other maps open.
import { expect, test } from '@playwright/test';
import { newMap, waitSaved } from './helpers';
import { putRecord } from './reliability-helpers';

test('a damaged map is listed and marked, opens to the error page in words, and leaves the rest working', async ({ page }) => {
  await newMap(page);
  await waitSaved(page);
  await page.getByRole('button', { name: 'Back to your maps' }).click();
  await putRecord(page, {
    id: 'damaged-map',
    title: 'Half eaten',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    stakeholderCount: 1,
    rev: 3,
    formatVersion: 1,
    map: { title: 'Half eaten', organization: { name: 'Us' }, stakeholders: [{ id: 'a', name: 'A', label: 'vip', side: 'external' }], relations: 'lost' },
  });
  await page.reload();

  const card = page.locator('.map-card').filter({ hasText: 'Half eaten' });
  await expect(card).toContainText('Damaged: cannot be opened');
  await expect(page.locator('.map-card')).toHaveCount(2);

  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'This map could not be opened' })).toBeVisible();
  await expect(page.locator('main')).toContainText('This saved map is damaged, so it cannot be opened: stakeholders[0].label: "vip" is not one of');
  await expect(page.locator('main')).toContainText('(and 1 more problem)');

  await page.getByRole('button', { name: 'Go to your maps' }).click();
  await page.locator('.map-card').filter({ hasNotText: 'Half eaten' }).getByRole('link').click();
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();

  await page.goto('/#/recovery');
  const recovery = page.getByTestId('recovery');
  await expect(recovery.locator('.recovery-item').filter({ hasText: 'Half eaten' })).toContainText('damaged, downloads as it is');
});
