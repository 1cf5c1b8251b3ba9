import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addStakeholder, connect, deleteElements, duplicateStakeholders, moveOrganization, moveStakeholders,
  nextRelationId, nextStakeholderId, relabel, renameOrganization, reverseRelation, setDefinition, setDefinitionNote, setTitle,
  uniqueId, updateRelation, updateStakeholder,
} from '../../src/domain/edits';
import { parseMap, serializeMap } from '../../src/domain/format';
import { ID_PATTERN, KINDS, LABELS, LIMITS, SIDES, type StakeMap, type Stakeholder } from '../../src/domain/model';
import { mustParse, parseObject, validFile } from './helpers';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A frozen copy of the helpers' valid map: any mutation by an edit throws. */
function base(): StakeMap {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return deepFreeze(result.map);
}

const dora: Stakeholder = { id: 'd', name: 'Dora', label: 'supplier', side: 'external' };

describe('addStakeholder', () => {
  it('appends a stakeholder', () => {
    const map = addStakeholder(base(), dora);
    expect(map.stakeholders.at(-1)).toEqual(dora);
    expect(map.stakeholders).toHaveLength(4);
  });

  it('drops empty notes, so absent stays absent', () => {
    expect(addStakeholder(base(), { ...dora, notes: '' }).stakeholders.at(-1)).toEqual(dora);
  });

  it.each([
    ['a taken id', { ...dora, id: 'a' }],
    ['the id us', { ...dora, id: 'us' }],
    ['an invalid id', { ...dora, id: 'd d' }],
    ['a blank name', { ...dora, name: '  ' }],
    ['an unknown label', { ...dora, label: 'boss' as Stakeholder['label'] }],
    ['a position that is not finite', { ...dora, position: { x: NaN, y: 0 } }],
  ])('ignores %s (same map)', (_what, s) => {
    const map = base();
    expect(addStakeholder(map, s)).toBe(map);
  });

  it('stops at the format’s limit: one more could not be saved and read back', () => {
    const many = Array.from({ length: LIMITS.stakeholders }, (_, i): Stakeholder => ({ id: `s${i}`, name: `S${i}`, label: 'partner', side: 'external' }));
    const full = { ...base(), stakeholders: many };
    expect(addStakeholder(full, dora)).toBe(full);
    expect(addStakeholder({ ...full, stakeholders: many.slice(1) }, dora).stakeholders).toHaveLength(LIMITS.stakeholders);
  });
});

describe('updateStakeholder and relabel', () => {
  it('changes name, label and side', () => {
    const map = updateStakeholder(base(), 'a', { name: 'Alpha Co', label: 'client', side: 'internal' });
    expect(map.stakeholders[0]).toMatchObject({ id: 'a', name: 'Alpha Co', label: 'client', side: 'internal', notes: 'First' });
  });

  it('sets notes; an empty string or an explicit undefined removes them; leaving them out keeps them', () => {
    expect(updateStakeholder(base(), 'b', { notes: 'New' }).stakeholders[1]!.notes).toBe('New');
    expect('notes' in updateStakeholder(base(), 'a', { notes: '' }).stakeholders[0]!).toBe(false);
    expect('notes' in updateStakeholder(base(), 'a', { notes: undefined }).stakeholders[0]!).toBe(false);
    expect(updateStakeholder(base(), 'a', { name: 'A2' }).stakeholders[0]!.notes).toBe('First');
  });

  it('returns the same map when nothing changes', () => {
    const map = base();
    expect(updateStakeholder(map, 'a', { name: 'Alpha', label: 'customer' })).toBe(map);
    expect(updateStakeholder(map, 'b', { notes: '' })).toBe(map); // had none
    expect(updateStakeholder(map, 'ghost', { name: 'X' })).toBe(map);
    expect(updateStakeholder(map, 'a', { name: '' })).toBe(map); // invalid: ignored
    expect(relabel(map, 'a', 'customer')).toBe(map);
  });

  it('relabel changes only the label', () => {
    const map = relabel(base(), 'a', 'other');
    expect(map.stakeholders[0]).toEqual({ ...base().stakeholders[0], label: 'other' });
  });

  it('keeps untouched stakeholders as the same objects', () => {
    const before = base();
    const after = relabel(before, 'a', 'other');
    expect(after.stakeholders[1]).toBe(before.stakeholders[1]);
    expect(after.relations).toBe(before.relations);
  });
});

