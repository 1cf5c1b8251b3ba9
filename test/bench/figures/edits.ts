// Edit figures: key → painted for deleting (Delete) a stakeholder near the
// centre, adding one (N) and renaming (typing a letter), each edit saved
// before the next. The map's size stays as generated (5,000 is the most a map holds).
import type { Page } from '@playwright/test';
import { centralNode, panePoint, timeEdit, waitSaved } from '../gestures';
import { BUDGET, sizeName, verdict, type Bench, type MapSize } from '../settings';
import { median, ms, percentile } from '../stats';

/** The ids of the shown stakeholder nodes: the add probe waits for an id not among them. */
async function nodeIds(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('.react-flow__node-stakeholder')].map((n) => n.getAttribute('data-id')).join(' '));
}

export async function edits({ runs, addRow }: Bench, page: Page, size: MapSize): Promise<void> {
  const add: number[] = [];
  const remove: number[] = [];
  const rename: number[] = [];
  // Delete, then add: a map of 5,000 is at the format's limit, where Add is
  // refused (with a notice). First a stakeholder near the centre, then each time the one just added.
  const first = await centralNode(page);
  await page.mouse.click(first.x, first.y); // selects it; the canvas keeps the keys
  let victim = first.id;
  for (let i = 0; i < runs.edits; i++) {
    await waitSaved(page);
    remove.push(await timeEdit(page, 'delete', victim, () => page.keyboard.press('Delete')));
    await waitSaved(page);
    await page.mouse.click(...(Object.values(await panePoint(page)) as [number, number]));
    add.push(await timeEdit(page, 'add', await nodeIds(page), () => page.keyboard.press('n')));
    await page.keyboard.press('Escape'); // leaves the new node's name field; the node stays selected
    victim = await page.evaluate(() => document.querySelector('.react-flow__node-stakeholder.selected')?.getAttribute('data-id') ?? '');
  }
  await waitSaved(page);
  const node = await centralNode(page);
  await page.mouse.click(node.x, node.y);
  const field = page.getByLabel('Name', { exact: true });
  await field.click();
  await page.keyboard.press('End');
  for (let i = 0; i < runs.edits; i++) {
    const expected = `${await field.inputValue()}x`;
    rename.push(await timeEdit(page, 'rename', `${node.id}\u0000${expected}`, () => page.keyboard.press('x')));
    await waitSaved(page);
  }
  await page.keyboard.press('Escape');
  for (const [name, values] of [['add (N)', add], ['rename (typing a letter)', rename], ['delete (Delete)', remove]] as const) {
    addRow({
      figure: `Editing ${sizeName(size)}: ${name}, key → painted`,
      budget: `≤ ${BUDGET.editPaintMs} ms`,
      result: ms(median(values)),
      verdict: verdict(median(values) <= BUDGET.editPaintMs),
      detail: `p95 ${ms(percentile(values, 95))}; n=${values.length}`,
    });
  }
}
