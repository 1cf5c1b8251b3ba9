// Geometry on screen for the room tests (room.spec.ts, room-readable.spec.ts):
// what overlaps what, read from the page's own boxes.
import { expect, type Page } from '@playwright/test';

export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function overlaps(a: Box, b: Box, slack = 0.5): boolean {
  return a.x < b.x + b.width - slack && b.x < a.x + a.width - slack && a.y < b.y + b.height - slack && b.y < a.y + a.height - slack;
}

/** Boxes on screen of every element matching `selector`, with a name for messages. */
export async function boxesOf(page: Page, selector: string, nameAttr = 'data-id'): Promise<{ name: string; box: Box }[]> {
  return page.locator(selector).evaluateAll(
    (els, attr) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.getAttribute(attr) ?? e.textContent ?? '', box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }),
    nameAttr,
  );
}

/** Cards: every stakeholder and the organization. */
export const cards = (page: Page) => boxesOf(page, '.react-flow__node-stakeholder, .react-flow__node-organization');

/** The canvas's own chrome that a card must not sit under: minimap, zoom buttons, Legend button. */
export async function chrome(page: Page): Promise<{ name: string; box: Box }[]> {
  const out: { name: string; box: Box }[] = [];
  for (const [name, selector] of [
    ['minimap', '.react-flow__minimap'],
    ['controls', '.react-flow__controls'],
    ['legend', '.legend-toggle'],
  ] as const) {
    const el = page.locator(selector);
    if ((await el.count()) === 0 || !(await el.isVisible())) continue;
    const box = await el.boundingBox();
    if (box) out.push({ name, box });
  }
  return out;
}

/** No card on another card, under the canvas's chrome, or outside the canvas. */
export async function expectNothingOnAnything(page: Page): Promise<void> {
  const all = await cards(page);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!.box, all[j]!.box), `${all[i]!.name} on ${all[j]!.name}`).toBe(false);
  }
  for (const c of await chrome(page)) for (const card of all) expect(overlaps(card.box, c.box), `${card.name} under the ${c.name}`).toBe(false);
}

/** Every card inside the canvas, clear of its edges. */
export async function expectAllInView(page: Page): Promise<void> {
  const canvas = (await page.locator('.canvas').boundingBox())!;
  // Cards and relation labels: a route around the boundary can carry its label past the cards.
  for (const card of [...(await cards(page)), ...(await boxesOf(page, '.relation-label', 'data-relation'))]) {
    expect(card.box.x, `${card.name} left`).toBeGreaterThanOrEqual(canvas.x);
    expect(card.box.y, `${card.name} top`).toBeGreaterThanOrEqual(canvas.y);
    expect(card.box.x + card.box.width, `${card.name} right`).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(card.box.y + card.box.height, `${card.name} bottom`).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
}

/** No relation label under a card or over another label. */
export async function expectLabelsClear(page: Page): Promise<void> {
  const labels = await boxesOf(page, '.relation-label', 'data-relation');
  const all = await cards(page);
  for (const l of labels) for (const c of all) expect(overlaps(l.box, c.box), `label ${l.name} under ${c.name}`).toBe(false);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) expect(overlaps(labels[i]!.box, labels[j]!.box), `label ${labels[i]!.name} on ${labels[j]!.name}`).toBe(false);
  }
}

/** The canvas's zoom, from React Flow's viewport transform. */
export async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((e) => getComputedStyle(e).transform);
  const m = /matrix\(([^,]+),/.exec(transform);
  return m ? Number(m[1]) : 1;
}

/** The top-left corner of each card on screen, by id: to see that nothing moved. */
export async function positions(page: Page): Promise<Record<string, string>> {
  return page.locator('.react-flow__node').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id') ?? '', (e as HTMLElement).style.transform])));
}

export async function openExample(page: Page, title: RegExp): Promise<void> {
  await page.goto('/#/');
  await page.getByRole('button', { name: title }).first().click();
  await expect(page.locator('.react-flow__node-stakeholder').first()).toBeVisible();
  // The opening view settles in a frame or two.
  await page.waitForTimeout(300);
}