describe('moves', () => {
  it('moves stakeholders and changes side when asked', () => {
    const map = moveStakeholders(base(), [
      { id: 'a', position: { x: 5, y: 6 } },
      { id: 'b', position: { x: 7, y: 8 }, side: 'internal' },
    ]);
    expect(map.stakeholders[0]).toMatchObject({ position: { x: 5, y: 6 }, side: 'external' });
    expect(map.stakeholders[1]).toMatchObject({ position: { x: 7, y: 8 }, side: 'internal' });
  });

  it('returns the same map for moves that change nothing', () => {
    const map = base();
    expect(moveStakeholders(map, [])).toBe(map);
    expect(moveStakeholders(map, [{ id: 'a', position: { x: 300, y: 0 } }])).toBe(map);
    expect(moveStakeholders(map, [{ id: 'ghost', position: { x: 1, y: 1 } }])).toBe(map);
    expect(moveStakeholders(map, [{ id: 'a', position: { x: Infinity, y: 1 } }])).toBe(map);
  });

  it('moves and keeps the organization', () => {
    const map = base();
    expect(moveOrganization(map, { x: 0, y: 0 })).toBe(map);
    expect(moveOrganization(map, { x: 10, y: -5 }).organization).toEqual({ name: 'Us Inc', position: { x: 10, y: -5 } });
  });
});

describe('titles, names and definitions', () => {
  it('renames the organization and sets the title, ignoring blank or unchanged text', () => {
    const map = base();
    expect(renameOrganization(map, 'Them').organization.name).toBe('Them');
    expect(renameOrganization(map, ' ')).toBe(map);
    expect(renameOrganization(map, 'Us Inc')).toBe(map);
    expect(setTitle(map, 'New').title).toBe('New');
    expect(setTitle(map, '')).toBe(map);
    expect(setTitle(map, 'x'.repeat(201))).toBe(map);
    expect(setTitle(map, 'Test map')).toBe(map);
  });

  it('sets and removes the definition', () => {
    const map = base();
    expect(setDefinition(map, 'payer').definition).toBe('payer');
    expect('definition' in setDefinition(map, undefined)).toBe(false);
    expect(setDefinition(map, 'user')).toBe(map);
    const none = setDefinition(map, undefined);
    expect(setDefinition(none, undefined)).toBe(none);
  });

  it('sets and removes the definition note', () => {
    const map = base();
    expect(setDefinitionNote(map, 'Eaters').definitionNote).toBe('Eaters');
    expect('definitionNote' in setDefinitionNote(map, '')).toBe(false);
    expect('definitionNote' in setDefinitionNote(map, undefined)).toBe(false);
    expect(setDefinitionNote(map, 'The people who eat it')).toBe(map);
    expect(setDefinitionNote(map, 'x'.repeat(2001))).toBe(map);
  });
});

describe('relations', () => {
  it('connects two parties, us included', () => {
    const map = connect(base(), { id: 'r9', from: 'c', to: 'us', kind: 'insight', note: '' });
    expect(map.relations.at(-1)).toEqual({ id: 'r9', from: 'c', to: 'us', kind: 'insight' });
  });

  it.each([
    ['a relation to itself', { id: 'r9', from: 'a', to: 'a', kind: 'money' as const }],
    ['us to us', { id: 'r9', from: 'us', to: 'us', kind: 'money' as const }],
    ['a missing end', { id: 'r9', from: 'a', to: 'ghost', kind: 'money' as const }],
    ['a taken relation id', { id: 'r1', from: 'a', to: 'c', kind: 'money' as const }],
    ['an invalid id', { id: 'us', from: 'a', to: 'c', kind: 'money' as const }],
  ])('does not connect %s', (_what, r) => {
    const map = base();
    expect(connect(map, r)).toBe(map);
  });

  it('stops at the format’s limit of relations', () => {
    const many = Array.from({ length: LIMITS.relations }, (_, i) => ({ id: `x${i}`, from: 'a', to: 'c', kind: 'money' as const }));
    const full = { ...base(), relations: many };
    expect(connect(full, { id: 'r9', from: 'c', to: 'us', kind: 'insight' })).toBe(full);
    expect(connect({ ...full, relations: many.slice(1) }, { id: 'r9', from: 'c', to: 'us', kind: 'insight' }).relations).toHaveLength(LIMITS.relations);
  });

  it('allows a relation id equal to a stakeholder id', () => {
    expect(connect(base(), { id: 'a', from: 'a', to: 'c', kind: 'advice' }).relations).toHaveLength(4);
  });

  it('updates kind and note; an empty note removes it', () => {
    const map = updateRelation(base(), 'r1', { kind: 'support', note: 'Training' });
    expect(map.relations[0]).toEqual({ id: 'r1', from: 'us', to: 'b', kind: 'support', note: 'Training' });
    expect(updateRelation(base(), 'r1', { note: '' }).relations[0]).toEqual({ id: 'r1', from: 'us', to: 'b', kind: 'offering' });
  });

  it('reverses a relation: its ends swap, its kind, note and place in the file stay', () => {
    const map = base();
    const reversed = reverseRelation(map, 'r1');
    expect(reversed.relations[0]).toEqual({ ...map.relations[0]!, from: map.relations[0]!.to, to: map.relations[0]!.from });
    expect(reversed.relations.slice(1)).toEqual(map.relations.slice(1));
    expect(reverseRelation(reversed, 'r1')).toEqual(map);
    expect(reverseRelation(map, 'ghost')).toBe(map);
  });

  it('returns the same map when a relation update changes nothing', () => {
    const map = base();
    expect(updateRelation(map, 'r1', { kind: 'offering', note: 'Goods' })).toBe(map);
    expect(updateRelation(map, 'r2', { note: undefined })).toBe(map);
    expect(updateRelation(map, 'ghost', { kind: 'money' })).toBe(map);
  });
});

