// Frame figures: the p95 frame of a gesture (pan, wheel zoom, drag) on the
// big map. Each run's p95, then the median of those, so one bad run does not decide it.
import type { Page } from '@playwright/test';
import { BUDGET, sleep, verdict, type Bench } from '../settings';
import { median, ms, percentile } from '../stats';

export async function frameFigure({ runs, addRow }: Bench, page: Page, name: string, gesture: (page: Page) => Promise<number[]>): Promise<void> {
  const p95s: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < runs.frames; i++) {
    const frames = await gesture(page);
    p95s.push(percentile(frames, 95));
    all.push(...frames);
    await sleep(300);
  }
  const result = median(p95s);
  addRow({
    figure: `Editing 1,000/2,000: ${name}, p95 frame`,
    budget: `≤ ${BUDGET.frameP95Ms} ms`,
    result: ms(result, 1),
    verdict: verdict(result <= BUDGET.frameP95Ms),
    detail: `median frame ${ms(median(all), 1)}, longest ${ms(Math.max(...all))}, ${all.length} frames in ${runs.frames} run(s)`,
  });
}
