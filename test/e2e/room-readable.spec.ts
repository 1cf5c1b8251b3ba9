// Ready for the room (issue 12), read from the back: every example opens
// readable on a 1280×720 projector and a 1440×900 laptop, with no card on a
// card or under the canvas's controls and no relation label on a card or a
// label; presenting a finding shows its stakeholder whole, centred in the map
// above the finding; the findings panel shows findings first.
import { expect, test } from '@playwright/test';
import { cards, chrome, expectAllInView, expectLabelsClear, expectNothingOnAnything, openExample, overlaps, SIZES, zoomOf } from './room-helpers';
import { waitForStillView } from './helpers';

const EXAMPLES = ['Brightfoods', 'Steadfast Life', 'Northwind Bank', 'Reliance Partners', 'Keepsake Books', 'TalentBridge', 'A half-drawn map'];

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every example opens with names at least 14 px tall, nothing on anything, no label on a card or a label', async ({ page }) => {
      test.setTimeout(120_000);
      for (const title of EXAMPLES) {
        await openExample(page, new RegExp(title));
        const zoom = await zoomOf(page);
        const fontPx = await page.locator('.stakeholder-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(fontPx * zoom, `${title}: name height on screen`).toBeGreaterThanOrEqual(14);
        // And as rendered: a line of a name is at least 14 px tall on screen.
        const line = await page.locator('.stakeholder-name').first().evaluate((e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          return Math.min(...[...range.getClientRects()].map((r) => r.height));
        });
        expect(line, `${title}: a rendered line`).toBeGreaterThanOrEqual(14);
        await expectNothingOnAnything(page);
        await expectAllInView(page);
        await expectLabelsClear(page);
        await page.screenshot({ path: `test-results/screens/room-${size.width}-${title.replace(/\W+/g, '-').toLowerCase()}.png` });
      }
    });

    test('fit and lay out keep every card in view, clear of the minimap and the controls', async ({ page }) => {
      await openExample(page, /Keepsake Books/);
      // Scroll away, then fit.
      await page.mouse.move(500, 400);
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(400);
      await page.keyboard.press('f');
      await page.waitForTimeout(600);
      await expectNothingOnAnything(page);
      await expectAllInView(page);
      await page.getByRole('button', { name: /Lay out/ }).click();
      await expect(page.getByRole('button', { name: /Lay out/ })).toBeEnabled();
      await page.waitForTimeout(800);
      await expectNothingOnAnything(page);
      await expectAllInView(page);
      await expectLabelsClear(page);
      // The zoom buttons' own Fit does the same.
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(400);
      await page.getByRole('button', { name: 'Fit the whole map in view' }).click();
      await page.waitForTimeout(600);
      await expectNothingOnAnything(page);
      await expectAllInView(page);
    });

    for (const title of ['Brightfoods', 'Keepsake Books']) {
      test(`presenting every finding of ${title} shows its stakeholder whole, centred above the finding`, async ({ page }) => {
        test.setTimeout(90_000);
        await openExample(page, new RegExp(title));
        await page.getByRole('tab', { name: /Findings/ }).click();
        const count = await page.locator('.findings-panel .finding').count();
        expect(count).toBeGreaterThan(0);
        await page.getByRole('button', { name: 'Present' }).click();
        await expect(page.locator('.topbar')).toHaveCount(0);
        const bar = page.getByRole('region', { name: 'Presentation' });
        for (let i = 0; i < count; i++) {
          await expect(page.locator('.presentation-count')).toContainText(`Finding ${i + 1} of ${count}`);
          await page.waitForTimeout(600); // the view glides to the finding
          const barBox = (await bar.boundingBox())!;
          expect(barBox.height, 'the finding takes at most a third of the screen').toBeLessThanOrEqual(size.height / 3 + 1);
          // Canvas chrome is hidden.
          expect(await chrome(page)).toEqual([]);
          const id = await page.getByTestId('presented-finding').getAttribute('data-stakeholder');
          if (id) {
            const canvas = (await page.locator('.canvas').boundingBox())!;
            const node = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
            expect(overlaps(node, barBox), 'not under the finding').toBe(false);
            expect(node.y).toBeGreaterThanOrEqual(canvas.y);
            expect(node.y + node.height).toBeLessThanOrEqual(barBox.y);
            expect(node.x).toBeGreaterThanOrEqual(canvas.x);
            expect(node.x + node.width).toBeLessThanOrEqual(canvas.x + canvas.width);
            // Centred in what is left of the screen above the bar.
            expect(Math.abs(node.x + node.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width * 0.1);
            expect(Math.abs(node.y + node.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(canvas.height * 0.1);
            // Readable, and nothing else on it.
            expect((await zoomOf(page)) * 17).toBeGreaterThanOrEqual(14);
            for (const c of await cards(page)) if (c.name !== id) expect(overlaps(c.box, node), `${c.name} on the presented ${id}`).toBe(false);
          }
          if (i === 0) await page.screenshot({ path: `test-results/screens/room-${size.width}-present-${title.replace(/\W+/g, '-').toLowerCase()}.png` });
          if (i < count - 1) await page.keyboard.press('ArrowRight');
        }
        // Names wrap between words, never inside one that fits a line.
        const midWord = await page.locator('.stakeholder-name').evaluateAll((els) =>
          els.flatMap((e) => {
            const text = e.firstChild;
            if (!text || text.nodeType !== Node.TEXT_NODE) return [];
            const s = text.textContent ?? '';
            const range = document.createRange();
            const top = (i: number) => {
              range.setStart(text, i);
              range.setEnd(text, i + 1);
              return range.getBoundingClientRect().top;
            };
            const breaks: string[] = [];
            for (let i = 1; i < s.length; i++) {
              if (s[i] === ' ' || s[i - 1] === ' ' || s[i - 1] === '-') continue;
              if (top(i) > top(i - 1) + 2) breaks.push(`${s.slice(0, i)}|${s.slice(i)}`);
            }
            return breaks;
          }),
        );
        expect(midWord).toEqual([]);
        // Leaving the presentation shows the whole map again, clear of the minimap and controls.
        await page.keyboard.press('Escape');
        await expect(page.locator('.topbar')).toBeVisible();
        await waitForStillView(page);
        await expectAllInView(page);
        await expectNothingOnAnything(page);
      });
    }

    test('the findings panel shows findings first; Check our map brings them into view; the summary names who it counts', async ({ page }) => {
      await openExample(page, /Brightfoods/);
      await page.getByRole('tab', { name: /Findings/ }).click();
      const panel = page.locator('.side-panel');
      const first = page.locator('.findings-panel .finding').first();
      await expect(first).toBeInViewport();
      await expect(page.getByTestId('definition-line')).toBeVisible();
      await expect(page.getByRole('radio', { name: /Whoever pays/ })).toHaveCount(0);
      await expect(page.getByTestId('customer-summary')).toContainText('Families who eat the cereal');
      // Change opens the choices; the findings follow them.
      await page.getByRole('button', { name: 'Change' }).click();
      await expect(page.getByRole('radio', { name: /Whoever pays/ })).toBeVisible();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Hide findings while the team draws' }).click();
      await panel.evaluate((e) => (e.scrollTop = e.scrollHeight));
      await page.getByRole('button', { name: 'Check our map' }).click();
      await expect(page.locator('.findings-panel .finding').first()).toBeInViewport();
      await page.screenshot({ path: `test-results/screens/room-${size.width}-findings.png` });
    });
  });
}
