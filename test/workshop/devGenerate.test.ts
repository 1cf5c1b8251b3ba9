import { describe, expect, it } from 'vitest';
import { parseGenerateRequest } from '../../src/services/devGenerate';

describe('the #/dev/generate address', () => {
  it('reads sizes and seed', () => {
    expect(parseGenerateRequest('#/dev/generate?stakeholders=1000&relations=2000&seed=7')).toEqual({ stakeholders: 1000, relations: 2000, seed: 7 });
  });

  it('falls back to 1,000 stakeholders, twice as many relations and seed 1', () => {
    expect(parseGenerateRequest('#/dev/generate')).toEqual({ stakeholders: 1000, relations: 2000, seed: 1 });
    expect(parseGenerateRequest('#/dev/generate?stakeholders=300')).toEqual({ stakeholders: 300, relations: 600, seed: 1 });
    expect(parseGenerateRequest('#/dev/generate?stakeholders=abc&relations=&seed=-3')).toEqual({ stakeholders: 1000, relations: 2000, seed: 0 });
  });

  it('keeps to the format limits', () => {
    expect(parseGenerateRequest('#/dev/generate?stakeholders=99999&relations=99999')).toEqual({ stakeholders: 5000, relations: 20000, seed: 1 });
    expect(parseGenerateRequest('#/dev/generate?stakeholders=2.9')!.stakeholders).toBe(2);
  });

  it('is not any other address', () => {
    expect(parseGenerateRequest('#/')).toBeNull();
    expect(parseGenerateRequest('#/map/abc')).toBeNull();
    expect(parseGenerateRequest('#/dev/generated')).toBeNull();
  });
});
