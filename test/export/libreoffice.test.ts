// The PowerPoint export opened by software nobody here wrote: Debian's
// LibreOffice Impress (installed by test/ensure-debian.mjs) turns the deck
// into a PDF, which must have the map slide and its findings slides, each
// 16:9, and the stakeholders' names as text on the first page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { buildPptx } from '../../src/export/pptx';
import { prepare } from '../../src/export/render';
import { scenario } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'stakemap-lo-'));
afterAll(() => (process.env.KEEP_LO ? undefined : rmSync(dir, { recursive: true, force: true })));

function toPdf(pptx: string): string {
  // A profile of its own, so that a LibreOffice open elsewhere does not take the job.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], { stdio: 'pipe', timeout: 120_000 });
  return pptx.replace(/\.pptx$/, '.pdf');
}

const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const textOf = (pdf: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });

describe('LibreOffice Impress', () => {
  it('opens Keepsake as a PDF: the map slide with its names as text, and every findings slide', async () => {
    const o: ExportOptions = { ...DEFAULT_OPTIONS, format: 'pptx', slide: true, findings: true, diagram: 'shapes' };
    const prepared = prepare(scenario('keepsake-gifts-and-go-betweens'), o);
    const blob = await buildPptx(prepared, o);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const slides = Object.keys((await JSZip.loadAsync(bytes)).files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    expect(slides).toBeGreaterThan(1);
    const path = join(dir, `keepsake.pptx`);
    writeFileSync(path, bytes);
    const pdf = toPdf(path);
    const meta = info(pdf);
    expect(Number(/Pages:\s+(\d+)/.exec(meta)![1])).toBe(slides);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(meta)!;
    expect(Number(w) / Number(h)).toBeCloseTo(16 / 9, 2);
    const first = textOf(pdf, 1).replace(/\s+/g, ' ');
    expect(first).toContain('Keepsake Books: gifts, reviewers and book clubs');
    for (const s of prepared.map.stakeholders) for (const word of s.name.split(' ')) expect(first).toContain(word);
    const second = textOf(pdf, 2).replace(/\s+/g, ' ');
    expect(second).toContain('Findings');
    expect(second).toContain('WARNING');
    expect(readFileSync(pdf).length).toBeGreaterThan(1000);
  }, 180_000);

  it('opens the relationship grid slide at the end of the deck, its names, quadrants and values as text', async () => {
    const o: ExportOptions = { ...DEFAULT_OPTIONS, format: 'pptx', slide: true, findings: false, diagram: 'shapes' };
    const base = scenario('brightfoods-distribution');
    // The first customer and the "other" placed; the second customer listed as not placed yet.
    const [a, left, b] = base.stakeholders.filter((s) => s.side === 'external');
    const map = { ...base, currency: 'EUR', stakeholders: base.stakeholders.map((s) => (s === a ? { ...s, depth: 4 as const, value: 90_000 } : s === b ? { ...s, depth: 1 as const, value: 10_000 } : s)) };
    const path = join(dir, 'grid.pptx');
    writeFileSync(path, new Uint8Array(await (await buildPptx(prepare(map, o), o)).arrayBuffer()));
    const pdf = toPdf(path);
    expect(Number(/Pages:\s+(\d+)/.exec(info(pdf))![1])).toBe(2);
    const grid = textOf(pdf, 2).replace(/\s+/g, ' ');
    expect(grid).toContain(`Relationship grid: ${map.title}`);
    for (const name of [a!.name, b!.name]) expect(grid).toContain(name);
    for (const label of ['Shared success', 'Transactional', 'Trusted advisor', '€100K', 'Not on the grid yet', `${left!.name} (no depth or value)`]) expect(grid).toContain(label);
  }, 180_000);
});
