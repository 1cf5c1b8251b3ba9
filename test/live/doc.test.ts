// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addStakeholder, connect, deleteElements, generateMap, moveStakeholders, setDefinition, setTitle, updateStakeholder,
  type StakeMap,
} from '../../src/domain';
import { isEmptyDoc, readMapFromDoc, writeMapToDoc } from '../../src/live';
import { mustParse, scenarioFiles, validFile, parseObject } from '../domain/helpers';

function docOf(map: StakeMap): Y.Doc {
  const doc = new Y.Doc();
  writeMapToDoc(doc, map, 'load');
  return doc;
}

function validMap(): StakeMap {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return result.map;
}

/** Every transaction of `doc` while `run` runs: its origin and the keys it changed. */
function transactions(doc: Y.Doc, run: () => void): { origin: unknown; keys: string[] }[] {
  const seen: { origin: unknown; keys: string[] }[] = [];
  const listen = (tr: Y.Transaction) => {
    const keys: string[] = [];
    tr.changed.forEach((subs, type) => subs.forEach((key) => keys.push(`${type === (doc.getMap('map') as unknown) ? 'map' : 'record'}.${key}`)));
    seen.push({ origin: tr.origin, keys: keys.sort() });
  };
  doc.on('afterTransaction', listen);
  run();
  doc.off('afterTransaction', listen);
  return seen;
}

describe('map → doc → map', () => {
  it.each(scenarioFiles().map((f) => [f.name, f.text]))('is the identity for %s', (_name, text) => {
    const map = mustParse(text);
    expect(readMapFromDoc(docOf(map))).toStrictEqual(map);
  });

  it('is the identity for the test map using every field, and through an encoded update', () => {
    const map = validMap();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(docOf(map)));
    expect(readMapFromDoc(copy)).toStrictEqual(map);
  });

  it('is the identity for a generated map of 1,000 stakeholders', () => {
    const map = generateMap({ stakeholders: 1_000, relations: 2_000, seed: 7 });
    expect(readMapFromDoc(docOf(map))).toStrictEqual(map);
  });

  it('reads an empty doc as an empty map and knows it is empty', () => {
    const doc = new Y.Doc();
    expect(isEmptyDoc(doc)).toBe(true);
    expect(readMapFromDoc(doc).stakeholders).toEqual([]);
    writeMapToDoc(doc, validMap(), 'load');
    expect(isEmptyDoc(doc)).toBe(false);
  });
});

describe('writeMapToDoc', () => {
  it('writes one edit as one transaction with the given origin, touching only what changed', () => {
    const map = validMap();
    const doc = docOf(map);
    const renamed = updateStakeholder(map, 'a', { name: 'Alpha prime' });
    expect(transactions(doc, () => writeMapToDoc(doc, renamed, 'me', map))).toEqual([{ origin: 'me', keys: ['record.name'] }]);
    const moved = moveStakeholders(renamed, [{ id: 'b', position: { x: 5, y: 6 } }]);
    expect(transactions(doc, () => writeMapToDoc(doc, moved, 'me'))).toEqual([{ origin: 'me', keys: ['record.position'] }]);
    const titled = setDefinition(setTitle(moved, 'New title'), 'payer');
    expect(transactions(doc, () => writeMapToDoc(doc, titled, 'me'))).toEqual([{ origin: 'me', keys: ['map.definition', 'map.title'] }]);
    expect(readMapFromDoc(doc)).toStrictEqual(titled);
  });

  it('makes no transaction when nothing changed', () => {
    const map = validMap();
    const doc = docOf(map);
    expect(transactions(doc, () => expect(writeMapToDoc(doc, map, 'me')).toBe(false))).toEqual([]);
  });

  it('deletes a stakeholder and its relations in one transaction', () => {
    const map = validMap();
    const doc = docOf(map);
    const next = deleteElements(map, { stakeholders: ['b'] });
    const seen = transactions(doc, () => writeMapToDoc(doc, next, 'me', map));
    expect(seen).toHaveLength(1);
    expect(readMapFromDoc(doc)).toStrictEqual(next);
  });

  it('keeps list order: appended records come last, and any reordering is written', () => {
    const map = validMap();
    const doc = docOf(map);
    const added = connect(addStakeholder(map, { id: 'z', name: 'Zed', label: 'other', side: 'external' }), { id: 'r0', from: 'z', to: 'us', kind: 'money' });
    writeMapToDoc(doc, added, 'me', map);
    expect(readMapFromDoc(doc)).toStrictEqual(added);
    const reversed: StakeMap = { ...added, stakeholders: [...added.stakeholders].reverse(), relations: [...added.relations].reverse() };
    writeMapToDoc(doc, reversed, 'me');
    expect(readMapFromDoc(doc)).toStrictEqual(reversed);
  });

  it('does not write back over a colleague\'s change that the base map has not seen yet', () => {
    const map = validMap();
    const doc = docOf(map);
    const theirs = updateStakeholder(map, 'a', { name: 'Their name' });
    writeMapToDoc(doc, theirs, 'remote', map);
    const mine = updateStakeholder(map, 'c', { label: 'customer' }); // computed from the older map
    writeMapToDoc(doc, mine, 'me', map);
    const result = readMapFromDoc(doc);
    expect(result.stakeholders.find((s) => s.id === 'a')?.name).toBe('Their name');
    expect(result.stakeholders.find((s) => s.id === 'c')?.label).toBe('customer');
  });
});
