// Export and import journeys (issue 4), in Debian's Chromium. Every file the
// exports write is kept under test-results/exports/ to be looked at.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { decodePng } from '../export/png-decode';
import { KIND_STYLE } from '../../src/drawing/theme';
import type { Kind } from '../../src/domain';
import {
  dropFile,
  edgesOf,
  expectEditor,
  exportAs,
  exportDialog,
  hexRgb,
  importThroughPicker,
  pointAt,
  readText,
  save,
  SCENARIO,
} from './export-helpers';

const BRIGHTFOODS = SCENARIO('brightfoods-distribution');

/** A map file as read, to be edited into a hostile or broken one. */
type MapFile = { title: string; stakeholders: { name: string; label: string }[]; relations: { to: string }[] };

async function openBrightfoods(page: Page): Promise<void> {
  await page.goto('/#/');
  await importThroughPicker(page, BRIGHTFOODS);
  await expectEditor(page);
  await expect(page.getByLabel('Map title')).toHaveValue('Brightfoods: who buys our cereal?');
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5);
}

test('Brightfoods: PNG at 2x has every edge, and opens again as the same map', async ({ page }) => {
  await openBrightfoods(page);
  const json = readText((await exportAs(page, { format: 'Map file', scope: 'Whole map', anonymize: false }, 'brightfoods.stakemap.json')).path);
  expect(json).toContain('"format": "stakemap"');

  const choice = { scale: '2x', background: 'White', scope: 'Whole map', slide: false, anonymize: false } as const;
  const png = await exportAs(page, { format: 'PNG', ...choice }, 'brightfoods-2x.png');
  expect(png.download.suggestedFilename()).toBe('Brightfoods- who buys our cereal-.png');
  const svg = readText((await exportAs(page, { format: 'SVG', ...choice }, 'brightfoods.svg')).path);

  // Dimensions: twice the SVG's layout size.
  const [vx, vy, vw, vh] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number) as [number, number, number, number];
  const image = decodePng(readFileSync(png.path));
  expect(image.width).toBe(Math.round(vw * 2));
  expect(image.height).toBe(Math.round(vh * 2));
  // Even padding: the corners are background.
  for (const [x, y] of [[2, 2], [image.width - 3, 2], [2, image.height - 3], [image.width - 3, image.height - 3]] as const) {
    expect(image.pixel(x, y)).toEqual([255, 255, 255, 255]);
  }

  // Every relation of the file is drawn, and its pixels are there in its kind's colour.
  const edges = edgesOf(svg);
  expect(edges.map((e) => e.id).sort()).toEqual(['r1', 'r10', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
  for (const edge of edges) {
    const [r, g, b] = hexRgb(KIND_STYLE[edge.kind as Kind].color);
    let hits = 0;
    for (let t = 0.06; t <= 0.94; t += 0.01) {
      const p = pointAt(edge.points, t);
      const px = (p.x - vx) * 2;
      const py = (p.y - vy) * 2;
      let best = Infinity;
      for (let dx = -2; dx <= 2; dx++) {
        for (let dy = -2; dy <= 2; dy++) {
          const [pr, pg, pb] = image.pixel(px + dx, py + dy);
          best = Math.min(best, Math.hypot(pr - r, pg - g, pb - b));
        }
      }
      if (best < 40) hits++;
    }
    expect(hits, `pixels of relation ${edge.id} (${edge.kind})`).toBeGreaterThanOrEqual(5);
  }

  // The PNG opens again as a new map, identical to the one exported; the original stays.
  await page.getByRole('button', { name: /back to your maps/ }).click();
  await expect(page.locator('.map-card')).toHaveCount(1);
  await importThroughPicker(page, png.path);
  await expectEditor(page);
  const again = readText((await exportAs(page, { format: 'Map file', anonymize: false }, 'brightfoods-from-png.stakemap.json')).path);
  expect(again).toBe(json);

  // And so does the SVG.
  await page.getByRole('button', { name: /back to your maps/ }).click();
  await expect(page.locator('.map-card')).toHaveCount(2);
  await importThroughPicker(page, save('brightfoods-reimport.svg', svg));
  await expectEditor(page);
  const fromSvg = readText((await exportAs(page, { format: 'Map file' }, 'brightfoods-from-svg.stakemap.json')).path);
  expect(fromSvg).toBe(json);
});

test('SVG export shows a hostile name as text, with no script or event attribute', async ({ page }) => {
  const map = JSON.parse(readText(BRIGHTFOODS)) as MapFile;
  map.title = 'Names <b>bold</b> & "quotes"';
  map.stakeholders[1]!.name = '<img src=x onerror=alert(1)>';
  map.stakeholders[2]!.name = `"&'`;
  const path = save('hostile.stakemap.json', JSON.stringify(map, null, 2));
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/#/');
  await importThroughPicker(page, path);
  await expectEditor(page);
  await expect(page.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();

  for (const slide of [false, true]) {
    const svg = readText((await exportAs(page, { format: 'SVG', slide, findings: true, anonymize: false }, `hostile${slide ? '-slide' : ''}.svg`)).path);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('&quot;&amp;&apos;');
    expect(svg).not.toMatch(/<script/i);
    for (const tag of svg.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/\son\w+\s*=/i);
    // Rendered as an image it is just a picture.
    await page.evaluate(async (text) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
    }, svg);
  }
  expect(dialogs).toBe(0);
});

test('slide export is 16:9; the PowerPoint deck has the map as shapes (or a picture), findings slides and notes', async ({ page }) => {
  await openBrightfoods(page);
  const slide = await exportAs(page, { format: 'PNG', scale: '2x', background: 'White', slide: true, findings: true }, 'brightfoods-slide-2x.png');
  const image = decodePng(readFileSync(slide.path));
  expect([image.width, image.height]).toEqual([3840, 2160]);
  expect(image.width / image.height).toBeCloseTo(16 / 9, 5);

  const dark = decodePng(readFileSync((await exportAs(page, { format: 'PNG', scale: '1x', background: 'Dark', slide: true }, 'brightfoods-slide-dark.png')).path));
  expect([dark.width, dark.height]).toEqual([1920, 1080]);
  expect(dark.pixel(5, 5)).toEqual([0x11, 0x1a, 0x24, 255]);
  const clear = decodePng(readFileSync((await exportAs(page, { format: 'PNG', scale: '1x', background: 'Transparent', slide: false }, 'brightfoods-transparent.png')).path));
  expect(clear.pixel(1, 1)[3]).toBe(0);

  const svg = readText((await exportAs(page, { format: 'SVG', background: 'White', slide: true, findings: true }, 'brightfoods-slide.svg')).path);
  expect(svg).toContain('viewBox="0 0 1920 1080"');

  // The deck: the map slide with the diagram as shapes to edit, then every finding on slides of their own.
  const deck = await exportAs(page, { format: 'PowerPoint', background: 'White', findings: true, diagram: 'Editable shapes' }, 'brightfoods.pptx');
  expect(deck.download.suggestedFilename()).toMatch(/\.pptx$/);
  const zip = await JSZip.loadAsync(readFileSync(deck.path));
  const names = Object.keys(zip.files);
  expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort()).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
  const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
  const notesXml = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
  expect(notes.length).toBeGreaterThanOrEqual(1);
  expect(notesXml).toContain('Definition of customer: The user is the customer');
  expect(notesXml).toMatch(/Warning: /);
  const presentation = await zip.file('ppt/presentation.xml')!.async('string');
  const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!;
  expect(Number(cx) / Number(cy)).toBeCloseTo(16 / 9, 2);
  const slideXml = await zip.file('ppt/slides/slide1.xml')!.async('string');
  expect(slideXml).toMatch(/<p:ph\s[^>]*type="title"/);
  expect(slideXml).toContain('Brightfoods: who buys our cereal?');
  expect(slideXml).toContain('The user is the customer');
  expect((slideXml.match(/name="Stakeholder: /g) ?? []).length).toBe(5);
  expect((slideXml.match(/name="Relation: /g) ?? []).length).toBe(10);
  // Relations are connectors glued to the cards, with arrowheads.
  expect((slideXml.match(/<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="\d+" name="Relation: [^"]*"\/><p:cNvCxnSpPr><a:stCxn id="\d+" idx="[0-3]"\/><a:endCxn id="\d+" idx="[0-3]"\/>/g) ?? []).length).toBe(10);
  expect((slideXml.match(/<a:tailEnd type="triangle"\/><\/a:ln><\/p:spPr><\/p:cxnSp>/g) ?? []).length).toBe(10);
  expect(slideXml).toContain('<a:t>National distributor</a:t>');
  const findingsXml = await zip.file('ppt/slides/slide2.xml')!.async('string');
  expect(findingsXml).toContain('<a:t>Findings</a:t>');
  expect(names.filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'))).toEqual([]);

  // The picture stays as an option: one PNG, sized to what the slide shows.
  const pictured = await JSZip.loadAsync(readFileSync((await exportAs(page, { format: 'PowerPoint', findings: false, diagram: 'Picture' }, 'brightfoods-picture.pptx')).path));
  const media = Object.keys(pictured.files).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'));
  expect(media).toHaveLength(1);
  const picture = decodePng(await pictured.file(media[0]!)!.async('uint8array'));
  expect(picture.width).toBeGreaterThanOrEqual(2400);
  expect(picture.width).toBeLessThanOrEqual(2 * 1920);
  expect((await pictured.file('ppt/slides/slide1.xml')!.async('string')).match(/name="Stakeholder: /g)).toBeNull();
  await exportAs(page, { format: 'PowerPoint', findings: true, diagram: 'Editable shapes' }, 'brightfoods-again.pptx');
});

test('a 500-stakeholder map as a PowerPoint picture stays a few MB; the dialog says names are small', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/dev/generate?stakeholders=500&relations=1000&seed=2');
  await page.waitForURL(/#\/map\//, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('group', { name: 'Format' }).locator('label', { hasText: 'PowerPoint' }).first().click();
  await expect(dialog.getByTestId('export-legibility')).toContainText('Names are');
  await expect(dialog.getByTestId('export-legibility')).toContainText('export a selection');
  const deck = await exportAs(page, { format: 'PowerPoint', findings: false, diagram: 'Picture' }, 'big-500-picture.pptx');
  const bytes = readFileSync(deck.path).length;
  save('big-500-picture.size.txt', `${bytes} bytes\n`);
  expect(bytes).toBeLessThan(6 * 1024 * 1024);
  const zip = await JSZip.loadAsync(readFileSync(deck.path));
  const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'));
  const picture = decodePng(await zip.file(media[0]!)!.async('uint8array'));
  expect(Math.max(picture.width, picture.height)).toBeLessThanOrEqual(2 * 1920);
  const shapes = await exportAs(page, { format: 'PowerPoint', diagram: 'Editable shapes', findings: false }, 'big-500-shapes.pptx');
  save('big-500-shapes.size.txt', `${readFileSync(shapes.path).length} bytes\n`);
  expect(readFileSync(shapes.path).length).toBeLessThan(6 * 1024 * 1024);
});

test('anonymized exports and a selection export leave the map as it is', async ({ page }) => {
  await openBrightfoods(page);
  const svg = readText((await exportAs(page, { format: 'SVG', slide: false, anonymize: true }, 'brightfoods-anonymous.svg')).path);
  expect(svg).toContain('>Customer 1</text>');
  expect(svg).not.toContain('National distributor');
  // The organization's name and the title go too, unless kept; the dialog says which.
  expect(svg).not.toContain('Brightfoods');
  expect(svg).toContain('Our organization');
  await expect(page.locator('.react-flow__node-stakeholder').filter({ hasText: 'National distributor' })).toBeVisible();

  await page.locator('.react-flow__node-stakeholder').filter({ hasText: 'Grocery chains' }).click();
  const part = readText((await exportAs(page, { format: 'SVG', scope: 'Selection', anonymize: false }, 'brightfoods-selection.svg')).path);
  expect((part.match(/<g data-stakeholder="/g) ?? []).length).toBe(1);
  expect(part).toContain('>Grocery chains</text>');
  // Back to the whole map for the next export, as remembered.
  await exportAs(page, { format: 'SVG', scope: 'Whole map' }, 'brightfoods-whole.svg');
});

test('keyboard: Ctrl+E opens the dialog, Ctrl+Shift+C copies a PNG', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openBrightfoods(page);
  await page.keyboard.press('Control+e');
  await expect(exportDialog(page)).toBeVisible();
  // The download is one Enter away; Escape closes without exporting.
  await expect(exportDialog(page).getByRole('button', { name: /^Download/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  await page.keyboard.press('Control+Shift+C');
  const notice = page.getByTestId('export-notice');
  await expect(notice).toContainText('Copied the map as PNG');
  // On top, not under the canvas or the side panel: what is at its centre is the notice itself.
  const box = (await notice.boundingBox())!;
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="export-notice"]') !== null, [box.x + box.width / 2, box.y + box.height / 2])).toBe(true);
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
  expect(types).toContain('image/png');
});

test('dropping files: a map opens as a new map; refused files say why and change nothing', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByRole('button', { name: 'Import a map' })).toBeVisible();
  const before = await page.locator('.map-card').count();

  const bad = JSON.parse(readText(BRIGHTFOODS)) as MapFile;
  bad.stakeholders[0]!.label = 'custmer';
  bad.relations[0]!.to = 'nobody';
  await dropFile(page, 'bad.stakemap.json', Buffer.from(JSON.stringify(bad)), 'application/json');
  const refusal = page.getByTestId('import-refusal');
  await expect(refusal).toBeVisible();
  await expect(refusal.locator('li').first()).toHaveText(/^stakeholders\[0\]\.label: "custmer" is not one of customer/);
  await expect(refusal.locator('li').nth(1)).toHaveText(/^relations\[0\]\.to: /);
  await expect(refusal).toContainText('Nothing was changed');
  await page.screenshot({ path: 'test-results/exports/import-refused.png' });
  await refusal.getByRole('button', { name: 'OK' }).click();

  const plainPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await dropFile(page, 'photo.png', plainPng, 'image/png');
  await expect(refusal).toContainText('This image has no Stakemap map in it.');
  await refusal.getByRole('button', { name: 'OK' }).click();
  await expect(page.locator('.map-card')).toHaveCount(before);

  await dropFile(page, 'brightfoods.stakemap.json', readFileSync(BRIGHTFOODS), 'application/json');
  await expectEditor(page);
  await expect(page.getByLabel('Map title')).toHaveValue('Brightfoods: who buys our cereal?');
});

test('a 500-stakeholder map exports as PNG at 2x in seconds', async ({ page }) => {
  test.setTimeout(120_000);
  const labels = ['customer', 'client', 'partner', 'intermediary', 'supplier', 'colleague', 'other'];
  const kinds = Object.keys(KIND_STYLE);
  const stakeholders = Array.from({ length: 500 }, (_, i) => ({
    id: `s${i}`,
    name: `Stakeholder ${i} with a longer name`,
    label: labels[i % labels.length],
    side: i % 9 === 0 ? 'internal' : 'external',
    position: { x: 400 + (i % 25) * 230, y: (Math.floor(i / 25) - 10) * 110 },
  }));
  const relations = Array.from({ length: 800 }, (_, i) => ({
    id: `r${i}`,
    from: i % 6 === 0 ? 'us' : `s${i % 500}`,
    to: `s${(i * 7 + 3) % 500}`,
    kind: kinds[i % kinds.length],
  })).filter((r) => r.from !== r.to);
  const map = { format: 'stakemap', version: 1, title: 'Five hundred', organization: { name: 'Bigco', position: { x: 0, y: 0 } }, stakeholders, relations };
  await page.goto('/#/');
  await importThroughPicker(page, save('five-hundred.stakemap.json', JSON.stringify(map)));
  await expectEditor(page);
  const { path, ms } = await exportAs(page, { format: 'PNG', scale: '2x', background: 'White', scope: 'Whole map', slide: false, anonymize: false }, 'five-hundred-2x.png');
  const image = decodePng(readFileSync(path));
  console.log(`500 stakeholders, ${relations.length} relations: PNG at 2x, ${image.width} × ${image.height} px, exported in ${ms} ms`);
  expect(image.width).toBeGreaterThan(4000);
  expect(ms).toBeLessThan(30_000);
});

test('axe finds no serious or critical violations in the export dialog', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await openBrightfoods(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog(page).getByTestId('export-preview')).toBeVisible();
  for (const format of ['PNG', 'PowerPoint', 'Map file']) {
    await exportDialog(page).getByRole('group', { name: 'Format' }).locator('label', { hasText: format }).click();
    const result = await new AxeBuilder({ page }).include('.export-dialog').analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${format}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
});
