// Writing a map as docs/FORMAT.md says (reading is in format.ts). Kept apart so
// that what writes maps does not load the zod schema that reading files uses.
import { FORMAT_VERSION, type Position, type StakeMap } from './model';

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
  file.organization = org;
  file.stakeholders = map.stakeholders.map((s) => {
    const out: Record<string, unknown> = { id: s.id, name: s.name, label: s.label, side: s.side };
    put(out, 'notes', s.notes);
    putPosition(out, s.position);
    return out;
  });
  file.relations = map.relations.map((r) => {
    const out: Record<string, unknown> = { id: r.id, from: r.from, to: r.to, kind: r.kind };
    put(out, 'note', r.note);
    return out;
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}

function putPosition(target: Record<string, unknown>, p: Position | undefined): void {
  if (p) target.position = { x: p.x, y: p.y };
}
