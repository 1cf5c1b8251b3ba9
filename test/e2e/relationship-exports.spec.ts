// The grids as files (SVG, PNG, a PowerPoint slide) and the cards' depth and
// value badge, in a real browser: names with markup characters stay text in
// every file, the PNG is a PNG of the grid's size, the slide a one-slide deck;
// the badge appears on the cards only with the view option on, and the option
// is remembered in this browser. Screens at 1280x720 and 1440x900 in /tmp.
import { mkdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { nameNew, newMap, stakeholder, waitSaved } from './helpers';

const SHOTS = '/tmp/stakemap-depth';
mkdirSync(SHOTS, { recursive: true });
const HARBOR = 'Harbor <port> & "Co"';
const FERRY = "Ferry 'line'";

async function addCustomer(page: Page, name: string, depth: RegExp, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Add customer' }).click();
  await nameNew(page, name);
  await stakeholder(page, name).click();
  await page.getByRole('radio', { name: depth }).check();
  await page.getByTestId('value-yearly').fill(value);
}

async function downloaded(page: Page, button: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { file, bytes: readFileSync(await file.path()) };
}

test('the grid downloads as SVG, PNG and a slide; cards show depth and value when the view option is on', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await newMap(page);
  await addCustomer(page, HARBOR, /Trusted advisor/, '1200000');
  await addCustomer(page, FERRY, /Subject expert/, '40000');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByLabel('Currency of values').fill('EUR');
  await expect(page.getByLabel('Currency of values')).toHaveValue('EUR');

  await page.getByRole('button', { name: 'Relationship grid' }).click();
  const grid = page.getByTestId('grid-view');
  await expect(grid.getByRole('button', { name: `${HARBOR}: Trusted advisor, €1,200,000 a year` })).toBeVisible();

  // SVG: the names as escaped text, no element made of them.
  const svg = await downloaded(page, grid.getByRole('button', { name: 'SVG', exact: true }));
  expect(svg.file.suggestedFilename()).toBe('Untitled map relationship grid.svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('Harbor &lt;port&gt; &amp; "Co"');
  expect(svgText).toContain("Ferry 'line'");
  expect(svgText).not.toContain('<port>');
  expect(svgText).toContain('Shared success');
  expect(svgText).toContain('€1M');

  // PNG: a PNG, twice the drawing's size.
  const png = await downloaded(page, grid.getByRole('button', { name: 'PNG', exact: true }));
  expect(png.file.suggestedFilename()).toBe('Untitled map relationship grid.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1520, 920]);
  expect(png.bytes.length).toBeGreaterThan(10_000);

  // The slide: a one-slide deck holding the names as text and the quadrants.
  const slide = await downloaded(page, grid.getByRole('button', { name: 'Slide', exact: true }));
  expect(slide.file.suggestedFilename()).toBe('Untitled map relationship grid.pptx');
  const zip = await JSZip.loadAsync(slide.bytes);
  expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toEqual(['ppt/slides/slide1.xml']);
  const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
  expect(xml).toContain('Harbor &lt;port&gt; &amp; &quot;Co&quot;');
  expect(xml).toContain('Ferry &apos;line&apos;');
  expect(xml).not.toContain('<port>');
  expect(xml).toContain('Shared success');
  expect(xml).toContain('€1M');

  await page.screenshot({ path: `${SHOTS}/grid-1280.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/grid-1440.png` });
  await grid.getByRole('button', { name: 'Close the grid' }).click();

  // The badge: off at first, on with the canvas's view option, on the card's edge without resizing it.
  const harbor = stakeholder(page, 'Harbor');
  const ferry = stakeholder(page, 'Ferry');
  await expect(page.locator('.relationship-badge')).toHaveCount(0);
  const before = (await harbor.boundingBox())!;
  const option = page.getByRole('button', { name: 'Depth and value on the cards' });
  await expect(option).toHaveAttribute('aria-pressed', 'false');
  await option.click();
  await expect(option).toHaveAttribute('aria-pressed', 'true');
  await expect(harbor.locator('.relationship-badge [aria-hidden]')).toHaveText('4. Advisor · €1.2M');
  await expect(ferry.locator('.relationship-badge [aria-hidden]')).toHaveText('1. Expert · €40K');
  await expect(harbor.locator('.relationship-badge')).toHaveAttribute('title', 'Depth 4 of 4, trusted advisor; €1,200,000 a year');
  const after = (await harbor.boundingBox())!;
  expect([after.width, after.height]).toEqual([before.width, before.height]);
  const badge = harbor.locator('.relationship-badge');
  expect(await badge.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
  // The badge's words are whole (not cut by its ellipsis).
  expect(await badge.locator('[aria-hidden]').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/badges-1440.png` });
  const card = (await harbor.boundingBox())!;
  await page.screenshot({ path: `${SHOTS}/badge-close-1440.png`, clip: { x: card.x - 12, y: card.y - 16, width: card.width + 24, height: card.height + 36 } });
  await page.locator('.react-flow__controls').screenshot({ path: `${SHOTS}/controls-1440.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${SHOTS}/badges-1280.png` });

  // Remembered after a reload; a view choice, not an edit: no undo step, nothing to save.
  await waitSaved(page);
  await page.reload();
  await expect(stakeholder(page, 'Harbor').locator('.relationship-badge [aria-hidden]')).toHaveText('4. Advisor · €1.2M');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Depth and value on the cards' }).click();
  await expect(page.locator('.relationship-badge')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
});
