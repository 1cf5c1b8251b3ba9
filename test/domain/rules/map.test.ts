import { describe, expect, it } from 'vitest';
import { MAP_RULES, noCustomer, noOfferingFlow, type MapSubject } from '../../../src/domain/rules';

const subject = (over: Partial<MapSubject>): MapSubject => ({
  stakeholders: 3,
  relations: 4,
  offerings: 1,
  customers: 1,
  definition: 'user',
  ...over,
});

describe('map rules', () => {
  it('no-offering-flow: stakeholders but no offering relation', () => {
    expect(noOfferingFlow.check(subject({ offerings: 0 }))).toMatchObject({ rule: 'no-offering-flow', severity: 'info', suggestedLabel: null });
    expect(noOfferingFlow.check(subject({ offerings: 2 }))).toBeNull();
    expect(noOfferingFlow.check(subject({ stakeholders: 0, relations: 0, offerings: 0 }))).toBeNull();
  });

  it('no-customer: relations but no stakeholder counts as a customer', () => {
    expect(noCustomer.check(subject({ customers: 0 }))).toMatchObject({ rule: 'no-customer', severity: 'error', suggestedLabel: null });
    expect(noCustomer.check(subject({ customers: 0, relations: 0 }))).toBeNull();
    expect(noCustomer.check(subject({ customers: 2 }))).toBeNull();
  });

  it('lists both', () => {
    expect(MAP_RULES.map((r) => r.name).sort()).toEqual(['noCustomer', 'noOfferingFlow']);
  });
});
