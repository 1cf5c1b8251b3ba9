import { describe, expect, it } from 'vitest';
import { customerSentence, nameList, namedSentenceOf, stakeholderViews, type StakeMap } from '../../../src/domain';

const map = (labels: ('customer' | 'other')[], users: number[]): StakeMap => ({
  title: 't',
  organization: { name: 'Us' },
  stakeholders: labels.map((label, i) => ({ id: `s${i}`, name: `S${i}`, label, side: 'external' })),
  relations: users.map((i) => ({ id: `r${i}`, from: 'us', to: `s${i}`, kind: 'offering' })),
});

describe('customerSentence', () => {
  it('counts who is called a customer and who counts as one', () => {
    expect(customerSentence(map(['customer', 'customer', 'other'], [1, 2]))).toBe(
      'You call 2 stakeholders customers; under your definition 1 is. 1 stakeholder more counts as a customer without being called one.',
    );
  });

  it('speaks of one stakeholder in the singular', () => {
    expect(customerSentence(map(['customer'], [0]))).toBe('You call 1 stakeholder a customer; under your definition 1 is.');
  });

  it('says so when no one is called a customer', () => {
    expect(customerSentence(map([], []))).toBe('You call no stakeholder a customer yet.');
  });

  it('follows the definition it is given', () => {
    const paying: StakeMap = { ...map(['customer'], []), relations: [{ id: 'm', from: 's0', to: 'us', kind: 'money' }] };
    expect(customerSentence(paying, 'user')).toContain('under your definition 0 are');
    expect(customerSentence(paying, 'payer')).toContain('under your definition 1 is');
  });
});

describe('namedSentenceOf', () => {
  it('names who is counted, as the panel and the presentation say it', () => {
    const m = map(['customer', 'customer', 'other'], [1, 2]);
    const sentence = namedSentenceOf(m, stakeholderViews(m));
    expect(sentence.startsWith('You call 2 stakeholders customers; under your definition 1 is: ')).toBe(true);
    const counted = [...stakeholderViews(m)].filter(([, v]) => v.countsAsCustomer).map(([id]) => m.stakeholders.find((s) => s.id === id)!.name);
    for (const name of counted) expect(sentence).toContain(name);
    expect(sentence).toMatch(/1 stakeholder more counts as a customer without being called one: .+\.$/);
  });

  it('lists names readably, and shortens a long list', () => {
    expect(nameList(['A'])).toBe('A');
    expect(nameList(['A', 'B'])).toBe('A and B');
    expect(nameList(['A', 'B', 'C', 'D'])).toBe('A, B, C and 1 other');
    expect(nameList(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 others');
  });
});
