// Helpers for the export and import journeys: opening files through the
// picker or a drop, running the export dialog, and reading what it wrote.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export const EXPORTS = join('test-results', 'exports');
mkdirSync(EXPORTS, { recursive: true });

export const SCENARIO = (name: string) => join('test', 'fixtures', 'scenarios', `${name}.stakemap.json`);

/** Opens a file from the library's "Import a map" button, the way a person would. */
export async function importThroughPicker(page: Page, path: string): Promise<void> {
  if (!page.url().includes('#/') || page.url().includes('#/map/')) {
    await page.goto('/#/');
  }
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a map' }).click();
  await (await chooser).setFiles(path);
}

export async function expectEditor(page: Page): Promise<void> {
  await expect(page.locator('.react-flow__node-organization')).toBeVisible();
}

/** Drops a file with the given bytes on the window. */
export async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ name, data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
      return transfer;
    },
    { name, data: bytes.toString('base64'), type },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

export interface ExportChoice {
  format: 'PNG' | 'SVG' | 'PowerPoint' | 'Map file';
  scale?: '1x' | '2x' | '3x' | '4x';
  background?: 'White' | 'Dark' | 'Transparent';
  scope?: 'Whole map' | 'Selection';
  slide?: boolean;
  findings?: boolean;
  anonymize?: boolean;
  diagram?: 'Editable shapes' | 'Picture';
}

export function exportDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Export/ });
}

async function setCheck(dialog: Locator, label: string, on: boolean | undefined): Promise<void> {
  if (on === undefined) return;
  const box = dialog.getByRole('checkbox', { name: label });
  if (await box.isDisabled()) return;
  if ((await box.isChecked()) !== on) await box.setChecked(on, { force: true });
  await expect(box).toBeChecked({ checked: on });
}

async function pick(dialog: Locator, group: string, option: string | undefined): Promise<void> {
  if (!option) return;
  const fieldset = dialog.getByRole('group', { name: group });
  await fieldset.locator('label', { hasText: option }).first().click();
  await expect(fieldset.locator('label.is-checked', { hasText: option })).toHaveCount(1);
}

/** Opens the dialog, makes the choices, downloads, and saves the file under test-results/exports. */
export async function exportAs(page: Page, choice: ExportChoice, saveAs: string): Promise<{ path: string; download: Download; ms: number }> {
  const dialog = exportDialog(page);
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeVisible();
  await pick(dialog, 'Format', choice.format);
  if (choice.format === 'PNG') await pick(dialog, 'Resolution', choice.scale);
  await pick(dialog, 'Background', choice.background);
  await pick(dialog, 'What to export', choice.scope);
  if (choice.format !== 'PowerPoint') await setCheck(dialog, 'Lay out as a 16:9 slide', choice.slide);
  if (choice.format === 'PowerPoint') await pick(dialog, 'Diagram as', choice.diagram);
  await setCheck(dialog, 'Add a summary of the findings', choice.findings);
  await setCheck(dialog, 'Anonymize names', choice.anonymize);
  await expect(dialog.getByTestId('export-preview').or(dialog.locator('.export-json'))).toBeVisible();
  const started = Date.now();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Download/ }).click();
  const download = await downloading;
  const path = join(EXPORTS, saveAs);
  await download.saveAs(path);
  const ms = Date.now() - started;
  await expect(dialog).toBeHidden();
  return { path, download, ms };
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function save(name: string, data: string | Buffer): string {
  const path = join(EXPORTS, name);
  writeFileSync(path, data);
  return path;
}

/** The drawn relations of an export SVG: id, kind and the points of the path. */
export function edgesOf(svg: string): { id: string; kind: string; points: number[] }[] {
  const out: { id: string; kind: string; points: number[] }[] = [];
  for (const m of svg.matchAll(/<g data-relation="([^"]+)" data-kind="([^"]+)"><path d="([^"]+)"/g)) {
    out.push({ id: m[1]!, kind: m[2]!, points: (m[3]!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number) });
  }
  return out;
}

/** A point of a straight (4 numbers) or quadratic (6 numbers) path at t. */
export function pointAt(points: number[], t: number): { x: number; y: number } {
  const [x0, y0] = [points[0]!, points[1]!];
  if (points.length >= 6) {
    const [cx, cy, x1, y1] = [points[2]!, points[3]!, points[4]!, points[5]!];
    const u = 1 - t;
    return { x: u * u * x0 + 2 * u * t * cx + t * t * x1, y: u * u * y0 + 2 * u * t * cy + t * t * y1 };
  }
  return { x: x0 + (points[2]! - x0) * t, y: y0 + (points[3]! - y0) * t };
}

export function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
