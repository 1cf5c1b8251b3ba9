// What every part of the browser benchmark shares: where the build is served,
// the maps measured, the budgets of issue 7, how often each figure runs, and
// the handle (Bench) through which a figure reports its rows.
import { join } from 'node:path';
import config from '../../playwright.config';
import type { TableRow } from './stats';

export const ROOT = join(import.meta.dirname, '..', '..');
export const PORT = 4183;
export const BASE = `http://127.0.0.1:${PORT}`;

export const BIG = { stakeholders: 1_000, relations: 2_000, seed: 1 };
/** The size of issue 18 (five thousand stakeholders): opening, editing and saving are measured at both. */
export const HUGE = { stakeholders: 5_000, relations: 10_000, seed: 1 };
export const EXPORT_MAP = { stakeholders: 500, relations: 1_000, seed: 2 };
export type MapSize = typeof BIG;
export const SIZES: readonly MapSize[] = [BIG, HUGE];

/** "1,000/2,000": stakeholders/relations, as the tables name a size. */
export const sizeName = (size: MapSize): string => `${size.stakeholders.toLocaleString('en-US')}/${size.relations.toLocaleString('en-US')}`;

/** Open from IndexedDB to interactive: 500 ms at 1,000 stakeholders, 1 s at 5,000 (issue 18). */
export const openBudgetMs = (size: MapSize): number => (size.stakeholders > BIG.stakeholders ? 1_000 : BUDGET.openMs);

// The same window and Chromium flags as the end-to-end tests.
export const VIEWPORT = config.use?.viewport ?? { width: 1440, height: 900 };
export const LAUNCH_ARGS = config.use?.launchOptions?.args ?? [];

export const BUDGET = {
  startKb: 200,
  interactiveMs: 1_000,
  frameP95Ms: 20,
  editPaintMs: 100,
  openMs: 500,
  saveP95Ms: 10,
  layoutMs: 1_000,
  blockMs: 50,
  exportMs: 3_000,
};

/** How many times each figure is measured; --quick trades steadiness for time. */
export const RUN_COUNTS = {
  full: { tti: 9, open: 7, frames: 3, edits: 9, saves: 12, saveRuns: 3, layout: 3, export: 3 },
  quick: { tti: 3, open: 3, frames: 1, edits: 3, saves: 6, saveRuns: 1, layout: 1, export: 1 },
};
export type Runs = typeof RUN_COUNTS.full;

/** Passed to every figure: its run counts, and where its rows go (printed at once, tabled at the end). */
export interface Bench {
  readonly runs: Runs;
  readonly addRow: (row: TableRow) => void;
}

export const log = (...args: unknown[]): void => console.log(...args);
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
export const verdict = (ok: boolean): 'ok' | 'OVER' => (ok ? 'ok' : 'OVER');
