// @vitest-environment node
// The relationship fields and the currency survive a live room: written to a
// doc, read back, edited by two people at once, and repaired when a peer
// writes a value the format refuses.
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setCurrency, updateStakeholder, type StakeMap } from '../../src/domain';
import { deriveMap, readMapFromDoc, writeMapToDoc } from '../../src/live';
import { mustParse, REPO_ROOT } from '../domain/helpers';
import { exchange } from './helpers';

const V3 = mustParse(readFileSync(join(REPO_ROOT, 'test/fixtures/versions/v3.stakemap.json'), 'utf8'));
// The room holds the map itself, not the workshop's votes and teams.
const base: StakeMap = { ...V3, votes: undefined, breakouts: undefined };
delete (base as { votes?: unknown }).votes;
delete (base as { breakouts?: unknown }).breakouts;

function docOf(map: StakeMap): Y.Doc {
  const doc = new Y.Doc();
  writeMapToDoc(doc, map, 'load');
  return doc;
}

describe('relationship fields in a live room', () => {
  it('map → doc → map keeps depth, values, power, interest and the currency', () => {
    const map = readMapFromDoc(docOf(base));
    expect(map.currency).toBe('EUR');
    expect(map.stakeholders).toEqual(base.stakeholders);
  });

  it('two people setting depth and value of the same stakeholder both keep their edit', () => {
    const a = docOf(base);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = base.stakeholders[2]!.id;
    writeMapToDoc(a, updateStakeholder(base, id, { depth: 3 }), 'local', base);
    writeMapToDoc(b, setCurrency(updateStakeholder(base, id, { value: 777 }), 'USD'), 'local', base);
    exchange(a, b);
    for (const doc of [a, b]) {
      const map = readMapFromDoc(doc);
      expect(map.stakeholders[2]).toMatchObject({ depth: 3, value: 777 });
      expect(map.currency).toBe('USD');
    }
  });

  it('a peer writing a depth of 9 or a bad currency is repaired, keeping the previous good value', () => {
    const doc = docOf(base);
    const record = doc.getMap('stakeholders').get(base.stakeholders[0]!.id) as Y.Map<unknown>;
    record.set('depth', 9);
    doc.getMap('map').set('currency', 'euros');
    const derived = deriveMap(doc, base);
    expect(derived.refused).toBe(false);
    expect(derived.map.stakeholders[0]!.depth).toBe(1);
    expect(derived.map.currency).toBe('EUR');
    expect(derived.messages.join(' ')).toMatch(/depth/);
  });
});
