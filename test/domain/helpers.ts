// Shared by the format tests: the scenario files and a small valid file to break.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMap, type ParseResult } from '../../src/domain/format';
import type { StakeMap } from '../../src/domain/model';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_DIR = join(REPO_ROOT, 'test/fixtures/scenarios');

export interface ScenarioFile {
  readonly name: string;
  readonly text: string;
}

export function scenarioFiles(): ScenarioFile[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.stakemap.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SCENARIO_DIR, name), 'utf8') }));
}

/** The parsed map of a text that must parse. */
export function mustParse(text: string): StakeMap {
  const result = parseMap(text);
  if (!result.ok) throw new Error(`expected a map, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.map;
}

export function parseObject(file: unknown): ParseResult {
  return parseMap(JSON.stringify(file));
}

export type FileObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh, valid file using every field, to break one rule at a time. */
export function validFile(): FileObject {
  return {
    format: 'stakemap',
    version: 1,
    title: 'Test map',
    definition: 'user',
    definitionNote: 'The people who eat it',
    organization: { name: 'Us Inc', position: { x: 0, y: 0 } },
    stakeholders: [
      { id: 'a', name: 'Alpha', label: 'customer', side: 'external', notes: 'First', position: { x: 300, y: 0 } },
      { id: 'b', name: 'Beta', label: 'partner', side: 'external' },
      { id: 'c', name: 'Gamma', label: 'colleague', side: 'internal', position: { x: 0, y: 120 } },
    ],
    relations: [
      { id: 'r1', from: 'us', to: 'b', kind: 'offering', note: 'Goods' },
      { id: 'r2', from: 'b', to: 'a', kind: 'offering' },
      { id: 'r3', from: 'a', to: 'b', kind: 'money' },
    ],
  };
}
