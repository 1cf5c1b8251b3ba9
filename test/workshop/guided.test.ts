import { describe, expect, it } from 'vitest';
import { checkMap, parseMap, serializeMap } from '../../src/domain';
import { buildGuidedMap, EMPTY_ANSWERS, namesFrom, stakeholdersOf } from '../../src/workshop/guided';

const distributorBusiness = {
  ...EMPTY_ANSWERS,
  organization: 'Brightfoods',
  offering: 'Breakfast cereal',
  users: ['Families'],
  passers: ['National distributor', 'Grocery chains'],
  payers: ['Families', 'Grocery chains', 'National distributor'],
  teams: ['Trade marketing'],
};

describe('guided start', () => {
  it('splits names one per line, trimmed and without repeats', () => {
    expect(namesFrom(' Families \n\nfamilies\nGrocery chains, Shops')).toEqual(['Families', 'Grocery chains', 'Shops']);
  });

  it('names each stakeholder once, even when it answers several questions', () => {
    expect(stakeholdersOf(distributorBusiness).map((s) => s.name)).toEqual(['National distributor', 'Grocery chains', 'Families', 'Trade marketing']);
  });

  it('builds a valid map: offering along the chain, money back up it, teams inside', () => {
    const map = buildGuidedMap(distributorBusiness);
    expect(parseMap(serializeMap(map)).ok).toBe(true);
    const flows = map.relations.map((r) => `${r.from}-${r.kind}->${r.to}`);
    expect(flows).toEqual(
      expect.arrayContaining(['us-offering->s1', 's1-offering->s2', 's2-offering->s3', 's3-money->s2', 's2-money->s1', 's1-money->us', 's4-support->s1']),
    );
    expect(map.relations.find((r) => r.from === 'us')?.note).toBe('Breakfast cereal');
    expect(map.stakeholders.find((s) => s.name === 'Trade marketing')).toMatchObject({ side: 'internal', label: 'colleague' });
  });

  it('flags a distributor the team calls a customer', () => {
    const findings = checkMap(buildGuidedMap(distributorBusiness));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'customer-is-partner', stakeholder: 's1', suggestedLabel: 'partner' }));
  });

  it('uses the labels the team gives', () => {
    const map = buildGuidedMap({ ...distributorBusiness, labels: new Map([['national distributor', 'partner']]) });
    expect(map.stakeholders[0]?.label).toBe('partner');
  });

  it('pays intermediaries a commission and has them advise the users', () => {
    const map = buildGuidedMap({ ...EMPTY_ANSWERS, organization: 'Steadfast', users: ['Policyholders'], payers: ['Policyholders'], paidToSell: ['Advisors'] });
    const flows = map.relations.map((r) => `${r.from}-${r.kind}->${r.to}`);
    expect(flows).toEqual(expect.arrayContaining(['us-offering->s1', 's1-money->us', 'us-money->s2', 's2-advice->s1']));
  });

  it('still makes a valid map when every question is skipped', () => {
    const map = buildGuidedMap(EMPTY_ANSWERS);
    expect(map.organization.name).toBe('Our organization');
    expect(parseMap(serializeMap(map)).ok).toBe(true);
  });
});
