// The workshop report: one click from the Facilitate menu, printed to PDF by
// Chromium (a page per section, no app chrome), as Markdown and as extra
// slides; its print pages looked at as screenshots at 1280×720 and 1440×900.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { openExample } from './room-helpers';
import { expectEditor, exportDialog, importThroughPicker } from './export-helpers';
import { waitSaved } from './helpers';

const SCREENS = 'test-results/screens';
const OUT = 'test-results/report';
mkdirSync(SCREENS, { recursive: true });
mkdirSync(OUT, { recursive: true });

const report = (page: Page) => page.getByTestId('report');
const section = (page: Page, kind: string) => report(page).locator(`[data-section="${kind}"]`);

async function openReport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Facilitate' }).click();
  await page.getByRole('menuitem', { name: 'Workshop report' }).click();
  await expect(page.getByRole('dialog', { name: 'Workshop report' })).toBeVisible();
  await expect(section(page, 'definition')).toBeVisible();
}

/** Pages in a PDF: its page objects (/Type /Page, not the /Pages tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The report as printed: print media, screenshots at both sizes, then the PDF. */
async function printed(page: Page, name: string): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  // None of the app is printed: only the report.
  await expect(page.locator('#root')).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Report' })).toBeHidden();
  await expect(report(page)).toBeVisible();
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENS}/report-${name}-print-${size.width}.png`, fullPage: true });
  }
  const path = join(OUT, `${name}.pdf`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path });
  await page.emulateMedia({ media: 'screen' });
  // The PDF's pages as Chromium's own viewer shows them.
  const viewer = await page.context().newPage();
  await viewer.goto(pathToFileURL(resolve(path)).href);
  await viewer.waitForTimeout(2_000);
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await viewer.setViewportSize(size);
    await viewer.waitForTimeout(500);
    await viewer.screenshot({ path: `${SCREENS}/report-${name}-pdf-${size.width}.png` });
  }
  await viewer.close();
  return pdf;
}

test.use({ viewport: { width: 1280, height: 720 } });

test('after a relabel from a finding, the report says so with its reason, prints a page per section, and downloads as Markdown and slides', async ({ page }) => {
  await openExample(page, /Brightfoods/);
  await page.getByRole('tab', { name: /Findings/ }).click();
  await page.locator('.findings-panel .finding[data-rule="customer-is-partner"]').first().getByRole('button', { name: 'Relabel as partner' }).click();
  await waitSaved(page);

  await openReport(page);
  await expect(section(page, 'definition')).toContainText('The user is the customer');
  await expect(section(page, 'map').locator('img')).toHaveAttribute('alt', /Stakeholder map of Brightfoods/);
  await expect.poll(() => section(page, 'map').locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expect(section(page, 'findings')).toContainText('1 stakeholder relabelled since the start.');
  await expect(section(page, 'findings').getByRole('heading', { name: /^At the start/ })).toBeVisible();
  const relabel = section(page, 'relabels').locator('tbody tr');
  await expect(relabel).toHaveCount(1);
  await expect(relabel).toContainText('National distributor');
  await expect(relabel).toContainText('customer → partner');
  await expect(relabel).toContainText('Suggested by the map: The map shows National distributor');
  // No votes or breakouts on this map: no such sections.
  await expect(report(page).locator('[data-section]')).toHaveCount(4);
  await page.screenshot({ path: `${SCREENS}/report-screen-1280.png` });

  const pdf = await printed(page, 'brightfoods');
  // The title and definition, the map, the findings, the relabels: a page each.
  expect(pdfPages(pdf)).toBe(4);

  // Markdown: the same sections as text.
  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown' }).click();
  const mdFile = await md;
  expect(mdFile.suggestedFilename()).toMatch(/report\.md$/);
  const text = readFileSync(await mdFile.path(), 'utf8');
  expect(text).toContain('## Relabels and why');
  expect(text).toMatch(/\*\*National distributor\*\*: customer → partner/);
  expect(text).toMatch(/!\[Stakeholder map of Brightfoods\]\(data:image\/svg\+xml;base64,/);

  // PowerPoint: the map's slide and its findings, then the report's definition, findings and relabels (last).
  const deck = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'PowerPoint' }).click();
  const deckFile = await deck;
  const zip = await JSZip.loadAsync(readFileSync(await deckFile.path()));
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  expect(slides.length).toBeGreaterThanOrEqual(4);
  expect(await zip.file(`ppt/slides/slide${slides.length}.xml`)!.async('string')).toContain('National distributor: customer → partner');

  // Closing returns to the editor.
  await page.getByRole('button', { name: 'Close the report' }).click();
  await expect(page.getByRole('dialog', { name: 'Workshop report' })).toHaveCount(0);
  await expectEditor(page);

  // The Export dialog's PowerPoint can carry the report's slides too.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('group', { name: 'Format' }).locator('label', { hasText: 'PowerPoint' }).click();
  await dialog.getByRole('checkbox', { name: /Add the workshop report/ }).check();
  const exported = page.waitForEvent('download', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Download PowerPoint' }).click();
  const exportedZip = await JSZip.loadAsync(readFileSync(await (await exported).path()));
  expect(Object.keys(exportedZip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(4);
  expect(await exportedZip.file('ppt/slides/slide2.xml')!.async('string')).toContain('Our definition of customer');
});

test('a map with votes and breakout teams: tallies, disagreements and teams in the report, hostile names only as text', async ({ page }) => {
  await importThroughPicker(page, join('test', 'fixtures', 'versions', 'v2.stakemap.json'));
  await expectEditor(page);
  // The file holds an open vote: its ballot screen comes up; Escape goes back to the map.
  await expect(page.getByTestId('vote-open')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('vote-open')).toHaveCount(0);
  // A relabel by hand of the stakeholder with a hostile name.
  await page.locator('.react-flow__node-stakeholder').filter({ hasText: '<img src=x onerror=alert(1)>' }).click();
  await page.getByRole('group', { name: 'What do you call them?' }).getByText('Partner', { exact: true }).click();
  await waitSaved(page);
  await openReport(page);
  await expect(section(page, 'definition').locator('.report-note')).toContainText('Anyone we do something for');
  const votes = section(page, 'votes');
  await expect(votes).toContainText('Open disagreements');
  await expect(votes.locator('.report-disagreements li').first()).toContainText('Corner grocer');
  await expect(votes).toContainText('still open, answers hidden');
  // The open vote's answer (Ana: intermediary for the Grant broker) is not shown.
  await expect(votes).not.toContainText('Grant broker');
  await expect(votes).not.toContainText('Ana');
  await expect(section(page, 'comparison').locator('tbody tr')).toHaveCount(2);
  await expect(section(page, 'comparison')).toContainText('Team North');
  // The stakeholder named "<img src=x onerror=alert(1)>" is text: the only image is the map.
  await expect(report(page).locator('img')).toHaveCount(1);
  const relabel = section(page, 'relabels').locator('tbody tr');
  await expect(relabel).toHaveCount(1);
  await expect(relabel).toContainText('<img src=x onerror=alert(1)>');
  await expect(relabel).toContainText('other → partner');
  await expect(relabel).toContainText('Changed by the team; no finding suggested this label.');

  const pdf = await printed(page, 'v2');
  // Title and definition, map, findings, relabels, votes, teams: a page each.
  expect(pdfPages(pdf)).toBe(6);
});
