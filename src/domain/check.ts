// The map checker: facts → role → rules → findings in the order of docs/RULES.md.
// Pure and deterministic: the same map and definition give the same findings.
import { isolateText } from './bidi';
import { Chains } from './chains';
import { yearlyValue } from './relationship';
import { rankValues } from './value-rank';
import { computeFacts, FACT, FACT_BITS, INCOMING_FACTS, type FactBits, type MapFacts } from './facts';
import { listFirst, messageOf, whyOf, type Words } from './messages';
import { definitionOf, LABELS, ORG_ID, type Definition, type Depth, type Label, type StakeMap, type Stakeholder } from './model';
import { assertDefinition, countsAsCustomer, roleOf, type Role } from './roles';
import { ISOLATED_RULES, MAP_RULES, rulesByLabel, type Hit, type MapSubject, type RuleId, type Severity, type StakeholderRule } from './rules';

export type { RuleId, Severity } from './rules';
export { RULE_IDS, SEVERITIES } from './rules';
export { DEFINITION_INFO, ROLE_INFO, ROLES, type DefinitionInfo, type Role, type RoleInfo } from './roles';
export { FACT, FACT_NAMES, factNames, hasFact, type FactBits, type FactName } from './facts';
export { customerSentence, customerSummary, stakeholderViews, type CustomerSummary, type StakeholderView } from './summary';

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The stakeholder's id; null for findings about the whole map. */
  readonly stakeholder: string | null;
  /** The label one click applies, or null. */
  readonly suggestedLabel: Label | null;
  readonly message: string;
  readonly why: string;
  /** Ids of the relations to highlight, in file order. */
  readonly evidence: readonly string[];
}

interface MutableSubject {
  stakeholder: Stakeholder;
  facts: FactBits;
  role: Role;
  counts: boolean;
  definition: Definition;
  topValue: number | null;
}

const byRule = (a: Hit, b: Hit): number => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
const NO_RULES: readonly never[] = [];
const RULES_BY_LABEL = rulesByLabel();
type Rules = readonly StakeholderRule[];
const LABEL_RULES = Object.fromEntries(LABELS.map((label) => [label, RULES_BY_LABEL.get(label) ?? NO_RULES])) as Record<Label, Rules>;

/** The rules for a label (a plain record: cheaper than a Map lookup, asked once per stakeholder). */
function rulesFor(label: Label): Rules {
  return LABEL_RULES[label] ?? NO_RULES;
}

/**
 * Every finding for the map, under `definition` (default: the map's own, then
 * `user`). Throws an Error for a definition that docs/RULES.md does not list.
 */
export function checkMap(map: StakeMap, definition?: Definition): Finding[] {
  const def = assertDefinition(definition ?? definitionOf(map));
  return findingsOf(map, def, computeFacts(map));
}

/** checkMap with the map's facts already computed (by analyzeMap, which shares them). */
export function findingsOf(map: StakeMap, def: Definition, facts: MapFacts): Finding[] {
  const { stakeholders } = map;
  const bits = facts.bits;
  const found: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  const hits: Hit[] = [];
  const rank = rankValues(map, bits, def);
  const words = new FindingWords(map, facts, def, rank.valued);
  let customers = 0;
  // One subject, refilled for each stakeholder before its rules read it.
  const subject: MutableSubject = { stakeholder: stakeholders[0]!, facts: 0, role: 'unreached', counts: false, definition: def, topValue: rank.top };

  for (let i = 0; i < stakeholders.length; i++) {
    const s = stakeholders[i]!;
    const b = bits[i]! & FACT_BITS;
    const role = roleOf(b);
    const counts = countsAsCustomer(b, role, def);
    if (counts) customers++;
    // Isolated stakeholders get only `isolated`: there is nothing yet to judge.
    const rules = b & FACT.isolated ? ISOLATED_RULES : rulesFor(s.label);
    if (rules.length === 0) continue;
    subject.stakeholder = s;
    subject.facts = b;
    subject.role = role;
    subject.counts = counts;
    let hitCount = 0;
    for (let k = 0; k < rules.length; k++) {
      const h = rules[k]!.check(subject);
      if (h !== null) hits[hitCount++] = h;
    }
    if (hitCount === 1) {
      found[hits[0]!.severity].push(stakeholderFinding(words, subject, i, hits[0]!));
    } else if (hitCount > 1) {
      for (const h of hits.slice(0, hitCount).sort(byRule)) found[h.severity].push(stakeholderFinding(words, subject, i, h));
    }
  }

  const mapSubject: MapSubject = {
    stakeholders: stakeholders.length,
    relations: map.relations.length,
    offerings: facts.offerings,
    customers,
    definition: def,
  };
  const mapFound: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  const mapHits: Hit[] = [];
  for (const rule of MAP_RULES) {
    const h = rule.check(mapSubject);
    if (h !== null) mapHits.push(h);
  }
  for (const h of mapHits.sort(byRule)) mapFound[h.severity].push(mapFinding(words, h));

  return mapFound.error.concat(found.error, mapFound.warning, found.warning, mapFound.info, found.info);
}

/**
 * The Words of one finding at a time. The checker points it at a stakeholder
 * and reads the message at once, so one instance serves a whole run: the
 * stakeholder's evidence is walked once into scratch arrays, and names, notes
 * and evidence ids filter that copy. Every text from the map it hands a
 * message is isolated (bidi.ts), so a name cannot reorder the sentence around it.
 */
