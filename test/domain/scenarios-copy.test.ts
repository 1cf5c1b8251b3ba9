// test/fixtures/scenarios is the project's copy of the shared scenarios
// (../shared/scenarios beside the repository, the test source they come from).
// The copy is pinned by test/fixtures/scenarios.sha256, in `sha256sum` format,
// which every run verifies: a changed, missing or extra file fails. Where the
// shared folder exists, the copy must also equal it byte for byte; in a clone
// of the repository alone that comparison cannot run, and the test says so in
// its name while still checking the manifest.
//
// After a deliberate change to the scenarios, rewrite the manifest:
//   cd test/fixtures/scenarios && sha256sum *.json > ../scenarios.sha256
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMap } from '../../src/domain/format';
import { REPO_ROOT, SCENARIO_DIR, scenarioFiles } from './helpers';

const SHARED_DIR = resolve(REPO_ROOT, '../shared/scenarios');
const MANIFEST = join(REPO_ROOT, 'test/fixtures/scenarios.sha256');
const HAS_SHARED = existsSync(SHARED_DIR);

const list = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** File name → hash, from `sha256sum` output ("<64 hex>  <name>" per line). */
function readManifest(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`not a sha256sum line: ${JSON.stringify(line)}`);
    sums.set(m[2]!, m[1]!);
  }
  return sums;
}

/** Every way `dir` differs from the manifest, as sentences; empty when it matches. */
function manifestProblems(dir: string, sums: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const files = list(dir);
  for (const name of files) {
    const want = sums.get(name);
    if (want === undefined) problems.push(`${name} is not in the manifest`);
    else if (sha256(join(dir, name)) !== want) problems.push(`${name} differs from the manifest`);
  }
  for (const name of sums.keys()) if (!files.includes(name)) problems.push(`${name} is missing`);
  return problems;
}

const sums = readManifest(readFileSync(MANIFEST, 'utf8'));

describe('the scenario fixtures', () => {
  it('are there, and every map among them opens', () => {
    const files = scenarioFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(parseMap(f.text).ok, f.name).toBe(true);
  });

  it('match the checksum manifest kept in the project, file for file', () => {
    expect(sums.size).toBe(list(SCENARIO_DIR).length);
    expect([...sums.keys()].filter((n) => n.endsWith('.stakemap.json'))).toHaveLength(scenarioFiles().length);
    expect(manifestProblems(SCENARIO_DIR, sums)).toEqual([]);
  });

  // One test either way, so that nothing is ever reported as skipped; its name says which ran.
  it(
    HAS_SHARED
      ? 'equal ../shared/scenarios byte for byte'
      : 'have no ../shared/scenarios here to compare with (that comparison is not run, by design); the manifest still holds',
    () => {
      if (HAS_SHARED) {
        expect(list(SCENARIO_DIR)).toEqual(list(SHARED_DIR));
        for (const name of list(SHARED_DIR)) {
          expect(readFileSync(join(SCENARIO_DIR, name)).equals(readFileSync(join(SHARED_DIR, name))), name).toBe(true);
        }
        // The original agrees with the manifest too, so the manifest is the original's.
        expect(manifestProblems(SHARED_DIR, sums)).toEqual([]);
      } else {
        expect(manifestProblems(SCENARIO_DIR, sums)).toEqual([]);
      }
    },
  );
});

describe('the manifest check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stakemap-scenarios-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('notices a changed byte, a missing file and an extra file', () => {
    const [first, second] = [...sums.keys()];
    for (const name of sums.keys()) writeFileSync(join(dir, name), readFileSync(join(SCENARIO_DIR, name)));
    expect(manifestProblems(dir, sums)).toEqual([]);

    const bytes = readFileSync(join(dir, first!));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(join(dir, first!), bytes);
    rmSync(join(dir, second!));
    writeFileSync(join(dir, 'extra.stakemap.json'), '{}');
    expect(manifestProblems(dir, sums)).toEqual([
      `${first} differs from the manifest`,
      'extra.stakemap.json is not in the manifest',
      `${second} is missing`,
    ]);
  });

  it('refuses a manifest line it cannot read', () => {
    expect(() => readManifest('not a checksum line\n')).toThrow(/not a sha256sum line/);
  });
});
