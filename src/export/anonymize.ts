// Anonymized exports, for sharing a workshop result outside the room: every
// stakeholder is called by its label and a number ("Partner 2"), counted per
// label in file order, so the same map always gives the same names. Notes are
// free text that may name people, so they are left out too, as are votes
// (named ballots). Breakout teams' maps are anonymized the same way. Unless
// asked to keep them, the title, the organization's name and the team's own
// words for its definition go too (in every team's map as well): each can
// identify the organization. The map passed in is never changed.
import { LABELS, nameKey, type Breakouts, type Label, type Relation, type StakeMap, type Stakeholder } from '../domain';
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
  const out: { -readonly [K in keyof StakeMap]: StakeMap[K] } = withNames(map, names, keepContext);
  delete out.votes;
  if (map.breakouts) out.breakouts = anonymizeBreakouts(map, names, keepContext);
  return out;
}

/**
 * Breakout teams' maps name stakeholders too. A team's stakeholder takes the
 * anonymous name of the map's stakeholder of the same name (compare-names.ts),
 * or "Stakeholder n" shared by every team that wrote that name: the comparison
 * of the anonymized file still matches what the teams matched.
 */
function anonymizeBreakouts(map: StakeMap, names: ReadonlyMap<string, string>, keepContext: boolean): Breakouts {
  const byKey = new Map<string, string>();
  for (const s of map.stakeholders) {
    const key = nameKey(s.name);
    if (!byKey.has(key)) byKey.set(key, names.get(s.id)!);
  }
  let others = 0;
  const { teams, matches } = map.breakouts!;
  return {
    teams: teams.map((team) => {
      const teamNames = new Map<string, string>();
      for (const s of team.map.stakeholders) {
        const key = nameKey(s.name);
        let name = byKey.get(key);
        if (name === undefined) byKey.set(key, (name = `Stakeholder ${++others}`));
        teamNames.set(s.id, name);
      }
      return { ...team, map: withNames(team.map, teamNames, keepContext) };
    }),
    matches,
  };
}

function withNames(map: StakeMap, names: ReadonlyMap<string, string>, keepContext: boolean): StakeMap {
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
  if (!keepContext) {
    out.title = ANONYMOUS_TITLE;
    out.organization = { ...map.organization, name: ANONYMOUS_ORGANIZATION };
    delete out.definitionNote;
  }
  return out;
}
