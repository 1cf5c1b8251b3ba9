// Input at the edges (issue 14), in Debian's Chromium at 1280×720: a position
// of ±1.7e308, a name of 200 characters without a space, and names holding a
// right-to-left override, each imported as a file the way a person would.
// Screenshots go to test-results/screens/bounds-*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectEditor, importThroughPicker } from './export-helpers';
import { waitForStillView, waitSaved } from './helpers';
import { CARD_TEXT } from '../../src/domain/geometry';

test.use({ viewport: { width: 1280, height: 720 } });

const DIR = join('test-results', 'bounds');
mkdirSync(DIR, { recursive: true });
mkdirSync(join('test-results', 'screens'), { recursive: true });

const RLO = '\u202e';
const LONG = 'W'.repeat(200);

interface Party {
  readonly name: string;
  readonly x: number;
  readonly y: number;
}

/** A map file: the organization, stakeholder `a` (a customer we pay, so findings name it) and a neighbour `b`. */
function mapFile(file: string, o: { title: string; org: Party; a: Party; b?: Party }): string {
  const path = join(DIR, file);
  const b = o.b ?? { name: 'Neighbour after', x: 320, y: 120 };
  writeFileSync(
    path,
    JSON.stringify({
      format: 'stakemap',
      version: 1,
      title: o.title,
      organization: { name: o.org.name, position: { x: o.org.x, y: o.org.y } },
      stakeholders: [
        { id: 'a', name: o.a.name, label: 'customer', side: 'external', position: { x: o.a.x, y: o.a.y } },
        { id: 'b', name: b.name, label: 'partner', side: 'external', position: { x: b.x, y: b.y } },
      ],
      relations: [{ id: 'r1', from: 'us', to: 'a', kind: 'money' }],
    }),
  );
  return path;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto('/#/');
  await importThroughPicker(page, path);
  await expectEditor(page);
}

/** Whether `box` lies wholly inside `outer` (half a pixel of rounding allowed). */
function within(box: { x: number; y: number; width: number; height: number } | null, outer: { x: number; y: number; width: number; height: number }): boolean {
  if (!box) return false;
  return box.x >= outer.x - 0.5 && box.y >= outer.y - 0.5 && box.x + box.width <= outer.x + outer.width + 0.5 && box.y + box.height <= outer.y + outer.height + 0.5;
}

const VIEWPORT = { x: 0, y: 0, width: 1280, height: 720 };