describe('deleteElements', () => {
  it('deleting a stakeholder deletes every relation that touches it', () => {
    const map = deleteElements(base(), { stakeholders: ['b'] });
    expect(map.stakeholders.map((s) => s.id)).toEqual(['a', 'c']);
    expect(map.relations).toEqual([]); // r1, r2 and r3 all touch b
  });

  it('deletes relations alone, from any iterable', () => {
    const before = base();
    const map = deleteElements(before, { relations: new Set(['r2']) });
    expect(map.relations.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(map.stakeholders).toEqual(before.stakeholders);
  });

  it('returns the same map when nothing is deleted', () => {
    const map = base();
    expect(deleteElements(map, {})).toBe(map);
    expect(deleteElements(map, { stakeholders: ['ghost'], relations: ['r99'] })).toBe(map);
    expect(deleteElements(map, { stakeholders: ['us'] })).toBe(map);
  });
});

describe('duplicateStakeholders', () => {
  it('copies stakeholders with new ids, "(copy)" names, offset positions, and the relations among them', () => {
    const { map, idMap } = duplicateStakeholders(base(), ['b', 'a'], { x: 20, y: 30 });
    expect([...idMap]).toEqual([['a', 'a-1'], ['b', 'b-1']]); // in map order
    expect(map.stakeholders.slice(3)).toEqual([
      { id: 'a-1', name: 'Alpha (copy)', label: 'customer', side: 'external', notes: 'First', position: { x: 320, y: 30 } },
      { id: 'b-1', name: 'Beta (copy)', label: 'partner', side: 'external' },
    ]);
    // r2 b→a and r3 a→b are among the copies; r1 from us is not.
    expect(map.relations.slice(3)).toEqual([
      { id: 'r4', from: 'b-1', to: 'a-1', kind: 'offering' },
      { id: 'r5', from: 'a-1', to: 'b-1', kind: 'money' },
    ]);
    expect(parseMap(serializeMap(map)).ok).toBe(true);
  });

  it('never copies us, nor relations to stakeholders left behind', () => {
    const { map, idMap } = duplicateStakeholders(base(), ['us', 'b', 'ghost'], { x: 0, y: 0 });
    expect([...idMap]).toEqual([['b', 'b-1']]);
    expect(map.relations).toHaveLength(3); // r1 us→b, r2 b→a, r3 a→b all touch someone not copied
  });

  it('is deterministic and finds free ids when copies exist already', () => {
    const once = duplicateStakeholders(base(), ['a'], { x: 0, y: 0 }).map;
    const twice = duplicateStakeholders(once, ['a'], { x: 0, y: 0 });
    expect(twice.idMap.get('a')).toBe('a-2');
    expect(duplicateStakeholders(once, ['a'], { x: 0, y: 0 })).toEqual(twice);
  });

  it('keeps a copied name within 200 characters', () => {
    const map = updateStakeholder(base(), 'a', { name: '𝄞'.repeat(200) });
    const copy = duplicateStakeholders(map, ['a'], { x: 0, y: 0 }).map.stakeholders.at(-1)!;
    expect([...copy.name]).toHaveLength(200);
    expect(copy.name.endsWith(' (copy)')).toBe(true);
  });

  it('returns the same map and an empty idMap when there is nothing to copy', () => {
    const map = base();
    const result = duplicateStakeholders(map, ['ghost', 'us'], { x: 1, y: 1 });
    expect(result.map).toBe(map);
    expect(result.idMap.size).toBe(0);
    expect(result.passed).toBeNull();
  });

  it('copies nothing past the format’s limit, and says which limit', () => {
    const many = Array.from({ length: LIMITS.stakeholders - base().stakeholders.length - 1 }, (_, i): Stakeholder => ({ id: `s${i}`, name: `S${i}`, label: 'partner', side: 'external' }));
    const nearlyFull = { ...base(), stakeholders: [...base().stakeholders, ...many] }; // room for one more
    const refused = duplicateStakeholders(nearlyFull, ['a', 'b'], { x: 0, y: 0 });
    expect(refused.map).toBe(nearlyFull);
    expect(refused.passed).toBe('stakeholders');
    expect(duplicateStakeholders(nearlyFull, ['a'], { x: 0, y: 0 }).map.stakeholders).toHaveLength(LIMITS.stakeholders);
  });
});

describe('ids', () => {
  it('uniqueId is prefix + counter, skipping taken ids', () => {
    expect(uniqueId('s', () => false)).toBe('s1');
    const taken = new Set(['s1', 's2']);
    expect(uniqueId('s', (id) => taken.has(id))).toBe('s3');
  });

  it('uniqueId always gives a valid id, never us, whatever the prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), fc.array(fc.nat({ max: 30 })), (prefix, takenCounts) => {
        const taken = new Set(takenCounts.map((n) => `${prefix}${n}`));
        const id = uniqueId(prefix, (c) => taken.has(c));
        expect(id).toMatch(ID_PATTERN);
        expect(id).not.toBe('us');
        expect(taken.has(id)).toBe(false);
      }),
    );
    expect(uniqueId('x'.repeat(100), () => false)).toBe(`${'x'.repeat(63)}1`);
    expect(uniqueId('new stakeholder!', () => false)).toBe('new-stakeholder-1');
  });

  it('nextStakeholderId and nextRelationId look only at their own kind', () => {
    const map = base();
    expect(nextStakeholderId(map, 'r')).toBe('r1'); // r1 is a relation id: fine for a stakeholder
    expect(nextRelationId(map)).toBe('r4');
    expect(nextStakeholderId(map)).toBe('s1');
  });
});

