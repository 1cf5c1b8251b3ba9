import { expect, test } from '@playwright/test';
import { center, drag, nameNew, newMap, stakeholder, waitSaved } from './helpers';

test('a new user draws a map, and everything is still there after a reload', async ({ page }) => {
  await newMap(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const org = (await page.getByTestId('boundary').boundingBox())!;

  // One by double-click on the empty canvas, right of the organization.
  await page.mouse.dblclick(Math.min(org.x + org.width + 160, pane.x + pane.width - 140), org.y + 60);
  await nameNew(page, 'National distributor');

  // One from the palette.
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, 'Grocery chains');

  // One from the keyboard.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await nameNew(page, 'Trade marketing team');

  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);

  // Move the grocery chains below the distributor so the relation is easy to draw.
  const distributor = stakeholder(page, 'National distributor');
  const grocers = stakeholder(page, 'Grocery chains');
  const dBox = (await distributor.boundingBox())!;
  await drag(page, await center(grocers), { x: dBox.x + dBox.width / 2 + 40, y: dBox.y + dBox.height / 2 + 260 });

  // Connect distributor → grocers from the distributor's lower dot.
  await distributor.hover();
  const handle = distributor.locator('.react-flow__handle-bottom');
  await drag(page, await center(handle), await center(grocers));
  await expect(page.getByRole('dialog', { name: 'What flows along this relation?' })).toBeVisible();
  await page.getByRole('button', { name: 'Offering' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.relation-label')).toHaveText(['offering']);

  // Drag the trade marketing team into the organization: it becomes internal.
  const team = stakeholder(page, 'Trade marketing team');
  await expect(team.locator('.stakeholder-node')).toHaveAttribute('data-side', 'external');
  const inside = (await page.getByTestId('boundary').boundingBox())!;
  await drag(page, await center(team), { x: inside.x + inside.width / 2, y: inside.y + inside.height - 60 });
  await expect(team.locator('.stakeholder-node')).toHaveAttribute('data-side', 'internal');
  const movedTo = await team.boundingBox();

  // Undo and redo of the move.
  await page.keyboard.press('Control+z');
  await expect(team.locator('.stakeholder-node')).toHaveAttribute('data-side', 'external');
  await page.keyboard.press('Control+Shift+z');
  await expect(team.locator('.stakeholder-node')).toHaveAttribute('data-side', 'internal');
  expect(await team.boundingBox()).toEqual(movedTo);

  await waitSaved(page);
  await page.screenshot({ path: 'test-results/screens/foundation-editor.png' });
  const before = await page.evaluate(() => location.hash);

  await page.reload();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);
  expect(await page.evaluate(() => location.hash)).toBe(before);
  await expect(stakeholder(page, 'Trade marketing team').locator('.stakeholder-node')).toHaveAttribute('data-side', 'internal');
  await expect(stakeholder(page, 'Grocery chains').locator('.stakeholder-node')).toHaveAttribute('data-label', 'customer');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Reopening from a bare address brings back the map that was open.
  await page.goto('/');
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);
});

test('the library creates, renames, duplicates and deletes maps, with undo', async ({ page }) => {
  await newMap(page);
  const title = page.getByLabel('Map title');
  await title.fill('Brightfoods ecosystem');
  await title.press('Enter');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Back to your maps' }).click();
  await expect(page.getByRole('link', { name: /Brightfoods ecosystem/ })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Brightfoods ecosystem' }).click();
  await expect(page.getByRole('link', { name: /Brightfoods ecosystem \(copy\)/ })).toBeVisible();

  await page.getByRole('button', { name: 'Rename Brightfoods ecosystem (copy)' }).click();
  await page.getByLabel('New title').fill('Workshop draft');
  await page.getByRole('button', { name: /Done renaming/ }).click();
  await expect(page.getByRole('link', { name: /Workshop draft/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Workshop draft' }).click();
  await expect(page.getByRole('link', { name: /Workshop draft/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: /Workshop draft/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/library.png' });
});
