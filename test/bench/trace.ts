// Reading Chrome traces (browser.startTracing/stopTracing): the page's
// main-thread tasks and the windows the app marks with User Timing measures
// (e.g. stakemap:save), so a figure can count the main-thread time inside
// each window rather than the wall-clock time around it.

/** What the saving and layout figures trace: main-thread tasks and User Timing. */
export const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing', 'toplevel'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
}

export interface Span {
  start: number;
  end: number;
}

/** Main-thread tasks and the windows of a User Timing measure, in ms on the trace clock. */
export function readTrace(buffer: Buffer, measure: string): { tasks: Span[]; windows: Span[] } {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name === measure);
  const main = marks[0];
  if (!main) return { tasks: [], windows: [] };
  // The app records its measures on the page's main thread: their pid/tid name that thread.
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid)
    .map((e) => ({ start: e.ts / 1000, end: (e.ts + (e.dur ?? 0)) / 1000 }));
  const windows: Span[] = [];
  const open = new Map<string, number>();
  for (const e of marks.sort((a, b) => a.ts - b.ts)) {
    const key = e.id ?? e.id2?.local ?? '';
    if (e.ph === 'b') open.set(key, e.ts / 1000);
    else if (e.ph === 'e' && open.has(key)) {
      windows.push({ start: open.get(key)!, end: e.ts / 1000 });
      open.delete(key);
    }
  }
  return { tasks, windows };
}

/** Main-thread time spent in tasks within the window. */
export function busyWithin(tasks: readonly Span[], w: Span): number {
  let busy = 0;
  for (const t of tasks) busy += Math.max(0, Math.min(t.end, w.end) - Math.max(t.start, w.start));
  return busy;
}

/** The longest task that overlaps the window, counted whole. */
export function longestWithin(tasks: readonly Span[], w: Span): number {
  let longest = 0;
  for (const t of tasks) if (t.end > w.start && t.start < w.end) longest = Math.max(longest, t.end - t.start);
  return longest;
}
