// Anonymized exports, for sharing a workshop result outside the room: every
// stakeholder is called by its label and a number ("Partner 2"), counted per
// label in file order, so the same map always gives the same names. Notes are
// free text that may name people, so they are left out too, as are votes
// (named ballots) and breakout teams' maps (their own names). Unless asked to
// keep them, the title, the organization's name and the team's own words for
// its definition go too: each can identify the organization. The map passed
// in is never changed: a new one is returned.
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

export const ANONYMOUS_TITLE = 'Stakeholder map';
export const ANONYMOUS_ORGANIZATION = 'Our organization';

export function anonymize(map: StakeMap, { keepContext = false }: { keepContext?: boolean } = {}): StakeMap {
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
  const out: { -readonly [K in keyof StakeMap]: StakeMap[K] } = { ...map, stakeholders, relations };
  delete out.votes;
  delete out.breakouts;
  if (!keepContext) {
    out.title = ANONYMOUS_TITLE;
    out.organization = { ...map.organization, name: ANONYMOUS_ORGANIZATION };
    delete out.definitionNote;
  }
  return out;
}
