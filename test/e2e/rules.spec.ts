import { expect, test } from '@playwright/test';
import { center, drag, nameNew, newMap, stakeholder, waitSaved } from './helpers';

test('a distributor drawn as "customer" is flagged, explained, relabelled and restored', async ({ page }) => {
  await newMap(page);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, 'National distributor');
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, 'Grocery chains');

  const org = page.locator('.react-flow__node-organization');
  const distributor = stakeholder(page, 'National distributor');
  const grocers = stakeholder(page, 'Grocery chains');
  const dBox = (await distributor.boundingBox())!;
  // Grocery chains well to the right of the distributor, outside the organization.
  await drag(page, await center(grocers), { x: dBox.x + dBox.width / 2 + 330, y: dBox.y + dBox.height / 2 });
  await expect(grocers.locator('.stakeholder-node')).toHaveAttribute('data-side', 'external');

  // Brightfoods → distributor → grocers, both offering.
  await org.hover();
  await drag(page, await center(org.locator('.node-handle.react-flow__handle-top')), await center(distributor));
  await page.getByRole('button', { name: 'Offering' }).click();
  await distributor.hover();
  await drag(page, await center(distributor.locator('.node-handle.react-flow__handle-right')), await center(grocers));
  await page.getByRole('button', { name: 'Offering' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // The warning shows on the node itself.
  await expect(distributor.locator('.finding-badge.severity-warning')).toBeVisible();
  await expect(grocers.locator('.finding-badge')).toHaveCount(0);

  // Select it: the inspector says what the map shows, and why.
  await distributor.click();
  const finding = page.locator('.stakeholder-findings .finding[data-rule="customer-is-partner"]');
  await expect(finding).toContainText('National distributor');
  await expect(finding).toContainText('Grocery chains');
  await finding.getByRole('button', { name: 'Why?' }).click();
  await expect(finding.locator('.finding-why')).not.toBeEmpty();
  await page.screenshot({ path: 'test-results/screens/rules-warning.png' });

  // The findings tab lists it too, with the summary line.
  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.getByTestId('customer-summary')).toHaveText('You call 2 stakeholders customers; under your definition 1 is: Grocery chains.');
  await expect(page.locator('.findings-panel .finding[data-rule="customer-is-partner"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/rules-findings.png' });

  // One click relabels; the warning goes.
  await page.locator('.findings-panel .finding[data-rule="customer-is-partner"]').getByRole('button', { name: 'Relabel as partner' }).click();
  await expect(distributor.locator('.stakeholder-node')).toHaveAttribute('data-label', 'partner');
  await expect(distributor.locator('.finding-badge')).toHaveCount(0);
  await expect(page.locator('.findings-panel .finding[data-rule="customer-is-partner"]')).toHaveCount(0);

  // And it is undoable.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(distributor.locator('.stakeholder-node')).toHaveAttribute('data-label', 'customer');
  await expect(distributor.locator('.finding-badge.severity-warning')).toBeVisible();
});

test('a facilitator hides findings while the team draws, then reveals them', async ({ page }) => {
  await newMap(page);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, 'Walk-in visitors');
  await page.getByRole('tab', { name: /Findings/ }).click();
  await page.getByRole('button', { name: 'Hide findings while the team draws' }).click();
  await expect(page.locator('.finding-badge')).toHaveCount(0);
  await page.reload();
  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.locator('.finding-badge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Check our map' }).click();
  await expect(stakeholder(page, 'Walk-in visitors').locator('.finding-badge')).toBeVisible();

  // The definition is saved with the map (one line until Change opens its choices).
  await expect(page.getByTestId('definition-line')).toContainText('The user is the customer');
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByRole('radio', { name: /Whoever pays is the customer/ }).check();
  await page.getByLabel('In our own words').fill('Whoever signs the purchase order.');
  await waitSaved(page);
  await page.reload();
  await page.getByRole('tab', { name: /Findings/ }).click();
  await expect(page.getByTestId('definition-line')).toContainText('Whoever pays is the customer');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('radio', { name: /Whoever pays is the customer/ })).toBeChecked();
  await expect(page.getByLabel('In our own words')).toHaveValue('Whoever signs the purchase order.');
});
