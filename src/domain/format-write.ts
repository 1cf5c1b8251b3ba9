// Writing a map as docs/FORMAT.md says (reading is in format.ts). Kept apart so
// that what writes maps does not load the zod schema that reading files uses.
import { FORMAT_VERSION, RELATIONSHIP_FIELDS, type Position, type StakeMap, type Vote } from './model';

/**
 * Writes a map as docs/FORMAT.md says: only its fields, in its order, two-space
 * indented, one final newline. Absent optional fields stay absent.
 */
export function serializeMap(map: StakeMap): string {
  const org: Record<string, unknown> = { name: map.organization.name };
  putPosition(org, map.organization.position);
  const file: Record<string, unknown> = { format: 'stakemap', version: FORMAT_VERSION, title: map.title };
  put(file, 'definition', map.definition);
  put(file, 'definitionNote', map.definitionNote);
  put(file, 'currency', map.currency);
  file.organization = org;
  file.stakeholders = map.stakeholders.map((s) => {
    const out: Record<string, unknown> = { id: s.id, name: s.name, label: s.label, side: s.side };
    put(out, 'notes', s.notes);
    for (const field of RELATIONSHIP_FIELDS) put(out, field, s[field]);
    putPosition(out, s.position);
    return out;
  });
  file.relations = map.relations.map((r) => {
    const out: Record<string, unknown> = { id: r.id, from: r.from, to: r.to, kind: r.kind };
    put(out, 'note', r.note);
    return out;
  });
  if (map.votes && map.votes.length > 0) file.votes = map.votes.map(writeVote);
  if (map.breakouts && map.breakouts.teams.length > 0) {
    file.breakouts = {
      teams: map.breakouts.teams.map((t) => ({ id: t.id, team: t.team, map: withoutHeader(t.map) })),
      matches: map.breakouts.matches.map((m) => ({ members: m.members.map((x) => ({ team: x.team, stakeholder: x.stakeholder })) })),
    };
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

function writeVote(v: Vote): Record<string, unknown> {
  const ballots = v.ballots.map((b) => {
    const out: Record<string, unknown> = { voter: b.voter };
    if (v.named) put(out, 'name', b.name);
    out.answers = b.answers.map((a) => {
      const answer: Record<string, unknown> = { stakeholder: a.stakeholder, label: a.label };
      put(answer, 'primary', a.primary);
      return answer;
    });
    return out;
  });
  return { id: v.id, stakeholders: [...v.stakeholders], named: v.named, askPrimary: v.askPrimary, state: v.state, startedAt: v.startedAt, ballots };
}

/** A team's map as written in a file, without `format` and `version` (the enclosing file has them). */
function withoutHeader(map: StakeMap): Record<string, unknown> {
  const file = JSON.parse(serializeMap(map)) as Record<string, unknown>;
  delete file.format;
  delete file.version;
  return file;
}

function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}

function putPosition(target: Record<string, unknown>, p: Position | undefined): void {
  if (p) target.position = { x: p.x, y: p.y };
}
