// Broken variants of real files: parseMap either accepts (and the map then
// round-trips) or refuses with problems, and never throws. And the fast path
// never accepts what the schema refuses. A few hundred runs each, new ones
// every run (a failure prints its seed): 0.2 to 2 s each on a 2-core machine
// under a load of 13, so a timeout of 20 s leaves a tenfold margin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMap, serializeMap, validateWithSchema } from '../../src/domain/format';
import { readWellFormed } from '../../src/domain/format-fast';
import { LIMITS } from '../../src/domain/model';
import { REPO_ROOT, scenarioFiles, validFile } from './helpers';

type Seg = string | number;
type Json = unknown;
type Container = Record<string, Json> | Json[];

const seeds: Json[] = [
  ...scenarioFiles().map((f) => JSON.parse(f.text) as Json),
  JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/versions/v1.stakemap.json'), 'utf8')),
  JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/versions/v3.stakemap.json'), 'utf8')),
  validFile(),
];

function isContainer(v: Json): v is Container {
  return typeof v === 'object' && v !== null;
}

/** Every place in a JSON value, parents before children. */
function places(v: Json, at: Seg[] = [], out: Seg[][] = []): Seg[][] {
  if (!isContainer(v)) return out;
  for (const [k, child] of Object.entries(v)) {
    const path = [...at, Array.isArray(v) ? Number(k) : k];
    out.push(path);
    places(child, path, out);
  }
  return out;
}

function parentOf(root: Json, path: Seg[]): Container | undefined {
  let node = root;
  for (const seg of path.slice(0, -1)) node = isContainer(node) ? (node as Record<Seg, Json>)[seg] : undefined;
  return isContainer(node) ? node : undefined;
}

// Values that sit on the edges of the rules.
const edgy = fc.constantFrom<Json>(
  '', ' ', 'us', 'US', '__proto__', 'constructor', 'a', 'r1', 'customer', 'offering', 'internal', 'payer',
  'x'.repeat(201), '😀'.repeat(200), 'id with space', -0, 0, 1, 1.5, 2, -1, 1e308, 1_000_000, -1_000_000.5, null, true, [], {}, { x: 1, y: 2 },
);
const value = fc.oneof(edgy, fc.jsonValue({ maxDepth: 2 }));

type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'insert'; pick: number; key: string; value: Json }
  | { op: 'duplicate'; pick: number }
  | { op: 'retype'; pick: number }
  | { op: 'copy'; pick: number; to: number }
  | { op: 'self'; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value }),
  fc.record({ op: fc.constant('insert' as const), pick: fc.nat(), key: fc.oneof(fc.string(), fc.constantFrom('notes', 'position', 'note', '__proto__', 'depth', 'value', 'years', 'power', 'currency')), value }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('copy' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('self' as const), pick: fc.nat() }),
);

function retype(v: Json): Json {
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return Object.fromEntries(v.entries());
  if (isContainer(v)) return Object.values(v);
  return v === null ? {} : null;
}

/** A relation that starts where it ends. */
function makeSelfRelation(root: Json, pick: number): void {
  const relations = isContainer(root) ? (root as Record<string, Json>).relations : undefined;
  if (!Array.isArray(relations) || relations.length === 0) return;
  const r: Json = relations[pick % relations.length];
  if (isContainer(r)) (r as Record<string, Json>).to = (r as Record<string, Json>).from;
}

function apply(root: Json, m: Mutation): void {
  if (m.op === 'self') return makeSelfRelation(root, m.pick);
  const all = places(root);
  if (all.length === 0) return;
  const path = all[m.pick % all.length]!;
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  if (!parent) return;
  const slot = parent as Record<Seg, Json>;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete slot[key];
  } else if (m.op === 'replace') slot[key] = structuredClone(m.value); // a copy: fast-check hands out the same constants every run
  else if (m.op === 'retype') slot[key] = retype(slot[key]);
  else if (m.op === 'copy') {
    const from = all[m.to % all.length]!;
    const source = parentOf(root, from) as Record<Seg, Json> | undefined;
    if (source) slot[key] = structuredClone(source[from[from.length - 1]!]);
  }
  else if (m.op === 'duplicate') {
    if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
  } else {
    const target = slot[key];
    if (isContainer(target) && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
  }
}

const variant = fc.record({
  seed: fc.nat({ max: seeds.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  truncate: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
  bom: fc.boolean(),
});

type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never;

function build(v: Variant): { file: Json; text: string } {
  const file = structuredClone(seeds[v.seed]);
  for (const m of v.mutations) apply(file, m);
  let text = JSON.stringify(file, null, v.seed % 2 === 0 ? 2 : undefined) ?? 'null';
  if (v.truncate !== null) text = text.slice(0, v.truncate % (text.length + 1));
  return { file, text: v.bom ? `\ufeff${text}` : text };
}

const RUNS = 300;

describe('parseMap on mutated scenario files', { timeout: 20_000 }, () => {
  it('accepts and round-trips, or refuses with 1 to 50 placed problems; never throws', () => {
    let accepted = 0;
    fc.assert(
      fc.property(variant, (v) => {
        const { text } = build(v);
        const result = parseMap(text);
        if (result.ok) {
          accepted++;
          const written = serializeMap(result.map);
          const again = parseMap(written);
          expect(again.ok).toBe(true);
          if (again.ok) {
            expect(again.map).toEqual(result.map);
            expect(serializeMap(again.map)).toBe(written);
          }
        } else {
          expect(result.problems.length).toBeGreaterThanOrEqual(1);
          expect(result.problems.length).toBeLessThanOrEqual(LIMITS.problems);
          for (const p of result.problems) {
            expect(typeof p.path).toBe('string');
            expect(p.message.startsWith(p.path === '' ? '' : `${p.path}: `)).toBe(true);
            expect(p.message.length).toBeGreaterThan(p.path.length + 2);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // Both branches are exercised: about 14% of variants are accepted (42 of
    // 300, standard deviation 6), so 12 is five deviations away.
    expect(accepted).toBeGreaterThan(12);
    expect(accepted).toBeLessThan(RUNS - 12);
  });

  it('the fast path only accepts what the schema accepts, and builds the same map', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const file = JSON.parse(JSON.stringify(build({ ...v, truncate: null, bom: false }).file) ?? 'null') as Json;
        if (!isContainer(file) || Array.isArray(file)) return;
        const fast = readWellFormed(file);
        const slow = validateWithSchema(file);
        if (fast) expect(slow).toEqual({ ok: true, map: fast });
        if (!slow.ok) expect(fast).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
