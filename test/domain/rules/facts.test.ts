import { describe, expect, it } from 'vitest';
import {
  computeFacts,
  evidenceIds,
  FACT,
  FACT_NAMES,
  factNames,
  factsOf,
  hasFact,
} from '../../../src/domain/facts';
import { factsFor, mapOf, rels, sh } from './helpers';

const names = (map: Parameters<typeof factsFor>[0], id: string) => factNames(factsFor(map, id));

describe('facts', () => {
  it('internal follows the side', () => {
    const map = mapOf([sh('team', 'colleague', 'internal'), sh('shop')], rels('team insight shop'));
    expect(names(map, 'team')).toEqual(['internal']);
    expect(names(map, 'shop')).toEqual([]);
  });

  it('receivesOffering: an offering ends at S, whoever sends it', () => {
    const map = mapOf([sh('a'), sh('b')], rels('a offering b'));
    expect(hasFact(factsFor(map, 'b'), 'receivesOffering')).toBe(true);
    expect(hasFact(factsFor(map, 'a'), 'receivesOffering')).toBe(false);
  });

  it('passesOfferingOn: only to an external stakeholder, not to us or a colleague', () => {
    const map = mapOf(
      [sh('a'), sh('b'), sh('c'), sh('team', 'colleague', 'internal')],
      rels('a offering b', 'c offering us', 'c offering team'),
    );
    expect(hasFact(factsFor(map, 'a'), 'passesOfferingOn')).toBe(true);
    expect(hasFact(factsFor(map, 'c'), 'passesOfferingOn')).toBe(false);
  });

  it('paysForOffering: money to us or to a colleague', () => {
    const map = mapOf([sh('a'), sh('b'), sh('team', 'colleague', 'internal')], rels('a money us', 'b money team'));
    expect(hasFact(factsFor(map, 'a'), 'paysForOffering')).toBe(true);
    expect(hasFact(factsFor(map, 'b'), 'paysForOffering')).toBe(true);
  });

  it('paysForOffering: paying a shop for a toy that a child gets counts', () => {
    const map = mapOf([sh('parent'), sh('shop'), sh('child')], rels('parent money shop', 'shop offering child'));
    expect(hasFact(factsFor(map, 'parent'), 'paysForOffering')).toBe(true);
    // The shop starts an offering even though nothing shows it receiving one.
    expect(hasFact(factsFor(map, 'child'), 'paysForOffering')).toBe(false);
  });

  it('paysForOffering: premiums through a broker count, whatever order the relations come in', () => {
    const map = mapOf([sh('holder'), sh('broker')], rels('holder money broker', 'broker money us'));
    expect(hasFact(factsFor(map, 'holder'), 'paysForOffering')).toBe(true);
    const reversed = mapOf([sh('holder'), sh('broker')], rels('broker money us', 'holder money broker'));
    expect(hasFact(factsFor(reversed, 'holder'), 'paysForOffering')).toBe(true);
  });

  it('paysForOffering: paying an outsider who neither sells the offering nor pays us does not count', () => {
    const map = mapOf([sh('a'), sh('landlord'), sh('bank')], rels('a money landlord', 'landlord money bank'));
    expect(hasFact(factsFor(map, 'a'), 'paysForOffering')).toBe(false);
  });

  it('paidByUs and paidByOthers: who pays S', () => {
    const map = mapOf(
      [sh('agent'), sh('shop'), sh('buyer'), sh('team', 'colleague', 'internal')],
      rels('us money agent', 'team money shop', 'buyer money shop'),
    );
    expect(names(map, 'agent')).toEqual(['paidByUs']);
    expect(names(map, 'shop')).toEqual(['paidByUs', 'paidByOthers']);
  });

  it('suppliesUs, advisedByUs, supportedByUs, refersToUs: only with an inside party', () => {
    const team = sh('team', 'colleague', 'internal');
    const map = mapOf(
      [sh('a'), sh('b'), team],
      rels('a supply us', 'us advice a', 'team support a', 'a referral team', 'b supply a', 'a advice b', 'a support b', 'b referral a'),
    );
    expect(names(map, 'a')).toEqual(['suppliesUs', 'advisedByUs', 'supportedByUs', 'refersToUs']);
    expect(names(map, 'b')).toEqual([]);
  });

  it('servesOwnCustomers: any serves relation starting at S', () => {
    const map = mapOf([sh('bank'), sh('smb')], rels('bank serves smb'));
    expect(names(map, 'bank')).toEqual(['servesOwnCustomers']);
    expect(names(map, 'smb')).toEqual([]);
  });

  it('isolated: no relation starts or ends at S', () => {
    const map = mapOf([sh('lonely'), sh('a')], rels('a insight us'));
    expect(names(map, 'lonely')).toEqual(['isolated']);
    expect(names(map, 'a')).toEqual([]);
  });

  it('a relation to us of a kind with no fact changes nothing but connects', () => {
    for (const kind of ['offering', 'advice', 'support', 'insight', 'serves'] as const) {
      const map = mapOf([sh('a')], rels(kind === 'serves' ? 'us serves a' : `a ${kind} us`));
      const bits = factsFor(map, 'a');
      expect(hasFact(bits, 'isolated')).toBe(false);
      expect(factNames(bits)).toEqual([]);
    }
  });

  it('keeps ids like __proto__ and constructor apart, as Map keys', () => {
    const map = mapOf(
      [sh('__proto__', 'customer'), sh('constructor'), sh('toString')],
      rels('us offering __proto__', '__proto__ money us', 'constructor referral us'),
    );
    expect(names(map, '__proto__')).toEqual(['receivesOffering', 'paysForOffering']);
    expect(names(map, 'constructor')).toEqual(['refersToUs']);
    expect(names(map, 'toString')).toEqual(['isolated']);
    expect(factsOf(computeFacts(map), 'hasOwnProperty')).toBeUndefined();
  });

  it('ignores relation ends that are not on the map, without failing', () => {
    const map = mapOf([sh('a')], rels('ghost money a', 'a offering ghost'));
    expect(names(map, 'a')).toEqual([]);
  });

  it('records the relations behind each fact, in file order', () => {
    const map = mapOf(
      [sh('d', 'customer'), sh('g'), sh('h')],
      rels('r1: us offering d', 'r2: d offering g', 'r3: d money us', 'r4: g money d', 'r5: d offering h', 'r6: d insight us'),
    );
    const facts = computeFacts(map);
    expect(evidenceIds(map, facts, 'd', FACT.passesOfferingOn)).toEqual(['r2', 'r5']);
    expect(evidenceIds(map, facts, 'd', FACT.passesOfferingOn | FACT.paidByOthers)).toEqual(['r2', 'r4', 'r5']);
    expect(evidenceIds(map, facts, 'd', FACT.receivesOffering)).toEqual(['r1']);
    expect(evidenceIds(map, facts, 'd', FACT.paysForOffering)).toEqual(['r3']);
    expect(evidenceIds(map, facts, 'nobody', FACT.paysForOffering)).toEqual([]);
  });

  it('lists a relation from a party to itself once (the format refuses it, an edit may pass through it)', () => {
    const map = mapOf([sh('a')], rels('r1: a offering a'));
    expect(evidenceIds(map, computeFacts(map), 'a', FACT.receivesOffering | FACT.passesOfferingOn)).toEqual(['r1']);
  });

  it('records the broker relation as evidence of paying for the offering', () => {
    const map = mapOf([sh('holder'), sh('broker')], rels('r1: holder money broker', 'r2: broker money us'));
    expect(evidenceIds(map, computeFacts(map), 'holder', FACT.paysForOffering)).toEqual(['r1']);
  });

  it('lists every fact of DOMAIN.md once', () => {
    expect(new Set(Object.values(FACT)).size).toBe(FACT_NAMES.length);
    expect(Object.keys(FACT)).toEqual([...FACT_NAMES]);
  });

  it('counts offering relations for the map rules', () => {
    expect(computeFacts(mapOf([sh('a'), sh('b')], rels('us offering a', 'a offering b', 'a money us'))).offerings).toBe(2);
  });
});
