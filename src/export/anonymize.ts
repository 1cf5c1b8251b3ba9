// Anonymized exports, for sharing a workshop result outside the room: every
// stakeholder is called by its label and a number ("Partner 2"), counted per
// label in file order, so the same map always gives the same names. Notes are
// free text that may name people, so they are left out too. The map passed in
// is never changed: a new one is returned.
import { LABELS, type Label, type Relation, type StakeMap, type Stakeholder } from '../domain';
import { LABEL_STYLE } from '../drawing/theme';

export function anonymousNames(map: StakeMap): Map<string, string> {
  const counters = new Map<Label, number>(LABELS.map((l) => [l, 0]));
  const names = new Map<string, string>();
  for (const s of map.stakeholders) {
    const n = (counters.get(s.label) ?? 0) + 1;
    counters.set(s.label, n);
    names.set(s.id, `${LABEL_STYLE[s.label].title} ${n}`);
  }
  return names;
}

export function anonymize(map: StakeMap): StakeMap {
  const names = anonymousNames(map);
  const stakeholders = map.stakeholders.map((s): Stakeholder => {
    const copy: { -readonly [K in keyof Stakeholder]: Stakeholder[K] } = { ...s, name: names.get(s.id)! };
    delete copy.notes;
    return copy;
  });
  const relations = map.relations.map((r): Relation => {
    const copy: { -readonly [K in keyof Relation]: Relation[K] } = { ...r };
    delete copy.note;
    return copy;
  });
  return { ...map, stakeholders, relations };
}
