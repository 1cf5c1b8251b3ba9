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

/** A file as JSON.parse gives it: tests put anything anywhere, to break one rule at a time. */
export type FileObject = Record<string, unknown>;
type Container = Record<string | number, unknown>;

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

/** The container holding the last step of a problem path ('stakeholders[2].id'), and that step. */
function parentAt(file: FileObject, path: string): [Container, string | number] {
  const steps = path.split('.').flatMap((part) => {
    const [name = '', ...indexes] = part.split('[');
    return [...(name ? [name] : []), ...indexes.map((i) => Number(i.slice(0, -1)))];
  });
  const last = steps.pop();
  let node: unknown = file;
  for (const step of steps) node = isContainer(node) ? node[step] : undefined;
  if (!isContainer(node) || last === undefined) throw new Error(`this file has no place ${path}`);
  return [node, last];
}

/** The value at a problem path of a file. */
export function valueAt(file: FileObject, path: string): unknown {
  const [parent, last] = parentAt(file, path);
  return parent[last];
}

/** The list at a path of a file, to push to; throws if it is not a list. */
export function listAt(file: FileObject, path: string): unknown[] {
  const list = valueAt(file, path);
  if (!Array.isArray(list)) throw new Error(`${path} is not a list`);
  return list;
}

/** The object at a path of a file, to add fields to; throws if it is not one. */
export function objectAt(file: FileObject, path: string): Container {
  const object = valueAt(file, path);
  if (!isContainer(object)) throw new Error(`${path} is not an object`);
  return object;
}

export function setAt(file: FileObject, path: string, value: unknown): void {
  const [parent, last] = parentAt(file, path);
  parent[last] = value;
}

export function deleteAt(file: FileObject, path: string): void {
  const [parent, last] = parentAt(file, path);
  delete parent[last];
}

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
