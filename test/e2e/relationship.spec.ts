import { expect, test, type Page } from '@playwright/test';
import { nameNew, newMap, stakeholder } from './helpers';

async function addCustomer(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, name);
}

test('depth and value set on two stakeholders place them on the relationship grid; a dot selects its stakeholder', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await newMap(page);
  await addCustomer(page, 'Harbor port');
  await addCustomer(page, 'Ferry line');
  await addCustomer(page, 'Marina');

  // Harbor port: trusted advisor, 40,000 a year. The steps are named and explained where they are set.
  await stakeholder(page, 'Harbor port').click();
  await expect(page.getByText('They seek your view first: needs and solutions are worked out together.')).toBeVisible();
  await page.getByRole('radio', { name: /Trusted advisor/ }).check();
  // A value the format refuses is not saved, and says why.
  await page.getByTestId('value-yearly').fill('-5');
  await expect(page.getByRole('alert')).toContainText('is below zero');
  await page.getByTestId('value-yearly').fill('40000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/relationship-inspector-1280.png' });

  // Ferry line: subject expert, estimated from 250 per purchase × 40 purchases a year.
  await stakeholder(page, 'Ferry line').click();
  await page.getByRole('radio', { name: /Subject expert/ }).check();
  await page.getByLabel('Per purchase').fill('250');
  await page.getByLabel('Purchases a year').fill('40');
  await expect(page.getByTestId('value-estimate')).toHaveText('Estimated yearly value: 10,000.');

  await page.getByRole('button', { name: 'Relationship grid' }).click();
  const grid = page.getByTestId('grid-view');
  const harbor = grid.getByRole('button', { name: 'Harbor port: Trusted advisor, 40,000 a year' });
  const ferry = grid.getByRole('button', { name: 'Ferry line: Subject expert, 10,000 a year' });
  await expect(harbor).toBeVisible();
  await expect(ferry).toBeVisible();
  // Depth across, value up: Harbor port right of and above Ferry line, in proportion to the values.
  expect(Number(await harbor.getAttribute('data-x'))).toBeGreaterThan(0.75);
  expect(Number(await ferry.getAttribute('data-x'))).toBeLessThan(0.25);
  expect(Number(await harbor.getAttribute('data-y'))).toBeCloseTo(0.8, 4);
  expect(Number(await ferry.getAttribute('data-y'))).toBeCloseTo(0.2, 4);
  const [h, f] = [(await harbor.boundingBox())!, (await ferry.boundingBox())!];
  expect(h.x).toBeGreaterThan(f.x);
  expect(h.y).toBeLessThan(f.y);
  // Marina has neither: listed apart, not placed.
  await expect(grid.getByTestId('grid-unplaced')).toContainText('Marina');
  await expect(grid.getByRole('button', { name: /^Marina:/ })).toHaveCount(0);

  // Choosing a dot selects the stakeholder: the inspector beside the grid shows it.
  await ferry.click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ferry line');
  await expect(page.getByRole('radio', { name: /Subject expert/ })).toBeChecked();
  await expect(ferry).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'test-results/screens/relationship-grid-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/relationship-grid-1440.png' });

  // Changing a value moves the dot at once.
  await page.getByTestId('value-yearly').fill('50000');
  const moved = grid.getByRole('button', { name: 'Ferry line: Subject expert, 50,000 a year' });
  await expect(moved).toHaveAttribute('data-y', '1.0000');
  await expect(harbor).toHaveAttribute('data-y', '0.8000');

  // The power/interest grid lists everyone apart until power and interest are set.
  await grid.getByRole('tab', { name: 'Power and interest' }).click();
  await expect(grid.getByTestId('grid-unplaced')).toContainText('Harbor port');
  await page.getByRole('radio', { name: 'Power 5 of 5' }).check();
  await page.getByRole('radio', { name: 'Interest 4 of 5' }).check();
  await expect(grid.getByRole('button', { name: 'Ferry line: power 5, interest 4' })).toBeVisible();
  // Choosing in the side panel never scrolls the page itself: the editor stays where it is.
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  await page.screenshot({ path: 'test-results/screens/power-grid-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/power-grid-1280.png' });

  await grid.getByRole('button', { name: 'Close the grid' }).click();
  await expect(grid).toHaveCount(0);
});
