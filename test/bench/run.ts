// `npm run bench`: medians of the map checker and the file format against the
// plain JavaScript they should stay close to, on generated maps.
//   checkMap      vs a bare loop reading each relation once (kinds counted per end, by id)
//   parseMap      vs JSON.parse of the same text
//   serializeMap  vs JSON.stringify of the same map
import { performance } from 'node:perf_hooks';
import { checkMap } from '../../src/domain/check';
import { generateMap } from '../../src/domain/generate';
import { KINDS, type StakeMap } from '../../src/domain/model';

type FormatModule = {
  parseMap: (text: string) => { ok: boolean };
  serializeMap: (map: StakeMap) => string;
};

const SIZES = [100, 1_000, 5_000];
const BUDGET = { check: 2, parse: 3 };
const KIND_INDEX = new Map<string, number>(KINDS.map((k, i) => [k, i]));

/**
 * The honest floor for checkMap: index stakeholders by id, then read each
 * relation once, resolving both ends and counting its kind at each.
 */
function bareLoop(map: StakeMap): number {
  const index = new Map<string, number>();
  for (let i = 0; i < map.stakeholders.length; i++) index.set(map.stakeholders[i]!.id, i);
  const counts = new Int32Array(map.stakeholders.length * KINDS.length);
  let outside = 0;
  for (const r of map.relations) {
    const k = KIND_INDEX.get(r.kind)!;
    const f = index.get(r.from);
    const t = index.get(r.to);
    if (f === undefined) outside++;
    else counts[f * KINDS.length + k]!++;
    if (t === undefined) outside++;
    else counts[t * KINDS.length + k]!++;
  }
  return outside + counts[0]!;
}

let sink = 0;
/** Median wall time in ms of `fn`, after warm-up, over enough runs to be stable. */
function median(fn: () => unknown): number {
  const warm = performance.now();
  let warmRuns = 0;
  while (performance.now() - warm < 300 || warmRuns < 20) {
    sink += Number(Boolean(fn()));
    warmRuns++;
  }
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 30 || (performance.now() - start < 1_000 && times.length < 2_000)) {
    const t0 = performance.now();
    sink += Number(Boolean(fn()));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function loadFormat(): Promise<FormatModule | null> {
  try {
    const mod = (await import('../../src/domain/format')) as Partial<FormatModule>;
    return typeof mod.parseMap === 'function' && typeof mod.serializeMap === 'function' ? (mod as FormatModule) : null;
  } catch {
    return null;
  }
}

interface Row {
  what: string;
  size: number;
  ours: number;
  base: number;
  budget: number | null;
}

function printTable(rows: readonly Row[]): void {
  const head = ['measure', 'stakeholders', 'ours (ms)', 'baseline (ms)', 'ratio', 'budget'];
  const body = rows.map((r) => [
    r.what,
    r.size.toLocaleString('en-US'),
    r.ours.toFixed(3),
    r.base.toFixed(3),
    `${(r.ours / r.base).toFixed(2)}x`,
    r.budget === null ? '-' : `${r.budget}x ${r.ours / r.base <= r.budget ? 'ok' : 'OVER'}`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

async function main(): Promise<void> {
  const format = await loadFormat();
  if (!format) console.log('notice: src/domain/format.ts has no parseMap/serializeMap yet; skipping the format rows.\n');
  const rows: Row[] = [];
  for (const size of SIZES) {
    const map = generateMap({ stakeholders: size, relations: size * 4, seed: size });
    rows.push({ what: 'checkMap vs bare loop', size, ours: median(() => checkMap(map)), base: median(() => bareLoop(map)), budget: BUDGET.check });
    if (format) {
      const text = format.serializeMap(map);
      if (!format.parseMap(text).ok) throw new Error(`the generated map of ${size} does not parse`);
      rows.push({ what: 'parseMap vs JSON.parse', size, ours: median(() => format.parseMap(text)), base: median(() => JSON.parse(text)), budget: BUDGET.parse });
      rows.push({ what: 'serializeMap vs JSON.stringify', size, ours: median(() => format.serializeMap(map)), base: median(() => JSON.stringify(map, null, 2)), budget: null });
    }
  }
  rows.sort((a, b) => a.what.localeCompare(b.what) || a.size - b.size);
  printTable(rows);
  if (sink < 0) console.log(sink); // keeps the work observable
}

await main();
