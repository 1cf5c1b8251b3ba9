// Live rooms with the real server (npx tsx server/main.ts, serving the build on
// its own port) and separate browser contexts as separate people.
import { expect, test, type Page } from '@playwright/test';
import { nameNew, stakeholder } from './helpers';
import { joinRoom, LIVE_PORT as PORT, person, shareExample, startLiveServer, type LiveServer } from './live-server';

let server: LiveServer;

test.beforeAll(async () => {
  server = await startLiveServer();
});

test.afterAll(async () => {
  await server.stop();
});

async function add(page: Page, label: string, name: string): Promise<void> {
  await page.getByRole('button', { name: `Add ${label}` }).click();
  await nameNew(page, name);
}

test('three people on one live map: drawing, renaming at once, undo of one’s own, a server restart, following the presentation', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await person(browser, 'Fatima');
  const b = await person(browser, 'Ben');
  const link = await shareExample(a, /Blank map/);
  expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${PORT}/#/live/[A-Za-z0-9_-]{22}$`));
  await joinRoom(b, link);
  const c = await person(browser, 'Chen');
  await joinRoom(c, link);
  await expect(a.getByTestId('live-bar')).toContainText('3 here');

  // A draws; B and C see it within a second; C's drawing reaches A.
  await add(a, 'customer', 'Shoppers');
  await expect(stakeholder(b, 'Shoppers')).toBeVisible({ timeout: 1_000 });
  await expect(stakeholder(c, 'Shoppers')).toBeVisible({ timeout: 1_000 });
  await add(c, 'colleague', 'Volunteers');
  await expect(stakeholder(a, 'Volunteers')).toBeVisible({ timeout: 1_000 });
  await c.context().close();
  await expect(a.getByTestId('live-bar')).toContainText('2 here');
  await add(b, 'partner', 'Grocer');
  await expect(stakeholder(a, 'Grocer')).toBeVisible({ timeout: 1_000 });

  // Presence: B sees A's pointer and what A has selected, with A's name.
  const canvasA = (await a.locator('.react-flow__pane').boundingBox())!;
  await a.mouse.move(canvasA.x + 200, canvasA.y + 200);
  await a.mouse.move(canvasA.x + 220, canvasA.y + 210);
  await expect(b.getByTestId('live-cursor').filter({ hasText: 'Fatima' })).toBeVisible();
  await stakeholder(a, 'Grocer').click();
  await expect(b.getByTestId('live-selection').filter({ hasText: 'Fatima' })).toBeVisible();
  await b.screenshot({ path: 'test-results/live-presence-b-1280.png' });

  // Both rename one stakeholder at once: both end with the same name.
  await stakeholder(a, 'Shoppers').click();
  await stakeholder(b, 'Shoppers').click();
  const fieldA = a.getByLabel('Name', { exact: true });
  const fieldB = b.getByLabel('Name', { exact: true });
  await Promise.all([fieldA.fill('Families'), fieldB.fill('Parents')]);
  await Promise.all([fieldA.press('Enter'), fieldB.press('Enter')]);
  // Names are shared text: both people end with the same name, made of what they typed.
  await expect.poll(async () => {
    const [x, y] = [await fieldA.inputValue(), await fieldB.inputValue()];
    return x === y && /Families|Parents/.test(x) && !x.includes('Shoppers');
  }).toBe(true);

  // B undoes: only B's own steps go, never A's.
  await b.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const countA = await a.locator('.react-flow__node-stakeholder').count();
  await b.keyboard.press('Control+z'); // B's rename
  await b.keyboard.press('Control+z'); // B's "Grocer" name
  await b.keyboard.press('Control+z'); // B's added partner
  await expect(a.locator('.react-flow__node-stakeholder')).toHaveCount(countA - 1);
  await expect(b.locator('.react-flow__node-stakeholder')).toHaveCount(countA - 1);
  await expect(a.locator('.react-flow__node-stakeholder').first()).toBeVisible();

  // The server stops: both keep editing ("offline, will sync"); it comes back and both have every edit.
  await server.halt();
  await expect(a.getByTestId('live-bar')).toHaveAttribute('data-status', /offline|connecting/);
  await expect(a.getByTestId('live-bar')).toContainText(/Offline, will sync|Connecting/);
  await add(a, 'supplier', 'Farmers');
  await add(b, 'intermediary', 'Marketplace');
  await server.resume();
  for (const page of [a, b]) {
    await expect(stakeholder(page, 'Farmers')).toBeVisible({ timeout: 15_000 });
    await expect(stakeholder(page, 'Marketplace')).toBeVisible({ timeout: 15_000 });
  }
  await a.screenshot({ path: 'test-results/live-a-1280.png' });
  await b.screenshot({ path: 'test-results/live-b-1280.png' });

  // A presents; B follows the current finding; B can stop following.
  await a.getByRole('button', { name: 'Present' }).click();
  await expect(a.getByTestId('presented-finding')).toBeVisible();
  await expect(b.getByTestId('presented-finding')).toBeVisible();
  const first = await b.getByTestId('presented-finding').textContent();
  await a.keyboard.press('ArrowRight');
  await expect(b.getByTestId('presented-finding')).not.toHaveText(first ?? '');
  await expect(b.getByTestId('presented-finding')).toHaveText((await a.getByTestId('presented-finding').textContent()) ?? '');
  await b.getByRole('button', { name: 'Stop following' }).click();
  const followed = await b.getByTestId('presented-finding').textContent();
  await a.keyboard.press('ArrowRight');
  await expect(a.getByTestId('presented-finding')).not.toHaveText(followed ?? '');
  await expect(b.getByTestId('presented-finding')).toHaveText(followed ?? '');
  await a.keyboard.press('Escape');
  await b.keyboard.press('Escape');

  // The facilitator makes the room view-only: B's edits are refused; then ends the room: B keeps the map.
  await a.getByRole('button', { name: 'Live', exact: true }).click();
  await a.getByLabel(/View only/).check();
  await expect(b.getByTestId('live-bar')).toContainText('View only');
  const before = await b.locator('.react-flow__node-stakeholder').count();
  await b.keyboard.press('n'); // the editor takes no edit (its controls are inert, its keys refused)
  await expect(b.locator('.react-flow__node-stakeholder')).toHaveCount(before);
  await a.getByRole('button', { name: 'End the room' }).click();
  await expect(b.getByTestId('live-bar')).toHaveCount(0);
  await expect(b.getByRole('status').filter({ hasText: 'The room has ended' })).toBeVisible();
  await expect(stakeholder(b, 'Farmers')).toBeVisible();
  await b.getByRole('button', { name: 'Add customer' }).click(); // a map of B's own again
  await b.keyboard.press('Escape');
  await expect(b.locator('.react-flow__node-stakeholder')).toHaveCount(before + 1);
});

test('two tabs of one browser on a live map merge, and neither undoes the other', async ({ browser }) => {
  const a = await person(browser, 'Fatima');
  const link = await shareExample(a, /Blank map/);
  const second = await a.context().newPage();
  await joinRoom(second, link);
  await add(a, 'customer', 'From the first tab');
  await add(second, 'client', 'From the second tab');
  for (const page of [a, second]) {
    await expect(stakeholder(page, 'From the first tab')).toBeVisible();
    await expect(stakeholder(page, 'From the second tab')).toBeVisible();
  }
  await second.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await second.keyboard.press('Control+z');
  await second.keyboard.press('Control+z');
  await expect(stakeholder(a, 'From the second tab')).toHaveCount(0);
  await expect(stakeholder(second, 'From the first tab')).toBeVisible();
  await expect(stakeholder(a, 'From the first tab')).toBeVisible();
});
