// Breakout teams compared (issue 15): two teams' maps of Brightfoods that
// disagree on the distributor, in Debian's Chromium. The files it downloads
// go to test-results/exports/, its screenshots to test-results/screens/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { expectEditor, exportAs, EXPORTS, importThroughPicker, SCENARIO } from './export-helpers';

const SCREENS = join('test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });
const BRIGHTFOODS = SCENARIO('brightfoods-distribution');
const TEAM_B = join('test', 'fixtures', 'breakouts', 'brightfoods-team-b.stakemap.json');

/** The RFC 4180 reading the CSV must survive: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Breakout teams compared' });
const row = (page: Page, name: string): Locator => dialog(page).locator('tbody tr', { has: page.locator('.compare-name-text', { hasText: name }) });

/** Team B's map in the library, then the plenary map (Brightfoods) open in the editor. */
async function openPlenary(page: Page): Promise<void> {
  await page.goto('/#/');
  await importThroughPicker(page, TEAM_B);
  await expectEditor(page);
  await page.getByRole('button', { name: /back to your maps/ }).click();
  await importThroughPicker(page, BRIGHTFOODS);
  await expectEditor(page);
  await expect(page.getByLabel('Map title')).toHaveValue('Brightfoods: who buys our cereal?');
}

async function openComparison(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Facilitate' }).click();
  await page.getByRole('menuitem', { name: 'Compare breakout teams' }).click();
  await expect(dialog(page)).toBeVisible();
}

async function addTeams(page: Page): Promise<void> {
  const d = dialog(page);
  // Team A: a file a team exported.
  await d.getByLabel('Team name').fill('Team A');
  const chooser = page.waitForEvent('filechooser');
  await d.getByRole('button', { name: 'Add team from a file…' }).click();
  await (await chooser).setFiles(BRIGHTFOODS);
  await expect(d.getByRole('textbox', { name: 'Name of team Team A' })).toBeVisible();
  // Team B: a map in this browser's library.
  await d.getByRole('button', { name: 'Add a team' }).click();
  await expect(d.getByLabel('Team name')).toHaveValue('Team 2');
  await d.getByLabel('Team name').fill('Team B');
  await d.getByLabel('Their map, from this browser').selectOption({ label: 'Brightfoods, as team B drew it (6 stakeholders)' });
  await d.getByRole('button', { name: 'Add team', exact: true }).click();
  await expect(d.getByRole('textbox', { name: 'Name of team Team B' })).toBeVisible();
}

test('two teams’ Brightfoods maps: they disagree on the distributor, the CSV says so, a hand match joins two rows', async ({ page }) => {
  await openPlenary(page);
  await openComparison(page);
  await expect(dialog(page).getByText(/Add each breakout team’s map/)).toBeVisible();
  await addTeams(page);
  const d = dialog(page);

  // Columns: the two teams; the distributor, named differently by team B, is one row, first, marked.
  await expect(d.locator('thead .compare-col-name')).toHaveText(['Team A', 'Team B']);
  await expect(d.locator('thead .compare-col-counts')).toHaveText([' 2 warnings 1 note', ' 1 warning 1 note']);
  const distributor = row(page, 'National distributor');
  await expect(distributor).toHaveClass(/is-disagree/);
  await expect(distributor.locator('.compare-status')).toHaveText('Disagree on label');
  await expect(distributor.locator('.compare-label')).toHaveText(['Customer', 'Partner']);
  await expect(distributor.locator('.compare-role')).toHaveText(['shows: Partner', 'shows: Partner']);
  await expect(distributor.locator('.compare-entry-name')).toHaveText('The national distributors');
  await expect(distributor.locator('.compare-findings')).toHaveText('1 finding');
  const names = await d.locator('tbody .compare-name-text').allTextContents();
  expect(names.slice(0, 2).map((n) => n.replace('≠', '')).sort()).toEqual(['Families who eat the cereal', 'National distributor']);
  await expect(row(page, 'Category buyers').locator('.compare-status')).toHaveText('Drawn only by Team B');
  await expect(row(page, 'Category buyers').locator('.compare-cell').first()).toHaveText('not drawn');
  await expect(d.locator('.compare-summary')).toHaveCount(2);
  await expect(d.locator('.compare-summary').first()).toContainText('2 warnings');
  await expect(d.locator('tbody tr')).toHaveCount(7);

  // Accessible: axe finds no serious or critical violation in the comparison.
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const axe = await new AxeBuilder({ page }).include('.compare').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(SCREENS, `compare-${w}x${h}.png`) });
  }

  // The CSV: one line per stakeholder, each team's label and role.
  const downloading = page.waitForEvent('download');
  await d.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await downloading;
  expect(csv.suggestedFilename()).toBe('Brightfoods- who buys our cereal- - teams compared.csv');
  const csvPath = join(EXPORTS, 'brightfoods-compared.csv');
  await csv.saveAs(csvPath);
  const [head, ...lines] = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\ufeff/, ''));
  expect(head!.slice(0, 8)).toEqual(['Stakeholder', 'Status', 'Matched by hand', 'Team A: name', 'Team A: label', 'Team A: side', 'Team A: role', 'Team A: findings']);
  expect(lines).toHaveLength(7);
  const line = lines.find((l) => l[0] === 'National distributor')!;
  expect([line[1], line[4], line[6], line[8], line[9], line[11]]).toEqual(['Disagree on label', 'Customer', 'Partner', 'The national distributors', 'Partner', 'Partner']);
  expect(lines.find((l) => l[0] === 'Category buyers')![1]).toBe('Drawn only by Team B');

  // A hand match: team A's oat cooperative is team B's oat growers' co-op.
  await row(page, 'Oat cooperative').getByRole('checkbox').check();
  await row(page, 'Oat growers’ co-op').getByRole('checkbox').check();
  await d.getByRole('button', { name: /Same stakeholder/ }).click();
  await expect(d.locator('tbody tr')).toHaveCount(6);
  await expect(d.getByRole('alert')).toHaveCount(0);
  // The form to add a team closed when the team was added.
  await expect(d.getByLabel('Team name')).toBeHidden();
  const oats = row(page, 'Oat cooperative');
  await expect(oats.locator('.compare-hand')).toContainText('matched by hand');
  await expect(oats.locator('.compare-status')).toHaveText('Agreed');
  await expect(oats.locator('.compare-entry-name')).toHaveText('Oat growers’ co-op');
  await page.screenshot({ path: join(SCREENS, 'compare-matched-1440x900.png') });
  await oats.getByRole('button', { name: 'Undo match' }).click();
  await expect(d.locator('tbody tr')).toHaveCount(7);
  // Matched again, for what follows: the match is saved with the map.
  await row(page, 'Oat cooperative').getByRole('checkbox').check();
  await row(page, 'Oat growers’ co-op').getByRole('checkbox').check();
  await d.getByRole('button', { name: /Same stakeholder/ }).click();
  await expect(d.locator('tbody tr')).toHaveCount(6);

  // The facilitator's own map as a column too.
  await d.getByRole('checkbox', { name: 'Include this map' }).check();
  await expect(d.locator('thead .compare-col-name')).toHaveText(['This map', 'Team A', 'Team B']);
  await expect(row(page, 'National distributor').locator('.compare-label')).toHaveText(['Customer', 'Customer', 'Partner']);
  await d.getByRole('checkbox', { name: 'Include this map' }).uncheck();

  // The slide from the screen: one slide with the table.
  const slideDownload = page.waitForEvent('download');
  await d.getByRole('button', { name: 'Download comparison slide' }).click();
  const slideFile = join(EXPORTS, 'brightfoods-compared.pptx');
  await (await slideDownload).saveAs(slideFile);
  const zip = await JSZip.loadAsync(readFileSync(slideFile));
  const slideXml = await zip.file('ppt/slides/slide1.xml')!.async('string');
  expect(slideXml).toContain('≠ National distributor');
  expect(slideXml).toContain('Team B');

  // Kept with the map: after a reload the teams and the match are there.
  await d.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expectEditor(page);
  await openComparison(page);
  await expect(dialog(page).locator('tbody tr')).toHaveCount(6);
  await expect(row(page, 'Oat cooperative').locator('.compare-hand')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Close' }).click();

  // The PowerPoint export carries the comparison after the map and its findings: the last slide.
  const deck = await exportAs(page, { format: 'PowerPoint', background: 'White', findings: true }, 'brightfoods-with-teams.pptx');
  const deckZip = await JSZip.loadAsync(readFileSync(deck.path));
  const slides = Object.keys(deckZip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  expect(slides.length).toBeGreaterThanOrEqual(3); // map, findings, comparison
  const texts = await Promise.all(slides.map((_, i) => deckZip.file(`ppt/slides/slide${i + 1}.xml`)!.async('string')));
  expect(texts.map((t) => t.includes('Breakout teams compared'))).toEqual(slides.map((_, i) => i === slides.length - 1));
});