class FindingWords implements Words {
  name = '';
  label: Label | null = null;
  role: Role | null = null;
  counts = false;
  facts: FactBits = 0;
  depth: Depth | undefined = undefined;
  yearly: number | undefined = undefined;
  readonly currency: string | undefined;
  readonly org: string;
  // The current stakeholder's evidence, last relation first: relation position and fact bit.
  private readonly rels: number[] = [];
  private readonly factOf: number[] = [];
  private size = 0;
  private readonly picked: string[] = [];
  private position = -1;
  private chainsCache: Chains | null = null;

  constructor(
    private readonly map: StakeMap,
    private readonly mapFacts: MapFacts,
    readonly definition: Definition,
    readonly valued: number,
  ) {
    this.org = isolateText(map.organization.name);
    this.currency = map.currency;
  }

  about(subject: MutableSubject | null, position: number): this {
    const s = subject?.stakeholder;
    this.name = s ? isolateText(s.name) : '';
    this.label = s?.label ?? null;
    this.role = subject?.role ?? null;
    this.counts = subject?.counts ?? false;
    this.facts = subject?.facts ?? 0;
    this.position = position;
    this.depth = s?.depth;
    this.yearly = s ? yearlyValue(s) : undefined;
    // The list runs from the last relation to the first; readers go backwards.
    // A relation from S to S would come twice in a row: its facts are merged.
    const { heads, next, slots } = this.mapFacts;
    let size = 0;
    for (let e = position < 0 ? 0 : heads[position]!; e !== 0; e = next[e - 1]!) {
      const r = (e - 1) >> 1;
      if (size > 0 && this.rels[size - 1] === r) {
        this.factOf[size - 1] = this.factOf[size - 1]! | (1 << slots[e - 1]!);
        continue;
      }
      this.rels[size] = r;
      this.factOf[size++] = 1 << slots[e - 1]!;
    }
    this.size = size;
    return this;
  }

  /** Ids of the relations behind any of the facts in `mask`, in file order. */
  evidenceIds(mask: FactBits): string[] {
    // Sized first: a pushed-to array reserves room for 17 ids, and findings are many.
    let count = 0;
    for (let k = 0; k < this.size; k++) if (this.factOf[k]! & mask) count++;
    const ids = new Array<string>(count);
    const relations = this.map.relations;
    let at = 0;
    for (let k = this.size - 1; k >= 0; k--) if (this.factOf[k]! & mask) ids[at++] = relations[this.rels[k]!]!.id;
    return ids;
  }

  others(fact: FactBits): string {
    const relations = this.map.relations;
    const picked = this.picked;
    let count = 0;
    for (let k = this.size - 1; k >= 0; k--) {
      if (!(this.factOf[k]! & fact)) continue;
      const rel = relations[this.rels[k]!]!;
      count = pick(picked, count, this.partyName(fact & INCOMING_FACTS ? rel.from : rel.to));
    }
    return listFirst(picked, count);
  }

  notes(fact: FactBits): string {
    const relations = this.map.relations;
    const picked = this.picked;
    let count = 0;
    for (let k = this.size - 1; k >= 0; k--) {
      if (!(this.factOf[k]! & fact)) continue;
      const note = relations[this.rels[k]!]!.note?.trim();
      if (note) count = pick(picked, count, isolateText(note));
    }
    return listFirst(picked, count);
  }

  usersOfPayments(): string {
    return this.position < 0 ? '' : this.namesAt(this.chains().usersOfPayments(this.position));
  }

  payersOfUse(): string {
    return this.position < 0 ? '' : this.namesAt(this.chains().payersOfUse(this.position));
  }

  offersInside(): boolean {
    return this.position >= 0 && this.chains().offersInside(this.position);
  }

  having(fact: FactBits): string {
    const found: number[] = [];
    const bits = this.mapFacts.bits;
    for (let i = 0; i < bits.length; i++) if (bits[i]! & fact) found.push(i);
    return this.namesAt(found);
  }

  private namesAt(positions: readonly number[]): string {
    const picked = this.picked;
    let count = 0;
    for (const i of positions) count = pick(picked, count, isolateText(this.map.stakeholders[i]!.name));
    return listFirst(picked, count);
  }

  private chains(): Chains {
    return (this.chainsCache ??= new Chains(this.map, this.mapFacts));
  }

  private partyName(id: string): string {
    if (id === ORG_ID) return this.org;
    const i = this.mapFacts.index.get(id);
    return i === undefined ? 'someone not on the map' : isolateText(this.map.stakeholders[i]!.name);
  }
}

/** Adds `text` to the first `count` entries of `list` unless already there; the new count. */
function pick(list: string[], count: number, text: string): number {
  for (let k = 0; k < count; k++) if (list[k] === text) return count;
  list[count] = text;
  return count + 1;
}

function stakeholderFinding(words: FindingWords, subject: MutableSubject, i: number, h: Hit): Finding {
  words.about(subject, i);
  return {
    rule: h.rule,
    severity: h.severity,
    stakeholder: subject.stakeholder.id,
    suggestedLabel: h.suggestedLabel,
    message: messageOf(h.rule, words),
    why: whyOf(h.rule, words),
    evidence: h.evidence === 0 ? [] : words.evidenceIds(h.evidence),
  };
}

function mapFinding(words: FindingWords, h: Hit): Finding {
  words.about(null, -1);
  const message = messageOf(h.rule, words);
  return { rule: h.rule, severity: h.severity, stakeholder: null, suggestedLabel: h.suggestedLabel, message, why: whyOf(h.rule, words), evidence: [] };
}
