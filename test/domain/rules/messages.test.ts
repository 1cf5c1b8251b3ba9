import { describe, expect, it } from 'vitest';
import { checkMap, RULE_IDS, type RuleId } from '../../../src/domain/check';
import { listFirst, listNames } from '../../../src/domain/messages';
import type { Definition, Label, Side, StakeMap, Stakeholder } from '../../../src/domain/model';
import { mapOf, ORG, rels, sh } from './helpers';

// Ids that never read as words, names that never contain ids.
const T = 'id-target-7';
const O = 'id-other-8';
const TEAM = 'id-team-9';
const TARGET = 'Harbor Foods';
const OTHER = 'Quayside Market';
const TEAM_NAME = 'Field sales';

function scene(label: Label, relations: string[], definition: Definition = 'user', side: Side = 'external'): StakeMap {
  const expand = (r: string) => r.replace(/\bT\b/g, T).replace(/\bO\b/g, O).replace(/\bTEAM\b/g, TEAM);
  return mapOf(
    [sh(T, label, side, TARGET), sh(O, 'partner', 'external', OTHER), sh(TEAM, 'colleague', 'internal', TEAM_NAME)],
    rels(...relations.map(expand)),
    definition,
  );
}

/** The scene with the target's relationship fields set. */
function withTarget(map: StakeMap, fields: Partial<Stakeholder>): StakeMap {
  return { ...map, stakeholders: map.stakeholders.map((s) => (s.id === T ? { ...s, ...fields } : s)) };
}

/** A map on which each rule fires for the target (or, for map rules, the map). */
const SCENES: Record<RuleId, StakeMap> = {
  'customer-is-colleague': scene('customer', ['TEAM support T'], 'user', 'internal'),
  'customer-is-partner': scene('customer', ['us offering T', 'T offering O', 'O money T']),
  'customer-is-end-user': scene('client', ['us offering T', 'O money us'], 'payer'),
  'customer-is-supplier': scene('customer', ['T supply us Brochures', 'us money T']),
  'customer-is-intermediary': scene('customer', ['us money T Commission', 'us offering O']),
  'customer-is-payer': scene('customer', ['T money O', 'O offering us']),
  'customer-is-referrer': scene('client', ['T referral us', 'us offering O']),
  'customer-unreached': scene('customer', ['T insight us', 'us offering O']),
  'hidden-customer': scene('other', ['us offering O', 'O offering T']),
  'partner-hides-customers': scene('partner', ['us offering T', 'T money us']),
  'colleague-is-external': scene('colleague', ['us offering O', 'T supply TEAM Ads']),
  'client-without-advice': scene('client', ['us offering T', 'T money us']),
  'customer-is-client': scene('customer', ['us offering T', 'TEAM advice T']),
  'client-customers-unmapped': scene('client', ['us offering T', 'us advice T']),
  'client-at-first-step': withTarget(scene('client', ['us offering T', 'us advice T', 'T serves O']), { depth: 1 }),
  'customer-could-be-client': withTarget(scene('customer', ['us offering T']), { depth: 3, value: 5000 }),
  isolated: scene('customer', ['us offering O']),
  'no-offering-flow': scene('customer', ['T money us']),
  'no-customer': scene('customer', ['T insight us']),
};

describe('messages', () => {
  it.each(RULE_IDS)('%s: plain words that name the stakeholder and what the map shows, never ids', (rule) => {
    const finding = checkMap(SCENES[rule]).find((f) => f.rule === rule);
    expect(finding, `no ${rule} in the scene`).toBeDefined();
    const { message, why, stakeholder } = finding!;
    for (const id of [T, O, TEAM]) {
      expect(message).not.toContain(id);
      expect(why).not.toContain(id);
    }
    if (stakeholder !== null) expect(message).toContain(TARGET);
    expect(why).toMatch(/^[A-Z].*\.$/);
    expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('names the parties at the far end, and relation notes', () => {
    const text = (rule: RuleId) => checkMap(SCENES[rule]).find((f) => f.rule === rule)!.message;
    expect(text('customer-is-partner')).toContain(`${TARGET} passing your offering on to ${OTHER}`);
    expect(text('customer-is-intermediary')).toContain(`${ORG} paying ${TARGET} (Commission)`);
    expect(text('customer-is-supplier')).toContain(`supplying ${ORG} (Brochures)`);
    expect(text('customer-is-client')).toContain(`${TEAM_NAME} advising ${TARGET}`);
    expect(text('colleague-is-external')).toContain(`supplying ${TEAM_NAME} (Ads)`);
    expect(text('hidden-customer')).toContain(`from ${OTHER}`);
  });

  it('words differ from rule to rule', () => {
    const messages = RULE_IDS.map((rule) => checkMap(SCENES[rule]).find((f) => f.rule === rule)!.why);
    expect(new Set(messages).size).toBeGreaterThanOrEqual(RULE_IDS.length - 3);
  });

  it('shows text from the map as text, exactly as written', () => {
    const names = ['<img src=x onerror=alert(1)>', '$& and $1 and ${name}', 'Ünïcødé 😀 “quoted”'];
    for (const name of names) {
      const map = mapOf([sh('d', 'customer', 'external', name), sh('e', 'other', 'external', 'E')], rels('us offering d', 'd offering e'));
      const [finding] = checkMap(map);
      expect(finding!.message).toContain(name);
    }
  });

  it('mentions each party once, and summarises long lists', () => {
    const map = mapOf(
      [sh('d', 'customer', 'external', 'Dist'), ...['A', 'B', 'C', 'D', 'E'].map((n) => sh(n, 'partner', 'external', `Shop ${n}`))],
      rels('us offering d', 'd offering A', 'd offering A', 'd offering B', 'd offering C', 'd offering D', 'd offering E'),
    );
    expect(checkMap(map)[0]!.message).toContain('on to Shop A, Shop B, Shop C and 2 others:');
  });

  it('listNames joins plainly', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listNames(['A', 'B', 'C', 'D'])).toBe('A, B, C and 1 other');
  });

  it('listFirst lists only the first names of a longer array, as listNames would', () => {
    const scratch = ['A', 'B', 'C', 'D', 'E', 'stale'];
    for (let count = 0; count <= 5; count++) expect(listFirst(scratch, count)).toBe(listNames(scratch.slice(0, count)));
    expect(listFirst(scratch, 5)).toBe('A, B, C and 2 others');
  });
});
