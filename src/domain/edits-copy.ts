// New ids and copies of stakeholders.
import { LIMITS, ORG_ID } from './model';
import type { Position, Relation, StakeMap, Stakeholder } from './model';
import { clampPosition, isFiniteNumber } from './field-rules';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const MAX_TRIES = 10_000_000;

/** Which of the format's limits `map` would pass with `stakeholders` and `relations` more; null when they fit. */
export function limitPassed(map: StakeMap, stakeholders: number, relations: number): 'stakeholders' | 'relations' | null {
  if (map.stakeholders.length + stakeholders > LIMITS.stakeholders) return 'stakeholders';
  if (map.relations.length + relations > LIMITS.relations) return 'relations';
  return null;
}

/**
 * The first free id of the form prefix + counter (`s1`, `s2`, …). Deterministic;
 * always matches the id pattern (characters outside it become `-`, a long
 * prefix is shortened to make room for the counter) and is never `us`.
 */
export function uniqueId(prefix: string, taken: (id: string) => boolean): string {
  return idSource(prefix, taken)();
}

/** Like uniqueId, for many ids: each call continues from the last counter instead of from 1. */
function idSource(prefix: string, taken: (id: string) => boolean): () => string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/gu, '-');
  let n = 0;
  return () => {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const suffix = String(++n);
      const id = base.slice(0, LIMITS.id - suffix.length) + suffix;
      if (id !== ORG_ID && !taken(id)) return id;
    }
    throw new Error(`uniqueId: no free id with prefix ${JSON.stringify(prefix)}`);
  };
}

export function nextStakeholderId(map: StakeMap, prefix = 's'): string {
  const ids = new Set(map.stakeholders.map((s) => s.id));
  return uniqueId(prefix, (id) => ids.has(id));
}

export function nextRelationId(map: StakeMap, prefix = 'r'): string {
  const ids = new Set(map.relations.map((r) => r.id));
  return uniqueId(prefix, (id) => ids.has(id));
}

const COPY_SUFFIX = ' (copy)';

/**
 * Copies the given stakeholders, moved by `offset`, named "… (copy)", with
 * new ids (`<id>-1`, …), and the relations among them (new ids `r<n>`).
 * Relations to stakeholders not copied, or to us, are not copied. Copies
 * follow the map's order and are appended to it. `idMap` maps each copied
 * stakeholder's id to its copy's. A no-op (same map, empty idMap) when there is
 * nothing to copy or the copies would pass the format's limits (`passed` says which).
 */
export function duplicateStakeholders(
  map: StakeMap,
  ids: readonly string[],
  offset: Position,
): { map: StakeMap; idMap: Map<string, string>; passed: ReturnType<typeof limitPassed> } {
  const wanted = new Set(ids);
  const originals = map.stakeholders.filter((s) => wanted.has(s.id));
  const copied = new Set(originals.map((s) => s.id)); // only stakeholders that exist; never us
  const inner = map.relations.filter((r) => copied.has(r.from) && copied.has(r.to));
  const passed = limitPassed(map, originals.length, inner.length);
  if (originals.length === 0 || passed || !isFiniteNumber(offset.x) || !isFiniteNumber(offset.y)) {
    return { map, idMap: new Map(), passed };
  }

  const takenIds = new Set(map.stakeholders.map((s) => s.id));
  const idMap = new Map<string, string>();
  const copies = originals.map((s): Stakeholder => {
    const id = uniqueId(`${s.id}-`, (c) => takenIds.has(c));
    takenIds.add(id);
    idMap.set(s.id, id);
    const copy: Mutable<Stakeholder> = { ...s, id, name: copyName(s.name) };
    if (s.position) copy.position = clampPosition({ x: s.position.x + offset.x, y: s.position.y + offset.y });
    return copy;
  });

  const relationIds = new Set(map.relations.map((r) => r.id));
  const nextRelation = idSource('r', (c) => relationIds.has(c));
  const relationCopies = inner.map(
    (r): Relation => ({ ...r, id: nextRelation(), from: idMap.get(r.from) as string, to: idMap.get(r.to) as string }),
  );

  return {
    map: { ...map, stakeholders: [...map.stakeholders, ...copies], relations: [...map.relations, ...relationCopies] },
    idMap,
    passed: null,
  };
}

/** name + " (copy)", shortened by code points if needed to stay within the name limit. */
function copyName(name: string): string {
  const room = LIMITS.name - COPY_SUFFIX.length;
  const chars = [...name];
  return (chars.length > room ? chars.slice(0, room).join('') : name) + COPY_SUFFIX;
}