test('a position of ±1.7e308 is left out with a message: the canvas shows the map and Add works', async ({ page }) => {
  const path = mapFile('far.stakemap.json', {
    title: 'Far away',
    org: { name: 'Us', x: 0, y: 0 },
    a: { name: 'Far right', x: 1.7e308, y: 0 },
    b: { name: 'Placed', x: 320, y: 120 },
  });
  await open(page, path);

  // The file opened, and the user is told which positions were moved, and where to.
  const report = page.getByTestId('import-repaired');
  await expect(report).toBeVisible();
  await expect(page.getByRole('dialog', { name: '“far.stakemap.json” was opened with changes' })).toBeVisible();
  await expect(report.locator('li')).toHaveText([
    /^stakeholders\[0\]\.position: "Far right" was at x 1\.70e\+308, y 0, beyond the edge of the canvas \(coordinates run from -1,000,000 to 1,000,000\); the position was left out, so it is placed again, beside the others$/,
  ]);
  await page.screenshot({ path: 'test-results/screens/bounds-far-message.png' });
  await report.getByRole('button', { name: 'OK' }).click();

  // The canvas is drawn: a finite view, and every card on it, readable, inside the canvas.
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  expect(transform).toMatch(/^matrix\(/);
  expect(transform.match(/-?[\d.e+-]+/g)!.map(Number).every(Number.isFinite)).toBe(true);
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const nodes = page.locator('.react-flow__node-stakeholder, .react-flow__node-organization');
  await expect(nodes).toHaveCount(3);
  for (const node of await nodes.all()) {
    const box = await node.boundingBox();
    expect(within(box, canvas)).toBe(true);
    expect(box!.width).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('node-a')).toContainText('Far right');
  await page.screenshot({ path: 'test-results/screens/bounds-far-canvas.png' });

  // Add works: a new stakeholder, named and saved.
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(3);
  await expect(page.locator('.react-flow__node-organization')).toHaveCount(1);
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await name.fill('Added after the repair');
  await name.press('Enter');
  await waitSaved(page);
  const added = page.locator('.react-flow__node-stakeholder').filter({ hasText: 'Added after the repair' });
  await expect(added).toHaveCount(1);
  expect(within(await added.boundingBox(), canvas)).toBe(true);
});

test('a 200-character name without spaces stays in its card, and presentation controls stay on screen', async ({ page }) => {
  await open(page, mapFile('long.stakemap.json', { title: LONG, org: { name: LONG, x: 0, y: 0 }, a: { name: LONG, x: 320, y: 0 } }));

  // The card: the name is cut to two lines with an ellipsis, inside the card's box.
  const card = page.getByTestId('node-a');
  const cardName = card.locator('.stakeholder-name');
  const cardBox = (await card.boundingBox())!;
  expect(within(await cardName.boundingBox(), cardBox)).toBe(true);
  expect(await cardName.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await cardName.evaluate((el) => getComputedStyle(el).webkitLineClamp)).toBe(String(CARD_TEXT.nameLines));
  // The boundary's tab (which sits on its top edge) ends in an ellipsis within the boundary's width.
  const tab = page.locator('.boundary-handle');
  const tabBox = (await tab.boundingBox())!;
  const boundary = (await page.getByTestId('boundary').boundingBox())!;
  expect(within({ ...tabBox, y: boundary.y, height: 1 }, boundary)).toBe(true);
  expect(await tab.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');

  // The inspector and the findings panel wrap it within the side panel.
  await card.click();
  const panel = (await page.locator('.side-panel').boundingBox())!;
  const inspectorFinding = page.locator('.stakeholder-findings .finding').first();
  await inspectorFinding.scrollIntoViewIfNeeded();
  expect(within(await inspectorFinding.boundingBox(), { ...panel, y: -1e6, height: 2e6 })).toBe(true);
  await page.screenshot({ path: 'test-results/screens/bounds-long-inspector.png' });
  await page.getByRole('tab', { name: /Findings/ }).click();
  const cards = page.locator('.findings-panel .finding');
  await expect(cards.first()).toBeVisible();
  for (const f of await cards.all()) expect(await f.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // Presenting, at every finding (one names the long stakeholder): every control within the viewport.
  await page.getByRole('button', { name: 'Present' }).click();
  const controls: Locator[] = [
    page.getByRole('button', { name: 'Previous finding' }),
    page.getByRole('button', { name: 'Next finding' }),
    page.getByRole('button', { name: 'Exit presentation' }),
    page.getByRole('button', { name: 'Before: our labels' }),
    page.getByRole('button', { name: 'After: what the map shows' }),
  ];
  const count = Number((await page.locator('.presentation-count').textContent())!.match(/of (\d+)/)![1]);
  let namedIt = false;
  for (let i = 0; i < count; i++) {
    await expect(page.locator('.presentation-count')).toContainText(`Finding ${i + 1} of ${count}`);
    for (const control of controls) expect(within(await control.boundingBox(), VIEWPORT), await control.textContent() ?? '').toBe(true);
    const message = page.locator('.presentation-message');
    expect(await message.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    if ((await message.textContent())!.includes('WWWWWWWWWW')) {
      namedIt = true;
      await page.screenshot({ path: 'test-results/screens/bounds-long-presentation.png' });
    }
    if (i < count - 1) await page.keyboard.press('ArrowRight');
  }
  expect(namedIt).toBe(true);
  const title = page.locator('.presentation-title');
  expect(within(await title.boundingBox(), VIEWPORT)).toBe(true);
  await page.keyboard.press('Escape');

  // The library clamps the title to three lines.
  await page.goto('/#/');
  const libraryTitle = page.locator('.map-card-title').first();
  expect(await libraryTitle.evaluate((el) => getComputedStyle(el).webkitLineClamp)).toBe('3');
  expect(within(await libraryTitle.boundingBox(), (await page.locator('.map-card').first().boundingBox())!)).toBe(true);
});

/** Where each character of `needle` is drawn (its box's left and top), found in a text node under `el`. */
async function charBoxes(el: Locator, needle: string): Promise<{ left: number; top: number }[]> {
  return el.evaluate((node, needle) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? '').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      const boxes: { left: number; top: number }[] = [];
      for (let i = at; i < at + needle.length; i++) {
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = range.getBoundingClientRect();
        boxes.push({ left: r.left, top: r.top });
      }
      return boxes;
    }
    throw new Error(`no text "${needle}"`);
  }, needle);
}

/** Read left to right: on each line, every character right of the one before (a line break may come between). */
async function readsLeftToRight(el: Locator, needle: string): Promise<boolean> {
  const boxes = await charBoxes(el, needle);
  return boxes.every((b, i) => i === 0 || Math.abs(b.top - boxes[i - 1]!.top) > 2 || b.left > boxes[i - 1]!.left);
}

test('a right-to-left override in a name cannot reverse the text around it', async ({ page }) => {
  await open(page, mapFile('rlo.stakemap.json', {
    title: `Title${RLO}eltit`,
    org: { name: `Org${RLO}grO`, x: 0, y: 0 },
    a: { name: `Shop${RLO}evil name`, x: 320, y: 0 },
  }));

  // Each element that holds a name is isolated: by CSS or inside <bdi>.
  const isolated = (el: Locator) => el.evaluate((node) => getComputedStyle(node).unicodeBidi === 'isolate' || node.closest('bdi') !== null);
  expect(await isolated(page.getByTestId('node-a').locator('.stakeholder-name'))).toBe(true);
  expect(await isolated(page.getByTestId('node-us').locator('.stakeholder-name'))).toBe(true);
  expect(await isolated(page.locator('.boundary-handle bdi'))).toBe(true);

  // The card below keeps its own text in order.
  expect(await readsLeftToRight(page.getByTestId('node-b'), 'Neighbour')).toBe(true);

  // In a finding's sentence, the words after each name still read left to right.
  await page.getByTestId('node-a').click();
  const finding = page.locator('.stakeholder-findings .finding-message').first();
  await expect(finding).toContainText('paying');
  const text = (await finding.textContent())!;
  expect(text).toContain(`\u2068Org${RLO}grO\u2069 paying \u2068Shop${RLO}evil name\u2069: someone you pay`);
  expect(await readsLeftToRight(finding, ' paying ')).toBe(true);
  expect(await readsLeftToRight(finding, ': someone you pay')).toBe(true);
  await page.screenshot({ path: 'test-results/screens/bounds-rlo-inspector.png' });

  // The relation's ends: "(us)" after the organization's name reads as written.
  await page.locator('.relation-list button').first().click();
  const ends = page.locator('.relation-ends');
  await expect(ends).toContainText('(us)');
  expect(await readsLeftToRight(ends, ' (us)')).toBe(true);

  // Presenting: the message after a name reads left to right too.
  await page.getByRole('button', { name: 'Present' }).click();
  const message = page.locator('.presentation-message');
  for (let i = 0; i < 6 && !(await message.textContent())!.includes('paying'); i++) await page.keyboard.press('ArrowRight');
  await expect(message).toContainText('paying');
  expect(await readsLeftToRight(message, ' paying ')).toBe(true);
  await page.screenshot({ path: 'test-results/screens/bounds-rlo-presentation.png' });

  // The stored name is unchanged: the inspector's field shows exactly what the file held.
  // Leaving the presentation fits the whole map (animated): click once the canvas is still.
  await page.keyboard.press('Escape');
  await expect(page.locator('.topbar')).toBeVisible();
  await waitForStillView(page);
  await page.getByTestId('node-a').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`Shop${RLO}evil name`);
});
