// test/fixtures/scenarios is a copy of the shared scenarios (../shared/scenarios
// from the repository root). Where the shared folder exists, the copy must be
// byte for byte the same; elsewhere (a clone of the repository alone) the copy
// must at least be there and open.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/domain/format';
import { REPO_ROOT, SCENARIO_DIR, scenarioFiles } from './helpers';

const SHARED_DIR = resolve(REPO_ROOT, '../shared/scenarios');
const list = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.')).sort();

describe('the scenario fixtures', () => {
  it('are there, and every map among them opens', () => {
    const files = scenarioFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(parseMap(f.text).ok, f.name).toBe(true);
  });

  // One test either way, so that nothing is ever reported as skipped.
  it('equal ../shared/scenarios byte for byte, where that folder exists', () => {
    if (!existsSync(SHARED_DIR)) {
      expect(list(SCENARIO_DIR).length).toBeGreaterThan(0);
      return;
    }
    expect(list(SCENARIO_DIR)).toEqual(list(SHARED_DIR));
    for (const name of list(SHARED_DIR)) {
      expect(readFileSync(join(SCENARIO_DIR, name)).equals(readFileSync(join(SHARED_DIR, name))), name).toBe(true);
    }
  });
});
