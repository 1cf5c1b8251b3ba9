import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMap, customerSummary, stakeholderViews, type Finding } from '../../../src/domain/check';
import { generateMap } from '../../../src/domain/generate';
import { DEFINITIONS, KINDS, LABELS, SIDES, type Definition } from '../../../src/domain/model';
import { mapOf, rels, sh } from './helpers';

const brief = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.stakeholder ?? '-'}`);
const RANK = { error: 0, warning: 1, info: 2 } as const;

describe('checkMap', () => {
  it('orders by severity, map findings first, then file position, not id or name', () => {
    const map = mapOf(
      [sh('b', 'customer', 'internal', 'Zed team'), sh('A', 'customer'), sh('a', 'colleague'), sh('lonely')],
      rels('us support b', 'A referral us', 'a insight us'),
    );
    expect(brief(checkMap(map))).toEqual([
      'error no-customer -',
      'warning customer-is-colleague b',
      'warning customer-is-referrer A',
      'warning colleague-is-external a',
      'info no-offering-flow -',
      'info isolated lonely',
    ]);
  });

  it('keeps the order invariant on any map: severity, map first by rule, then position, then rule by char code', () => {
    const ids = ['s0', 's1', 's2', 's3', 'us'];
    const arbitraryMap = fc
      .record({
        people: fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...SIDES)), { minLength: 4, maxLength: 4 }),
        links: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...KINDS), fc.constantFrom(...ids)), { maxLength: 12 }),
        definition: fc.constantFrom(...DEFINITIONS),
      })
      .map(({ people, links, definition }) => ({
        map: mapOf(
          people.map(([label, side], k) => sh(`s${k}`, label, side)),
          rels(...links.filter(([f, , t]) => f !== t).map(([f, k, t]) => `${f} ${k} ${t}`)),
        ),
        definition,
      }));
    fc.assert(
      fc.property(arbitraryMap, ({ map, definition }) => {
        const found = checkMap(map, definition);
        const key = (f: Finding) => [RANK[f.severity], f.stakeholder === null ? -1 : Number(f.stakeholder.slice(1)), f.rule] as const;
        for (let k = 1; k < found.length; k++) {
          const [a, b] = [key(found[k - 1]!), key(found[k]!)];
          const ordered = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
          expect(ordered).toBe(true);
        }
        // Isolated stakeholders get only `isolated`.
        for (const s of map.stakeholders) {
          const isolated = !map.relations.some((r) => r.from === s.id || r.to === s.id);
          const mine = found.filter((f) => f.stakeholder === s.id).map((f) => f.rule);
          if (isolated) expect(mine).toEqual(['isolated']);
          else expect(mine).not.toContain('isolated');
        }
      }),
    );
  });

  it('gives an isolated stakeholder only `isolated`, even an external colleague', () => {
    const map = mapOf([sh('c', 'colleague', 'external'), sh('d', 'customer')], rels('us offering d'));
    expect(brief(checkMap(map))).toEqual(['info isolated c']);
  });

  it('uses the map\u2019s definition, which a definition passed in overrides', () => {
    const map = mapOf([sh('d', 'customer'), sh('e')], rels('us offering d', 'd offering e'), 'payer');
    expect(brief(checkMap(map))).toEqual(['error no-customer -', 'warning customer-is-partner d']);
    expect(brief(checkMap(map, 'user'))).toEqual(['warning customer-is-partner d', 'info hidden-customer e']);
    expect(brief(checkMap(map, 'served'))).toEqual(['info hidden-customer e']);
    expect(checkMap({ ...map, definition: undefined })).toEqual(checkMap(map, 'user'));
  });

  it('throws a clear Error for an unknown definition, passed in or on the map', () => {
    const map = mapOf([sh('d', 'customer')], rels('us offering d'));
    expect(() => checkMap(map, 'buyer' as Definition)).toThrow(/Unknown definition of customer "buyer".*user, payer, served/);
    expect(() => checkMap({ ...map, definition: 'everyone' as Definition })).toThrow(Error);
  });

  it('works with ids like __proto__ and constructor', () => {
    const map = mapOf(
      [sh('__proto__', 'customer', 'external', 'Proto Traders'), sh('constructor', 'other', 'external', 'Builders')],
      rels('us offering __proto__', '__proto__ offering constructor', 'constructor money __proto__', '__proto__ money us'),
    );
    const found = checkMap(map);
    expect(brief(found)).toEqual(['warning customer-is-partner __proto__', 'info hidden-customer constructor']);
    expect(found[0]!.message).toContain('Proto Traders');
    expect(found[0]!.message).toContain('Builders');
  });

  it('points at the relations behind a finding', () => {
    const map = mapOf([sh('adv', 'customer'), sh('holder')], rels('r1: us offering holder', 'r2: holder money us', 'r3: us money adv Commission', 'r4: adv advice holder'));
    const [finding] = checkMap(map);
    expect(finding).toMatchObject({ rule: 'customer-is-intermediary', evidence: ['r3'] });
  });

  it('is deterministic and leaves the map alone', () => {
    const map = generateMap({ stakeholders: 300, relations: 1200, seed: 3 });
    const before = JSON.stringify(map);
    expect(checkMap(map)).toEqual(checkMap(structuredClone(map)));
    expect(JSON.stringify(map)).toBe(before);
  });

  it('finds nothing on an empty map', () => {
    expect(checkMap(mapOf([]))).toEqual([]);
    expect(brief(checkMap(mapOf([sh('a')])))).toEqual(['info no-offering-flow -', 'info isolated a']);
  });
});

describe('customerSummary and stakeholderViews', () => {
  const map = mapOf(
    [sh('d', 'customer'), sh('g', 'client'), sh('f'), sh('t', 'customer', 'internal')],
    rels('us offering d', 'd offering g', 'g offering f', 'd money us', 'g money d', 'f money g', 'us support t'),
  );

  it('counts who is called a customer and who counts as one', () => {
    expect(customerSummary(map, 'user')).toEqual({ calledCustomers: 3, countedCustomers: 1, calledAndCounted: 0 });
    expect(customerSummary(map, 'payer')).toEqual({ calledCustomers: 3, countedCustomers: 3, calledAndCounted: 2 });
    expect(customerSummary(map, 'served')).toEqual({ calledCustomers: 3, countedCustomers: 4, calledAndCounted: 3 });
    expect(() => customerSummary(map, 'nobody' as Definition)).toThrow(Error);
  });

  it('tells the role of each stakeholder by id', () => {
    const views = stakeholderViews(map);
    expect([...views].map(([id, v]) => `${id}:${v.role}:${v.countsAsCustomer}`)).toEqual([
      'd:partner:false',
      'g:partner:false',
      'f:end-user:true',
      't:colleague:false',
    ]);
  });
});
