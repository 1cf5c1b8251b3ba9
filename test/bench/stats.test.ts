import { describe, expect, it } from 'vitest';
import { formatTable, markdownTable, median, ms, percentile, replaceBlock, startScripts } from './stats';

describe('bench statistics', () => {
  it('takes the median of odd and even counts without changing the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes percentiles by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    // Twenty frames: the 95th percentile is the 19th smallest, so one bad frame does not decide it.
    expect(percentile([...Array<number>(19).fill(16.7), 120], 95)).toBe(16.7);
    expect(percentile([...Array<number>(18).fill(16.7), 120, 130], 95)).toBe(120);
    expect(percentile([], 95)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('startScripts', () => {
  it('lists the module entry and its modulepreloads in page order, nothing else', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/rolldown-runtime.js">
      <link rel="modulepreload" crossorigin href="/assets/store.js">
      <link rel="stylesheet" crossorigin href="/assets/index.css">
      <link rel="manifest" href="/manifest.webmanifest">
      <script src="/legacy.js"></script>
    </head></html>`;
    expect(startScripts(html)).toEqual(['/assets/index-abc.js', '/assets/rolldown-runtime.js', '/assets/store.js']);
  });
});

describe('the table', () => {
  it('lines up columns for the terminal and escapes pipes for Markdown', () => {
    const { text, markdown } = formatTable([
      { figure: 'Start', budget: '≤ 200 KB', result: '190.0 KB', verdict: 'ok' },
      { figure: 'Saving a|b', budget: '≤ 10 ms', result: ms(12.345, 1), verdict: 'OVER', detail: 'p95' },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^figure\s+budget\s+result/);
    expect(lines[2]!.indexOf('≤ 200 KB')).toBe(lines[3]!.indexOf('≤ 10 ms'));
    expect(markdown).toContain('| Saving a\\|b | ≤ 10 ms | 12.3 ms | OVER | p95 |');
    expect(ms(NaN)).toBe('n/a');
  });

  it('makes a Markdown table of any columns', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });

  it('replaces its own block in BENCHMARKS.md and keeps the rest', () => {
    const start = '<!-- a -->';
    const end = '<!-- b -->';
    expect(replaceBlock('# Title\n', start, end, 'one')).toBe('# Title\n\n<!-- a -->\none\n<!-- b -->\n');
    const doc = '# Title\n\nintro\n\n<!-- a -->\nold\n<!-- b -->\n\nafter\n';
    expect(replaceBlock(doc, start, end, 'new\n')).toBe('# Title\n\nintro\n\n<!-- a -->\nnew\n<!-- b -->\n\nafter\n');
  });
});
