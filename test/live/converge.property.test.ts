// @vitest-environment node
// Two people edit one map at once, offline from each other, through the real
// domain edits; whenever they exchange updates, and at the end, they must hold
// the same map, and it must be one the file format accepts.
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addStakeholder, connect, deleteElements, KINDS, LABELS, moveStakeholders, nextRelationId, nextStakeholderId,
  renameOrganization, setDefinition, setTitle, SIDES, updateRelation, updateStakeholder, DEFINITIONS, type StakeMap,
} from '../../src/domain';
import { idPrefix, LiveMap, readMapFromDoc, writeMapToDoc } from '../../src/live';
import { parseObject, validFile } from '../domain/helpers';
import { exchange, isValidMap } from './helpers';

type Op =
  | { peer: 0 | 1; kind: 'add'; name: string; label: number; side: number }
  | { peer: 0 | 1; kind: 'rename' | 'notes'; pick: number; text: string }
  | { peer: 0 | 1; kind: 'relabel' | 'side' | 'move' | 'delete' | 'deleteRelation' | 'kind'; pick: number; n: number }
  | { peer: 0 | 1; kind: 'connect'; pick: number; n: number; kindIndex: number }
  | { peer: 0 | 1; kind: 'title' | 'organization'; text: string }
  | { peer: 0 | 1; kind: 'definition'; n: number }
  | { peer: 0 | 1; kind: 'undo' | 'redo' | 'sync' };

const peer = fc.constantFrom<0 | 1>(0, 1);
const text = fc.string({ minLength: 0, maxLength: 12 });
const pick = fc.nat(50);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ peer, kind: fc.constant('add' as const), name: text, label: fc.nat(10), side: fc.nat(3) }),
  fc.record({ peer, kind: fc.constantFrom('rename' as const, 'notes' as const), pick, text }),
  fc.record({ peer, kind: fc.constantFrom('relabel' as const, 'side' as const, 'move' as const, 'delete' as const, 'deleteRelation' as const, 'kind' as const), pick, n: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ peer, kind: fc.constant('connect' as const), pick, n: fc.nat(50), kindIndex: fc.nat(10) }),
  fc.record({ peer, kind: fc.constantFrom('title' as const, 'organization' as const), text }),
  fc.record({ peer, kind: fc.constant('definition' as const), n: fc.nat(4) }),
  fc.record({ peer, kind: fc.constantFrom('undo' as const, 'redo' as const, 'sync' as const) }),
);

function at<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/** The domain edit an op asks for, on this peer's current map (a no-op edit returns the same map). */
function edit(map: StakeMap, o: Op, doc: Y.Doc): StakeMap {
  const s = 'pick' in o ? at(map.stakeholders, o.pick) : undefined;
  const r = 'pick' in o ? at(map.relations, o.pick) : undefined;
  switch (o.kind) {
    case 'add':
      return addStakeholder(map, {
        id: nextStakeholderId(map, idPrefix(doc, 's')),
        name: o.name.trim() ? o.name : 'New',
        label: LABELS[o.label % LABELS.length]!,
        side: SIDES[o.side % SIDES.length]!,
      });
    case 'rename':
      return s ? updateStakeholder(map, s.id, { name: o.text }) : map;
    case 'notes':
      return s ? updateStakeholder(map, s.id, { notes: o.text }) : map;
    case 'relabel':
      return s ? updateStakeholder(map, s.id, { label: LABELS[Math.abs(o.n) % LABELS.length]! }) : map;
    case 'side':
      return s ? updateStakeholder(map, s.id, { side: SIDES[Math.abs(o.n) % SIDES.length]! }) : map;
    case 'move':
      return s ? moveStakeholders(map, [{ id: s.id, position: { x: o.n, y: -o.n } }]) : map;
    case 'delete':
      return s ? deleteElements(map, { stakeholders: [s.id] }) : map;
    case 'deleteRelation':
      return r ? deleteElements(map, { relations: [r.id] }) : map;
    case 'kind':
      return r ? updateRelation(map, r.id, { kind: KINDS[Math.abs(o.n) % KINDS.length]! }) : map;
    case 'connect': {
      const to = at(map.stakeholders, o.n);
      if (!s || !to) return map;
      return connect(map, { id: nextRelationId(map, idPrefix(doc, 'r')), from: s.id, to: to.id, kind: KINDS[o.kindIndex % KINDS.length]! });
    }
    case 'title':
      return setTitle(map, o.text);
    case 'organization':
      return renameOrganization(map, o.text);
    case 'definition':
      return setDefinition(map, DEFINITIONS[o.n]);
    default:
      return map;
  }
}

function startMap(): StakeMap {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return result.map;
}

describe('two people editing one map at once', () => {
  it('converge to the same valid map after exchanging updates', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const docs = [new Y.Doc(), new Y.Doc()] as const;
        writeMapToDoc(docs[0], startMap(), 'load');
        exchange(docs[0], docs[1]);
        const people = docs.map((doc) => new LiveMap(doc)) as [LiveMap, LiveMap];
        for (const o of ops) {
          const person = people[o.peer];
          if (o.kind === 'sync') exchange(docs[0], docs[1]);
          else if (o.kind === 'undo') person.undo();
          else if (o.kind === 'redo') person.redo();
          else person.edit(edit(person.map, o, person.doc));
          expect(isValidMap(person.map)).toBe(true);
          expect(person.map).toStrictEqual(readMapFromDoc(person.doc)); // the cached reading is the plain one
        }
        exchange(docs[0], docs[1]);
        expect(people[0].map).toStrictEqual(people[1].map);
        expect(readMapFromDoc(docs[0])).toStrictEqual(people[0].map);
        expect(readMapFromDoc(docs[1])).toStrictEqual(people[1].map);
        expect(isValidMap(people[0].map)).toBe(true);
        people.forEach((p) => p.destroy());
      }),
      { numRuns: 60 },
    );
  });
});
