// Tiny maps for rule tests: stakeholders by id, relations as "from kind to".
import { computeFacts, factsOf, type FactBits } from '../../../src/domain/facts';
import type { Definition, Kind, Label, Relation, Side, StakeMap, Stakeholder } from '../../../src/domain/model';
import { countsAsCustomer, roleOf } from '../../../src/domain/roles';
import { rankValues } from '../../../src/domain/value-rank';
import type { Subject } from '../../../src/domain/rules';

export const ORG = 'Acme Org';

/** A stakeholder whose name is never its id, so messages can be checked for names. */
export function sh(id: string, label: Label = 'other', side: Side = 'external', name?: string): Stakeholder {
  return { id, label, side, name: name ?? `Name of ${id}` };
}

/** `"a money us"` → a relation; ids r1, r2… in order unless given as `"r9: a money us"`. */
export function rels(...specs: string[]): Relation[] {
  return specs.map((spec, k) => {
    const [head, body] = spec.includes(':') ? spec.split(/:\s*/, 2) : [`r${k + 1}`, spec];
    const [from, kind, to, ...note] = body!.split(' ');
    const relation: Relation = { id: head!, from: from!, kind: kind as Kind, to: to! };
    return note.length ? { ...relation, note: note.join(' ') } : relation;
  });
}

export function mapOf(stakeholders: Stakeholder[], relations: Relation[] = [], definition?: Definition): StakeMap {
  return {
    title: 'Test map',
    ...(definition ? { definition } : {}),
    organization: { name: ORG },
    stakeholders,
    relations,
  };
}

export function factsFor(map: StakeMap, id: string): FactBits {
  const bits = factsOf(computeFacts(map), id);
  if (bits === undefined) throw new Error(`no stakeholder ${id}`);
  return bits;
}

/** The rules' view of one stakeholder. */
export function subjectOf(map: StakeMap, id: string, definition: Definition = 'user'): Subject {
  const facts = factsFor(map, id);
  const role = roleOf(facts);
  return {
    stakeholder: map.stakeholders.find((s) => s.id === id)!,
    facts,
    role,
    counts: countsAsCustomer(facts, role, definition),
    definition,
    topValue: rankValues(map, computeFacts(map).bits, definition).top,
  };
}
