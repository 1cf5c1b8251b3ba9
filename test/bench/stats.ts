// Small pure helpers of the benchmarks (browser.ts; run.ts for its Markdown
// table): statistics, which scripts the built page loads at start, and the tables.

/** The middle value (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest value
 * with at least p% of the values at or below it. NaN when empty.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * The scripts a page loads before it can run: the module entry and the
 * modules it preloads (Vite writes both into index.html), in page order.
 */
export function startScripts(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b([^>]*)>/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const attrs = m[2]!;
    const attr = (name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(attrs)?.[1];
    const url = m[1]!.toLowerCase() === 'script' ? (attr('type') === 'module' ? attr('src') : undefined) : attr('rel') === 'modulepreload' ? attr('href') : undefined;
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

export interface TableRow {
  readonly figure: string;
  readonly budget: string;
  readonly result: string;
  readonly verdict: 'ok' | 'OVER' | '';
  readonly detail?: string;
}

/** A plain-text table (for the terminal) and the same as Markdown (for BENCHMARKS.md). */
export function formatTable(rows: readonly TableRow[]): { text: string; markdown: string } {
  const head = ['figure', 'budget', 'result', '', 'detail'];
  const body = rows.map((r) => [r.figure, r.budget, r.result, r.verdict, r.detail ?? '']);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const text = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  return { text, markdown: markdownTable(['figure', 'budget', 'result', 'met', 'detail'], body) };
}

/** A Markdown table of `head` and `body` (pipes in cells escaped). */
export function markdownTable(head: readonly string[], body: readonly (readonly string[])[]): string {
  const md = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [md(head), md(head.map(() => '---')), ...body.map(md)].join('\n');
}

/** Milliseconds as the table shows them. */
export function ms(value: number, digits = 0): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

/** Replaces the text between two marker lines (adding the block at the end when missing). */
export function replaceBlock(document: string, start: string, end: string, content: string): string {
  const block = `${start}\n${content.trimEnd()}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end, from + start.length);
  if (from === -1 || to === -1) return `${document.trimEnd()}${document.trim() ? '\n\n' : ''}${block}\n`;
  return document.slice(0, from) + block + document.slice(to + end.length);
}
