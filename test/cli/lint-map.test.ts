import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, USAGE, type CliIO } from '../../src/cli/lint-map-main';
import { checkMap } from '../../src/domain/check';
import type { StakeMap } from '../../src/domain/model';

const ROOT = join(__dirname, '..', '..');
const SCENARIOS = join(ROOT, 'test', 'fixtures', 'scenarios');
const scenario = (name: string) => join(SCENARIOS, `${name}.stakemap.json`);

/** Runs the CLI in-process; `files` are served from memory, the rest from disk. */
function run(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    readFile: (path) => {
      const inMemory = files[path];
      if (inMemory === undefined) return readFileSync(path);
      return typeof inMemory === 'string' ? new TextEncoder().encode(inMemory) : inMemory;
    },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

const mapText = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'stakemap',
    version: 1,
    title: 'CLI test',
    organization: { name: 'Org' },
    stakeholders: [{ id: 'a', name: 'Alpha', label: 'customer', side: 'external' }],
    relations: [{ id: 'r1', from: 'us', to: 'a', kind: 'offering' }],
    ...over,
  });

describe('lint-map', () => {
  it('exits 0 with no findings, and says so', () => {
    const { code, stdout, stderr } = run([scenario('empty')]);
    expect(code).toBe(0);
    expect(stdout).toContain('No findings');
    expect(stderr).toBe('');
  });

  it('notes a position it clamped to the edge of the canvas, without failing for it', () => {
    const stakeholders = [{ id: 'a', name: 'Alpha', label: 'customer', side: 'external', position: { x: 1.7e308, y: 0 } }];
    const { code, stderr } = run(['far.stakemap.json'], { 'far.stakemap.json': mapText({ stakeholders }) });
    expect(stderr).toMatch(/^lint-map: note: stakeholders\[0\]\.position: "Alpha" was at x 1\.70e\+308, y 0, beyond the edge of the canvas/);
    expect(code).toBe(run(['near.stakemap.json'], { 'near.stakemap.json': mapText() }).code);
  });

  it('exits 0 when there are only notes (info)', () => {
    const { code, stdout } = run([scenario('edge-cases'), '--definition', 'payer']);
    expect(code).toBe(0);
    expect(stdout).toContain('Notes (3)');
    expect(stdout).toContain('Whoever pays is the customer (from --definition)');
  });

  it('exits 1 on a warning or error, and prints them grouped by severity with names, why and suggestion', () => {
    const { code, stdout } = run([scenario('brightfoods-distribution')]);
    expect(code).toBe(1);
    const warnings = stdout.indexOf('Warnings (2)');
    const notes = stdout.indexOf('Notes (1)');
    expect(warnings).toBeGreaterThan(0);
    expect(notes).toBeGreaterThan(warnings);
    expect(stdout).toContain('warning  National distributor  [customer-is-partner]');
    expect(stdout).toContain('Why: Distribution partners are not customers');
    expect(stdout).toContain('Suggestion: relabel as partner.');
    expect(stdout).toContain('You call 2 stakeholders customers; under your definition 0 are. 1 stakeholder more counts as a customer without being called one: Families who eat the cereal.');
    expect(run([scenario('talentbridge-recruiting'), '--definition=user']).code).toBe(1);
  });

  it('--json prints exactly one object {findings} with the six fields, in checker order', () => {
    const { code, stdout, stderr } = run(['--json', scenario('keepsake-gifts-and-go-betweens'), '--definition', 'served']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['findings']);
    for (const f of out.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'stakeholder', 'suggestedLabel', 'message', 'why']);
    const map = JSON.parse(readFileSync(scenario('keepsake-gifts-and-go-betweens'), 'utf8')) as StakeMap;
    const expected = checkMap(map, 'served').map(({ rule, severity, stakeholder, suggestedLabel, message, why }) => ({
      rule,
      severity,
      stakeholder,
      suggestedLabel,
      message,
      why,
    }));
    expect(out.findings).toEqual(expected);
  });

  it('--json with no findings is still one object', () => {
    const { code, stdout } = run([scenario('empty'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ findings: [] });
  });

  it('exits 2 on an unknown definition, with the usage line and nothing on stdout', () => {
    const { code, stdout, stderr } = run([scenario('empty'), '--definition', 'buyer']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown definition "buyer"');
    expect(stderr).toContain(USAGE);
    expect(run([scenario('empty'), '--definition']).code).toBe(2);
  });

  it('exits 2 on wrong arguments: unknown flag, no file, two files', () => {
    for (const argv of [[scenario('empty'), '--frob'], [], [scenario('empty'), scenario('edge-cases')], ['--json']]) {
      const { code, stdout, stderr } = run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(USAGE);
    }
  });

  it('--help prints the usage and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith(USAGE)).toBe(true);
    expect(stdout).toContain('Anyone we serve is a customer');
    // It points at the project's own docs, which exist.
    const docs = stdout.match(/docs\/[A-Z]+\.md/g);
    expect(docs).toEqual(['docs/FORMAT.md', 'docs/RULES.md']);
    for (const doc of docs!) expect(existsSync(join(ROOT, doc)), doc).toBe(true);
  });

  it('exits 2 when the file is refused, listing its problems on stderr without a stack trace', () => {
    const bad = mapText({ title: '  ', stakeholders: [{ id: 'a', name: 'Alpha', label: 'custmer', side: 'external' }] });
    const { code, stdout, stderr } = run(['bad.stakemap.json'], { 'bad.stakemap.json': bad });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad.stakemap.json was refused (2 problems)');
    expect(stderr).toContain('stakeholders[0].label: "custmer" is not one of');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the file is not JSON, not UTF-8, missing or a folder', () => {
    expect(run(['x.json'], { 'x.json': '{ nope' }).code).toBe(2);
    const latin1 = run(['l.json'], { 'l.json': new Uint8Array([0x7b, 0xe9, 0x7d]) });
    expect(latin1).toMatchObject({ code: 2, stdout: '' });
    expect(latin1.stderr).toContain('not UTF-8');
    expect(run([join(SCENARIOS, 'missing.stakemap.json')]).stderr).toContain('no such file');
    expect(run([SCENARIOS]).stderr).toContain('it is a folder');
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(run(['bom.json'], { 'bom.json': `\uFEFF${mapText()}` }).code).toBe(0);
  });

  it('shows control characters from the map escaped, never raw, in text output', () => {
    const text = mapText({
      title: 'Evil \u001b[2J title',
      stakeholders: [{ id: 'a', name: 'Al\u009bpha', label: 'customer', side: 'external' }],
      relations: [{ id: 'r1', from: 'a', to: 'us', kind: 'money' }],
    });
    const { stdout } = run(['e.json'], { 'e.json': text });
    const raw = (text: string) => text.includes('\u001b') || text.includes('\u009b');
    expect(raw(stdout)).toBe(false);
    expect(stdout).toContain('Evil \\u001b[2J title');
    expect(stdout).toContain('Al\\u009bpha');
    const json = run(['e.json', '--json'], { 'e.json': text }).stdout;
    expect(raw(json)).toBe(false);
    const payer = (JSON.parse(json) as { findings: { rule: string; message: string }[] }).findings.find((f) => f.rule === 'customer-is-payer');
    expect(payer!.message).toContain('Al\u009bpha');
  });

  it('runs as a real process: npm run lint-map -- FILE --json', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const cli = join(ROOT, 'src', 'cli', 'lint-map.ts');
    const { stdout } = await promisify(execFile)(tsx, [cli, scenario('empty'), '--json'], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual({ findings: [] });
    const failed = await promisify(execFile)(tsx, [cli, scenario('steadfast-insurance'), '--definition', 'nobody'], { cwd: ROOT }).catch(
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2, stdout: '' });
    expect((failed as { stderr: string }).stderr).toContain('unknown definition "nobody"');
  }, 30_000);
});

describe('lint-map and the relationship rules (format version 3)', () => {
  const file = join(ROOT, 'test', 'fixtures', 'rules', 'harbor-relationships.stakemap.json');

  it('prints client-at-first-step and customer-could-be-client with their why and suggestion', () => {
    const { code, stdout } = run([file]);
    expect(code).toBe(0);
    expect(stdout).toContain('info  Shipping line  [client-at-first-step]');
    expect(stdout).toContain('info  Port authority  [customer-could-be-client]');
    expect(stdout).toMatch(/€500,000 a year, in the top fifth/);
    expect(stdout).toContain('Suggestion: relabel as customer.');
    expect(stdout).toContain('Suggestion: relabel as client.');
  });

  it('--json carries them, and --definition payer ranks the payer that uses nothing', () => {
    const { stdout } = run(['--json', file, '--definition', 'payer']);
    const findings = (JSON.parse(stdout) as { findings: { rule: string; stakeholder: string }[] }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'customer-could-be-client', stakeholder: 'fleet' }));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'client-at-first-step', stakeholder: 'shipping' }));
  });
});
