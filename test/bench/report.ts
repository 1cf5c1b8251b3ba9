// Writing a benchmark's table into BENCHMARKS.md: each benchmark owns one
// block between its marker comments (browser: `npm run bench:browser`, live: `npm run bench:live`, node:
// `npm run bench`), replaced whole on every run, so neither touches the other's
// and any text around them stays. Also the machine description both print
// under their date, since figures mean little without it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { replaceBlock } from './stats';

const ROOT = join(import.meta.dirname, '..', '..');
export const BENCHMARKS_FILE = join(ROOT, 'BENCHMARKS.md');

/** A command's standard output, or null where it cannot run. */
function output(file: string, args: readonly string[] = []): string | null {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/**
 * The machine as a Markdown list: processors, memory, Node, and for the
 * browser benchmark the Chromium it drives (left out for the Node one,
 * which never starts it).
 */
export function machine({ chromium }: { chromium: boolean }): string {
  const nproc = output('nproc')?.trim() ?? String(cpus().length);
  const free = output('free', ['-h']);
  const mem = free === null
    ? `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`
    : (free.split('\n')[1]?.replace(/\s+/g, ' ').trim() ?? '');
  const lines = [`- nproc: ${nproc} (${cpus()[0]?.model ?? 'unknown CPU'})`, `- free -h: ${mem}`];
  if (chromium) {
    const version = output('/usr/bin/chromium', ['--version'])?.trim() ?? 'unknown';
    lines.push(`- ${version}, headless, launched with playwright.config.ts's arguments; CPU throttling off`);
  }
  lines.push(`- Node ${process.version}`);
  return lines.join('\n');
}

/** When a run started, as the blocks show it: "2026-11-22 16:01" (UTC). */
export function runStamp(startedAt: Date): string {
  return startedAt.toISOString().replace('T', ' ').slice(0, 16);
}

/** Replaces (or adds, at the end) the `bench:<name>` block of BENCHMARKS.md; returns the file's path. */
export function writeBlock(name: 'browser' | 'floor' | 'node' | 'live' | 'crash', content: string): string {
  const existing = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  writeFileSync(BENCHMARKS_FILE, replaceBlock(existing, `<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`, content));
  return BENCHMARKS_FILE;
}
