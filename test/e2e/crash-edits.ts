// The five kinds of edit the crash test makes, each with the check that it
// is there after the browser comes back.
import { expect, type Page } from '@playwright/test';
import { center, drag, nameNew, stakeholder, waitSaved } from './helpers';
import { storedMaps } from './crash-helpers';

/** A saved map with two stakeholders, Alpha and Beta, apart from each other. */
export async function setUpMap(page: Page, baseURL: string): Promise<void> {
  await page.goto(baseURL);
  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, 'Alpha');
  await page.getByRole('button', { name: 'Add supplier' }).click();
  await nameNew(page, 'Beta');
  await page.keyboard.press('Escape');
  const alpha = await center(stakeholder(page, 'Alpha'));
  await drag(page, await center(stakeholder(page, 'Beta')), { x: alpha.x + 40, y: alpha.y + 260 });
  await page.keyboard.press('Escape');
  await waitSaved(page);
}

async function betaPosition(page: Page): Promise<{ x: number; y: number } | undefined> {
  const [record] = await storedMaps(page);
  return record?.map.stakeholders.find((s) => s.name === 'Beta')?.position;
}

export interface CrashEdit {
  kind: string;
  /** Makes the edit; returns what the check needs. */
  make(page: Page): Promise<unknown>;
  /** After the relaunch: the edit is on screen (and stored). */
  check(page: Page, made: unknown): Promise<void>;
}

export const CRASH_EDITS: CrashEdit[] = [
  {
    kind: 'rename',
    async make(page) {
      await stakeholder(page, 'Alpha').click();
      await page.getByLabel('Name', { exact: true }).fill('Alpha renamed');
    },
    async check(page) {
      await expect(stakeholder(page, 'Alpha renamed')).toBeVisible();
    },
  },
  {
    kind: 'add',
    async make(page) {
      await page.getByRole('button', { name: 'Add partner' }).click();
      await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);
    },
    async check(page) {
      await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);
    },
  },
  {
    kind: 'move',
    async make(page) {
      const before = await betaPosition(page);
      const from = await center(stakeholder(page, 'Beta'));
      await drag(page, from, { x: from.x + 180, y: from.y + 40 });
      return before;
    },
    async check(page, before) {
      await waitSaved(page);
      const after = await betaPosition(page);
      expect(after).toBeDefined();
      expect(after!.x).toBeGreaterThan((before as { x: number }).x + 50);
    },
  },
  {
    kind: 'relabel',
    async make(page) {
      await stakeholder(page, 'Alpha').click();
      await page.locator('input[type="radio"][value="partner"]').check();
    },
    async check(page) {
      await expect(stakeholder(page, 'Alpha').locator('.stakeholder-node')).toHaveAttribute('data-label', 'partner');
    },
  },
  {
    kind: 'connect',
    async make(page) {
      const alpha = stakeholder(page, 'Alpha');
      await alpha.hover();
      await drag(page, await center(alpha.locator('.react-flow__handle-bottom')), await center(stakeholder(page, 'Beta')));
      await expect(page.getByRole('dialog', { name: 'What flows along this relation?' })).toBeVisible();
      await page.getByRole('button', { name: 'Offering' }).click();
      await expect(page.locator('.react-flow__edge')).toHaveCount(1);
    },
    async check(page) {
      await expect(page.locator('.react-flow__edge')).toHaveCount(1);
    },
  },
];
