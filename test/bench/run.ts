// `npm run bench`: medians of the map checker and the file format against the
// plain JavaScript they should stay close to, on generated maps.
//   checkMap      vs a bare loop reading each relation once (kinds counted per end, by id)
//   parseMap      vs JSON.parse of the same text
//   serializeMap  vs JSON.stringify of the same map
//   compareBreakouts of 3 teams vs checkMap of each team (the comparison's cost over the checks it needs)
// Prints the table, and writes it with the date and machine into the
// bench:node block of BENCHMARKS.md (test/bench/report.ts).
//
//   npx tsx test/bench/run.ts [--no-write]
import { performance } from 'node:perf_hooks';
import { checkMap } from '../../src/domain/check';
import { addBreakoutTeam, compareBreakouts } from '../../src/domain/compare';
import { parseMap, serializeMap } from '../../src/domain/format';
import { generateMap } from '../../src/domain/generate';
import { KINDS, type StakeMap } from '../../src/domain/model';
import { machine, runStamp, writeBlock } from './report';
import { markdownTable } from './stats';

const WRITE = !process.argv.includes('--no-write');
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

/** How many calls of `fn` take about `ms` milliseconds. */
function batchSize(fn: () => unknown, ms: number): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) sink += Number(Boolean(fn()));
    if (performance.now() - t0 >= ms || reps >= 1 << 20) return reps;
    reps *= 2;
  }
}

/**
 * Median time per call (ms) of `ours` and of `base`, and the median of their
 * ratio, measured in back-to-back batches after a warm-up: each pair of
 * batches sees the same machine load, so the ratio holds up on a busy machine.
 */
function compare(ours: () => unknown, base: () => unknown): { ours: number; base: number; ratio: number } {
  const fns = [ours, base];
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) for (const fn of fns) sink += Number(Boolean(fn()));
  const reps = fns.map((fn) => batchSize(fn, 3));
  const times: number[][] = [[], []];
  const ratios: number[] = [];
  const stop = performance.now() + 2_000;
  while (ratios.length < 15 || (performance.now() < stop && ratios.length < 400)) {
    fns.forEach((fn, f) => {
      const t0 = performance.now();
      for (let k = 0; k < reps[f]!; k++) sink += Number(Boolean(fn()));
      times[f]!.push((performance.now() - t0) / reps[f]!);
    });
    ratios.push(times[0]!.at(-1)! / times[1]!.at(-1)!);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return { ours: median(times[0]!), base: median(times[1]!), ratio: median(ratios) };
}

interface Row {
  what: string;
  size: number;
  ours: number;
  base: number;
  /** Median of the per-pair ratios ours / base. */
  ratio: number;
  budget: number | null;
  findings?: number;
}

const HEAD = ['measure', 'stakeholders', 'findings', 'ours (ms)', 'baseline (ms)', 'ratio', 'budget'];
const NOTE = 'Medians per call; ratio = median of ours/baseline over back-to-back batches.';

/** The table's cells, the same for the terminal and for BENCHMARKS.md. */
function cells(rows: readonly Row[]): string[][] {
  return rows.map((r) => [
    r.what,
    r.size.toLocaleString('en-US'),
    r.findings === undefined ? '' : String(r.findings),
    r.ours.toFixed(3),
    r.base.toFixed(3),
    `${r.ratio.toFixed(2)}x`,
    r.budget === null ? '-' : `${r.budget}x ${r.ratio <= r.budget ? 'ok' : 'OVER'}`,
  ]);
}

function printTable(rows: readonly Row[]): void {
  console.log(`${NOTE}\n`);
  const body = cells(rows);
  const widths = HEAD.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(HEAD));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

function writeTable(rows: readonly Row[], startedAt: Date): void {
  const content = [
    `Last run of \`npm run bench\`: ${runStamp(startedAt)} UTC.`,
    '',
    machine({ chromium: false }),
    '',
    NOTE,
    '',
    markdownTable(HEAD, cells(rows)),
  ].join('\n');
  console.log(`written to ${writeBlock('node', content)}`);
}

function main(): void {
  const startedAt = new Date();
  const rows: Row[] = [];
  for (const size of SIZES) {
    // The default share of wrong labels (15%), then a map in a bad way (half wrong), unbudgeted.
    const map = generateMap({ stakeholders: size, relations: size * 4, seed: size });
    const messy = generateMap({ stakeholders: size, relations: size * 4, seed: size, wrongLabelRate: 0.5 });
    rows.push({ what: 'checkMap vs bare loop', size, ...compare(() => checkMap(map), () => bareLoop(map)), budget: BUDGET.check, findings: checkMap(map).length });
    rows.push({ what: 'checkMap, half the labels wrong', size, ...compare(() => checkMap(messy), () => bareLoop(messy)), budget: null, findings: checkMap(messy).length });
    const text = serializeMap(map);
    if (!parseMap(text).ok) throw new Error(`the generated map of ${size} does not parse`);
    rows.push({ what: 'parseMap vs JSON.parse', size, ...compare(() => parseMap(text), () => JSON.parse(text)), budget: BUDGET.parse });
    rows.push({ what: 'serializeMap vs JSON.stringify', size, ...compare(() => serializeMap(map), () => JSON.stringify(map, null, 2)), budget: null });
    // Three breakout teams of `size` stakeholders each (different seeds: names partly shared).
    const teams = [1, 2, 3].map((k) => generateMap({ stakeholders: size, relations: size * 3, seed: size + k }));
    const plenary = teams.reduce((m, t, k) => addBreakoutTeam(m, { id: `t${k}`, team: `Team ${k + 1}`, map: t }), map);
    rows.push({ what: 'compareBreakouts (3 teams) vs checkMap of each', size, ...compare(() => compareBreakouts(plenary), () => teams.map((t) => checkMap(t))), budget: null });
  }
  rows.sort((a, b) => a.what.localeCompare(b.what) || a.size - b.size);
  printTable(rows);
  if (WRITE) writeTable(rows, startedAt);
  if (sink < 0) console.log(sink); // keeps the work observable
}

main();
