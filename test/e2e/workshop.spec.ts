import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { stakeholder, waitSaved } from './helpers';

async function noOverlaps(page: Page): Promise<void> {
  const boxes = await page.locator('.react-flow__node-stakeholder').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  }
}

test('a newcomer follows the guided start for a distributor business and sees the distributor flagged', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Who is your customer?' })).toBeVisible();
  await page.getByRole('button', { name: /Guided start/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Who is your customer?' });
  await dialog.getByLabel('What is your organization called?').fill('Brightfoods');
  await dialog.getByLabel('What do you offer?').fill('Breakfast cereal');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('textbox').fill('Families who eat the cereal');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('textbox').fill('National distributor\nGrocery chains');
  await dialog.getByRole('button', { name: 'Next' }).click();
  for (const payer of ['National distributor', 'Grocery chains', 'Families who eat the cereal']) await dialog.getByLabel(payer).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Skip', exact: true }).click(); // nobody paid to sell
  await dialog.getByRole('textbox').fill('Trade marketing team');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByLabel('What your team calls National distributor')).toHaveValue('customer');
  await dialog.getByRole('button', { name: 'Build our map' }).click();

  const distributor = stakeholder(page, 'National distributor');
  await expect(distributor.locator('.finding-badge.severity-warning')).toBeVisible();
  await expect(stakeholder(page, 'Trade marketing team').locator('.stakeholder-node')).toHaveAttribute('data-side', 'internal');
  await noOverlaps(page);
  await waitSaved(page);
  await page.screenshot({ path: 'test-results/screens/guided-start.png' });
});

test('the steadfast example: lanes layout, then a presentation of every finding', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Steadfast Life/ }).click();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5);
  await noOverlaps(page);

  // Scatter one node on top of another, then lay out again: no overlaps, and undoable.
  await page.getByRole('button', { name: /Lay out/ }).click();
  await expect(page.getByRole('button', { name: /Lay out/ })).toBeEnabled();
  await noOverlaps(page);

  await page.getByRole('tab', { name: /Findings/ }).click();
  const count = await page.locator('.findings-panel .finding').count();
  expect(count).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('.topbar')).toHaveCount(0);
  const shown = page.getByTestId('presented-finding');
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    await expect(page.locator('.presentation-count')).toContainText(`Finding ${i + 1} of ${count}`);
    seen.push((await shown.getAttribute('data-rule')) ?? '');
    if (i === 0) await page.screenshot({ path: 'test-results/screens/presentation.png' });
    if (i < count - 1) await page.keyboard.press('ArrowRight');
  }
  expect(seen).toHaveLength(count);
  expect(seen.every(Boolean)).toBe(true);
  await page.getByRole('button', { name: /After: what the map shows/ }).click();
  await expect(stakeholder(page, 'Independent financial advisors').locator('.stakeholder-node')).toHaveAttribute('data-label', 'intermediary');
  await page.screenshot({ path: 'test-results/screens/presentation-after.png' });
  await page.keyboard.press('Escape');
  await expect(page.locator('.topbar')).toBeVisible();
  await expect(stakeholder(page, 'Independent financial advisors').locator('.stakeholder-node')).toHaveAttribute('data-label', 'customer');
});

test('a three-stakeholder map built with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Blank map/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();

  const add = async (name: string) => {
    await page.keyboard.press('n');
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  };
  await add('Distributor');
  // Label it with the keyboard: Tab into the label radios (on Other), arrow round to Partner.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(stakeholder(page, 'Distributor').locator('.stakeholder-node')).toHaveAttribute('data-label', 'partner');
  await page.keyboard.press('Escape');
  await add('Shoppers');
  await page.keyboard.press('Escape');
  await add('Sales team');
  // Move it inside the organization: Tab to the side radios.
  const onSideRadio = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name?.startsWith('side-') ?? false);
  for (let i = 0; i < 12 && !(await onSideRadio()); i++) await page.keyboard.press('Tab');
  expect(await onSideRadio()).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(stakeholder(page, 'Sales team').locator('.stakeholder-node')).toHaveAttribute('data-side', 'internal');

  // Connect Distributor → Shoppers: select it with Tab on the canvas? Use the inspector-free path: C.
  await page.keyboard.press('Escape');
  await stakeholder(page, 'Distributor').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  const connect = page.getByRole('dialog', { name: /Connect Distributor to/ });
  await expect(connect).toBeVisible();
  await page.keyboard.type('Shop');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const kinds = page.getByRole('dialog', { name: 'What flows along this relation?' });
  await expect(kinds).toBeVisible();
  await page.keyboard.press('Enter'); // offering is first and focused
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/screens/keyboard-only.png' });
});

test('axe finds no serious or critical violations on the main screens', async ({ page }) => {
  const check = async (what: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  };
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Who is your customer?' })).toBeVisible();
  await check('start screen');
  await page.getByRole('button', { name: /Brightfoods/ }).click();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5);
  await check('editor');
  await page.locator('.react-flow__node-stakeholder').first().click();
  await check('inspector');
  await page.getByRole('tab', { name: /Findings/ }).click();
  await check('findings');
  await page.getByRole('button', { name: 'Legend' }).click();
  await check('legend');
  await page.getByRole('button', { name: 'Present' }).click();
  await check('presentation');
});
