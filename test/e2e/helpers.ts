import { expect, type Locator, type Page } from '@playwright/test';

export function stakeholder(page: Page, name: string): Locator {
  return page.locator('.react-flow__node-stakeholder').filter({ hasText: name });
}

export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with real mouse events, in small steps as a hand would. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }
  await page.mouse.up();
}

/** Types a new name into the focused name field of a just-added stakeholder. */
export async function nameNew(page: Page, name: string): Promise<void> {
  const field = page.getByLabel('Name', { exact: true });
  await expect(field).toBeFocused();
  await field.fill(name);
  await field.press('Enter');
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

export async function newMap(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();
}

/** Waits until the canvas stops moving (an animated fit takes ~300 ms), so a click lands where it aims. */
export async function waitForStillView(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect(async () => {
    const now = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
    const still = now === last;
    last = now;
    expect(still).toBe(true);
  }).toPass({ intervals: [150], timeout: 5000 });
}
