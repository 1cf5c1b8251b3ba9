// Reads the worked examples of docs/RULES.md: fenced blocks tagged
// `stakemap-example`, written so a reader can follow them and a test can run them.
//
//   organization: Brightfoods                      (optional; "Acme" by default)
//   definition: payer                              (optional; the map's own otherwise)
//   National distributor: customer, external       (a stakeholder: name: label, side)
//   Hospital: customer, external, depth 3, value 90000   (…with relationship fields, any of format version 3)
//   us -offering-> National distributor "Cereal"   (a relation, with an optional note)
//   finds: customer-is-partner (warning) on National distributor, suggests partner
//   finds: nothing
import { DEFINITIONS, KINDS, LABELS, RELATIONSHIP_FIELDS, SIDES, type Definition, type Kind, type Label, type Relation, type Side, type StakeMap, type Stakeholder } from '../../src/domain';

export interface Example {
  readonly line: number;
  readonly map: StakeMap;
  /** One line per finding, as written after `finds: ` (none for `finds: nothing`). */
  readonly finds: readonly string[];
}

const FENCE = /^```stakemap-example\s*$/;
const STAKEHOLDER = new RegExp(`^(.+): (${LABELS.join('|')}), (${SIDES.join('|')})((?:, \\w+ [\\d.]+)*)$`);
const RELATION = new RegExp(`^(.+) -(${KINDS.join('|')})-> (.+?)(?: "([^"]*)")?$`);

export function readExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!)) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    examples.push(readExample(body, start));
  }
  return examples;
}

function readExample(body: readonly string[], line: number): Example {
  let organization = 'Acme';
  let definition: Definition | undefined;
  const stakeholders: Stakeholder[] = [];
  const relations: Relation[] = [];
  const finds: string[] = [];
  const ids = new Map<string, string>();
  const idOf = (name: string): string => {
    if (name === 'us') return 'us';
    const id = ids.get(name);
    if (!id) throw new Error(`example at line ${line}: "${name}" is not a stakeholder of the example`);
    return id;
  };
  for (const text of body) {
    if (text.trim() === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^organization: (.+)$/.exec(text))) organization = m[1]!;
    else if ((m = /^definition: (.+)$/.exec(text))) {
      if (!(DEFINITIONS as readonly string[]).includes(m[1]!)) throw new Error(`example at line ${line}: unknown definition ${m[1]}`);
      definition = m[1] as Definition;
    } else if ((m = /^finds: (.+)$/.exec(text))) {
      if (m[1] !== 'nothing') finds.push(m[1]!);
    } else if ((m = RELATION.exec(text))) {
      const r: Relation = { id: `r${relations.length + 1}`, from: idOf(m[1]!), to: idOf(m[3]!), kind: m[2] as Kind };
      relations.push(m[4] === undefined ? r : { ...r, note: m[4] });
    } else if ((m = STAKEHOLDER.exec(text))) {
      const id = `s${stakeholders.length + 1}`;
      ids.set(m[1]!, id);
      const fields: Record<string, number> = {};
      for (const [, key, value] of (m[4] ?? '').matchAll(/, (\w+) ([\d.]+)/g)) {
        if (!(RELATIONSHIP_FIELDS as readonly string[]).includes(key!)) throw new Error(`example at line ${line}: unknown field ${key}`);
        fields[key!] = Number(value);
      }
      stakeholders.push({ id, name: m[1]!, label: m[2] as Label, side: m[3] as Side, ...fields });
    } else throw new Error(`example at line ${line}: cannot read ${JSON.stringify(text)}`);
  }
  const map: StakeMap = { title: 'Example', organization: { name: organization }, stakeholders, relations };
  return { line, map: definition ? { ...map, definition } : map, finds };
}