describe('edits keep a valid map valid', () => {
  const id = fc.constantFrom('a', 'b', 'c', 'd', 'us', 'ghost', 'r1', '');
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', ' ', 'x'.repeat(201)));
  const point = fc.record({ x: fc.oneof(fc.integer(), fc.constant(NaN)), y: fc.integer() });
  const edit = fc.oneof(
    fc.record({ id, name: text, label: fc.constantFrom(...LABELS), side: fc.constantFrom(...SIDES) }).map((s) => (m: StakeMap) => addStakeholder(m, s)),
    fc.tuple(id, text).map(([i, name]) => (m: StakeMap) => updateStakeholder(m, i, { name, notes: name })),
    fc.tuple(id, id, fc.constantFrom(...KINDS), id).map(([from, to, kind, rid]) => (m: StakeMap) => connect(m, { id: `${rid}x`, from, to, kind })),
    fc.tuple(id, point).map(([i, position]) => (m: StakeMap) => moveStakeholders(m, [{ id: i, position }])),
    fc.array(id).map((ids) => (m: StakeMap) => deleteElements(m, { stakeholders: ids.slice(0, 1), relations: ids })),
    fc.array(id).map((ids) => (m: StakeMap) => duplicateStakeholders(m, ids, { x: 10, y: 10 }).map),
    text.map((t) => (m: StakeMap) => setDefinitionNote(setTitle(renameOrganization(m, t), t), t)),
    id.map((i) => (m: StakeMap) => reverseRelation(m, i)),
  );

  it('any sequence of edits serializes to a file that parses back to the same map', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const map = edits.reduce((m, e) => e(m), base());
        expect(mustParse(serializeMap(map))).toEqual(map);
      }),
      { numRuns: 150 }, // ~0.4 s on a loaded 2-core machine
    );
  });
});