test('a file that is not a map is refused with a reason, and nothing changes', async ({ page }) => {
  await openPlenary(page);
  await openComparison(page);
  const d = dialog(page);
  const chooser = page.waitForEvent('filechooser');
  await d.getByRole('button', { name: 'Add team from a file…' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something else"}') });
  await expect(d.getByRole('alert')).toContainText('“notes.json” is not a map Stakemap can open');
  await expect(d.locator('.compare-team')).toHaveCount(0);
});

test('long and right-to-left names wrap inside their cells and stay text, at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlenary(page);
  await openComparison(page);
  const d = dialog(page);
  const team = JSON.parse(readFileSync(TEAM_B, 'utf8')) as { stakeholders: { id: string; name: string }[] };
  const long = `Regional wholesale distribution cooperative of independent grocers ${'and their many partners '.repeat(4)}`.trim();
  team.stakeholders[0]!.name = long;
  team.stakeholders[4]!.name = '<img src=x onerror=alert(1)> \u202eSREYUB';
  const chooser = page.waitForEvent('filechooser');
  await d.getByRole('button', { name: 'Add team from a file…' }).click();
  await (await chooser).setFiles({ name: 'team-b.stakemap.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(team)) });
  await expect(d.locator('tbody tr')).toHaveCount(6);
  // Text, isolated: the markup is shown as it was written, inside <bdi>.
  const hostile = d.locator('.compare-name-text bdi', { hasText: '<img src=x' });
  await expect(hostile).toHaveText('<img src=x onerror=alert(1)> \u202eSREYUB');
  await expect(d.locator('img[src="x"]')).toHaveCount(0);
  // The long name is clamped to its column: the table is no wider than the dialog.
  const [table, box] = await Promise.all([d.locator('.compare-table').boundingBox(), d.boundingBox()]);
  expect(table!.x + table!.width).toBeLessThanOrEqual(box!.x + box!.width);
  const name = row(page, 'Regional wholesale').locator('.compare-name-text');
  expect((await name.boundingBox())!.height).toBeLessThan(100);
  await page.screenshot({ path: join(SCREENS, 'compare-long-names-1280x720.png') });
});
