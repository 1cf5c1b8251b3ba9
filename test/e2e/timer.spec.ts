// The round timer: started from the Facilitate menu, large at the canvas's
// corner and while presenting, with a gentle end; in a live room the
// facilitator's timer shows on a participant's laptop, counted by its own clock.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openExample } from './room-helpers';
import { joinRoom, person, shareExample, startLiveServer, type LiveServer } from './live-server';

const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

async function openTimer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Facilitate' }).click();
  await page.getByRole('menuitem', { name: 'Timer' }).click();
  await expect(page.getByRole('dialog', { name: 'Timer' })).toBeVisible();
}

const timer = (page: Page) => page.getByTestId('round-timer');
const time = (page: Page) => page.getByTestId('round-timer-time');

test.describe('on one screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a 3-minute drawing round counts down, pauses, gains a minute and ends gently, readable while presenting', async ({ page }) => {
    await page.clock.install();
    await openExample(page, /Brightfoods/);
    await openTimer(page);
    await page.getByRole('button', { name: '3 min' }).click();
    await expect(page.getByRole('dialog', { name: 'Timer' })).toHaveCount(0);
    await expect(timer(page)).toContainText('Drawing round');
    await expect(time(page)).toHaveText(/^(3:00|2:5\d)$/);

    // The page's clock runs on by itself too: readings are compared, not fixed.
    await page.clock.runFor(61_000);
    await expect(time(page)).toHaveText(/^1:5\d$/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(timer(page)).toHaveAttribute('data-state', 'paused');
    const paused = (await time(page).textContent())!;
    await page.clock.runFor(120_000);
    await expect(time(page)).toHaveText(paused);
    await page.getByRole('button', { name: 'Add one minute' }).click();
    await expect(time(page)).toHaveText(paused.replace(/^1:/, '2:'));
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(timer(page)).toHaveAttribute('data-state', 'running');
    // Resumed from what was left, at once: not a moment showing the time of the pause's own clock reading.
    expect(await time(page).textContent()).toMatch(/^2:5\d$/);

    // Large and in the canvas's top-right corner, clear of the legend.
    const box = (await timer(page).boundingBox())!;
    const canvas = (await page.locator('.editor-canvas').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(box.y).toBeGreaterThanOrEqual(canvas.y);
    const digits = await time(page).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(digits).toBeGreaterThanOrEqual(56);
    await page.screenshot({ path: `${SCREENS}/timer-running-1280.png` });

    // Presenting: still there, still large.
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByTestId('presented-finding')).toBeVisible();
    await expect(timer(page)).toBeVisible();
    await page.clock.runFor(181_000);
    await expect(timer(page)).toHaveAttribute('data-state', 'up');
    await expect(time(page)).toHaveText("Time's up");
    await expect(page.getByRole('status').filter({ hasText: "Time's up" })).toHaveCount(1);
    // The end is a colour, not a flash: a soft green, reached by a slow transition.
    const look = await timer(page).evaluate((e) => ({ bg: getComputedStyle(e).backgroundColor, transition: getComputedStyle(e).transitionDuration }));
    expect(look.transition).toMatch(/^3s/);
    await page.clock.runFor(4_000);
    await expect.poll(() => timer(page).evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(232, 241, 234)');
    await page.screenshot({ path: `${SCREENS}/timer-up-presenting-1280.png` });

    // Stop takes it away.
    await page.getByRole('button', { name: 'Stop the timer' }).click();
    await expect(timer(page)).toHaveCount(0);
  });

  test('a custom length is checked, and reduced motion means no colour transition', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openExample(page, /Brightfoods/);
    await openTimer(page);
    const dialog = page.getByRole('dialog', { name: 'Timer' });
    await dialog.getByLabel('Round').fill('Voting round');
    await dialog.getByLabel('Other length (minutes)').fill('ten');
    await dialog.getByRole('button', { name: 'Start' }).click();
    await expect(dialog.getByRole('alert')).toContainText('as a number');
    await dialog.getByLabel('Other length (minutes)').fill('7');
    await dialog.getByRole('button', { name: 'Start' }).click();
    await expect(timer(page)).toContainText('Voting round');
    await expect(time(page)).toHaveText(/^(7:00|6:5\d)$/);
    expect(await timer(page).evaluate((e) => getComputedStyle(e).transitionDuration)).toBe('0s');
  });
});

test.describe('in a live room', () => {
  let server: LiveServer;
  test.beforeAll(async () => {
    server = await startLiveServer();
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test("the facilitator's timer shows on a participant's laptop, and only the facilitator controls it", async ({ browser }) => {
    test.setTimeout(90_000);
    const a = await person(browser, 'Fatima');
    const link = await shareExample(a);
    const b = await person(browser, 'Ben', { width: 1440, height: 900 });
    await joinRoom(b, link);

    await openTimer(a);
    await a.getByRole('dialog', { name: 'Timer' }).getByLabel('Round').fill('Voting round');
    await a.getByRole('button', { name: '5 min', exact: true }).click();
    await expect(time(a)).toHaveText(/^(5:00|4:5\d)$/);

    // Ben's laptop counts down the same round from its own clock, without the controls.
    await expect(timer(b)).toBeVisible({ timeout: 5_000 });
    await expect(timer(b)).toContainText('Voting round');
    await expect(time(b)).toHaveText(/^(5:00|4:5\d)$/);
    await expect(b.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    await expect(b.getByRole('button', { name: 'Stop the timer' })).toHaveCount(0);
    await b.screenshot({ path: `${SCREENS}/timer-participant-1440.png` });

    // Ben cannot start one either.
    await openTimer(b);
    await expect(b.getByRole('dialog', { name: 'Timer' })).toContainText('Only the facilitator');
    await b.keyboard.press('Escape');

    // Pause, then stop: Ben's follows.
    await a.getByRole('button', { name: 'Pause' }).click();
    await expect(timer(b)).toHaveAttribute('data-state', 'paused');
    const pausedAt = await time(a).textContent();
    await expect(time(b)).toHaveText(pausedAt ?? '');
    await a.getByRole('button', { name: 'Stop the timer' }).click();
    await expect(timer(b)).toHaveCount(0);
    await a.context().close();
    await b.context().close();
  });
});
