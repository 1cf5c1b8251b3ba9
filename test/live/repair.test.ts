// @vitest-environment node
// A peer is not trusted: whatever it writes, the map each person sees keeps
// the file format's rules, and what was repaired is reported as plain text.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { connect, deleteElements, LIMITS, type StakeMap } from '../../src/domain';
import { checkRemote, LiveMap, readMapFromDoc, writeMapToDoc, type MapChange } from '../../src/live';
import { parseObject, validFile } from '../domain/helpers';
import { exchange, isValidMap } from './helpers';

function startMap(): StakeMap {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return result.map;
}

/** A room of one honest person (a LiveMap, reporting its changes) and a raw doc a peer writes anything into. */
function room() {
  const honest = new Y.Doc();
  writeMapToDoc(honest, startMap(), 'load');
  const peer = new Y.Doc();
  exchange(honest, peer);
  const changes: MapChange[] = [];
  const live = new LiveMap(honest, (c) => changes.push(c));
  const stakeholder = (id: string) => peer.getMap('stakeholders').get(id) as Y.Map<unknown>;
  return { live, peer, changes, stakeholder, sync: () => exchange(honest, peer) };
}

const messages = (changes: MapChange[]) => changes.flatMap((c) => c.messages);

describe('a remote change that breaks the format', () => {
  it('drops a relation left dangling by a concurrent delete, on both sides, and says so', () => {
    const a = new LiveMap(new Y.Doc());
    writeMapToDoc(a.doc, startMap(), 'load');
    const changes: MapChange[] = [];
    const b = new LiveMap(new Y.Doc(), (c) => changes.push(c));
    exchange(a.doc, b.doc);
    a.edit(deleteElements(a.map, { stakeholders: ['c'] }));
    b.edit(connect(b.map, { id: 'rb', from: 'c', to: 'a', kind: 'advice' }));
    exchange(a.doc, b.doc);
    for (const map of [a.map, b.map]) {
      expect(map.relations.some((r) => r.id === 'rb')).toBe(false);
      expect(map.stakeholders.some((s) => s.id === 'c')).toBe(false);
      expect(isValidMap(map)).toBe(true);
    }
    expect(a.map).toStrictEqual(b.map);
    expect(messages(changes).join('\n')).toMatch(/Removed relation “rb”.*"c" is neither "us" nor the id of a stakeholder/);
  });

  it('keeps the previous value of a field set against the rules, and reports each one', () => {
    const { live, stakeholder, sync, changes } = room();
    const a0 = stakeholder('a');
    a0.set('name', 'x'.repeat(LIMITS.name + 1));
    a0.set('label', 'boss');
    stakeholder('b').set('position', { x: Number.NaN, y: 1 });
    stakeholder('c').set('notes', 42);
    sync();
    const a = live.map.stakeholders.find((s) => s.id === 'a')!;
    expect(a.name).toBe('Alpha');
    expect(a.label).toBe('customer');
    expect(live.map.stakeholders.find((s) => s.id === 'b')?.position).toBeUndefined(); // b had none before
    expect(live.map.stakeholders.find((s) => s.id === 'c')?.notes).toBeUndefined();
    expect(isValidMap(live.map)).toBe(true);
    const said = messages(changes);
    expect(said).toHaveLength(4);
    expect(said.join('\n')).toMatch(/Kept the previous name of stakeholder “a”/);
    expect(said.join('\n')).toMatch(/Kept the previous label of stakeholder “a”.*"boss"/);
    expect(said.join('\n')).toMatch(/Removed the position of stakeholder “b”/);
    // The repair is in the doc too, so the peer now holds the good map as well.
    expect(readMapFromDoc(live.doc)).toStrictEqual(live.map);
  });

  it('removes records that are not records, have a bad id, or point nowhere', () => {
    const { live, peer, sync, changes } = room();
    peer.transact(() => {
      peer.getMap('stakeholders').set('junk', 'not a map');
      peer.getMap('stakeholders').set('us', new Y.Map<unknown>([['name', 'Fake us'], ['label', 'other'], ['side', 'external'], ['order', 9]]));
      peer.getMap('stakeholders').set('has space', new Y.Map<unknown>([['name', 'Bad id'], ['label', 'other'], ['side', 'external'], ['order', 10]]));
      peer.getMap('relations').set('r9', new Y.Map<unknown>([['from', 'a'], ['to', 'nobody'], ['kind', 'money'], ['order', 9]]));
      peer.getMap('relations').set('r10', new Y.Map<unknown>([['from', 'a'], ['to', 'a'], ['kind', 'money'], ['order', 10]]));
    });
    sync();
    expect(live.map).toStrictEqual(startMap());
    expect(messages(changes)).toHaveLength(5);
    expect(peer.getMap('stakeholders').has('junk')).toBe(false);
  });

  it('repairs the map-level fields: a blank title, an unknown definition', () => {
    const { live, peer, sync, changes } = room();
    peer.getMap('map').set('title', '   ');
    peer.getMap('map').set('definition', 'whoever');
    peer.getMap('map').set('organizationName', '');
    sync();
    expect(live.map.title).toBe('Test map');
    expect(live.map.definition).toBe('user');
    expect(live.map.organization.name).toBe('Us Inc');
    expect(messages(changes)).toHaveLength(3);
  });

  it('removes the stakeholders added last beyond the limit', () => {
    const { live, peer, sync, changes } = room();
    peer.transact(() => {
      const list = peer.getMap('stakeholders');
      for (let i = 0; i < LIMITS.stakeholders; i++)
        list.set(`p${i}`, new Y.Map<unknown>([['name', `P${i}`], ['label', 'other'], ['side', 'external'], ['order', 100 + i]]));
    });
    sync();
    expect(live.map.stakeholders).toHaveLength(LIMITS.stakeholders);
    expect(live.map.stakeholders.at(-1)?.id).toBe(`p${LIMITS.stakeholders - 4}`);
    expect(messages(changes)).toEqual([expect.stringMatching(/^Removed the last 3 stakeholders: 5,003 stakeholders, more than the 5,000 allowed/)]);
  });

  it('refuses what it cannot repair, keeps the last good map, and leaves the doc alone', () => {
    const doc = new Y.Doc();
    const good = startMap();
    writeMapToDoc(doc, good, 'load');
    const notes = 'n'.repeat(LIMITS.notes);
    doc.transact(() => {
      const list = doc.getMap('stakeholders');
      for (let i = 0; i < 1_001; i++) list.set(`big${i}`, new Y.Map<unknown>([['name', 'Big'], ['label', 'other'], ['side', 'external'], ['notes', notes], ['order', 10 + i]]));
    });
    const check = checkRemote(doc, good);
    expect(check.refused).toBe(true);
    expect(check.repaired).toBe(false);
    expect(check.map).toBe(good);
    expect(check.messages).toEqual([expect.stringMatching(/cannot be repaired \(The file is larger than 10,000,000 bytes/)]);
    expect(doc.getMap('stakeholders').size).toBe(1_004);
  });

  it('reports a peer\'s text as it is: quoted, shortened, never turned into markup', () => {
    const { live, stakeholder, sync, changes } = room();
    stakeholder('a').set('label', '<img src=x onerror=alert(1)>');
    sync();
    expect(live.map.stakeholders[0]?.label).toBe('customer');
    expect(messages(changes)[0]).toContain('"<img src=x onerror=alert(1)>" is not one of');
  });
});
