import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, loadOptions, sanitizeOptions, saveOptions } from '../../src/export/options';
import { fileName, fitScale } from '../../src/export/render';

describe('export options', () => {
  it('remembers the last choices', () => {
    const chosen = { ...DEFAULT_OPTIONS, format: 'pptx' as const, scale: 4 as const, background: 'dark' as const, anonymize: true };
    saveOptions(chosen);
    expect(loadOptions()).toEqual(chosen);
  });

  it('falls back to the defaults for anything unknown or broken', () => {
    expect(sanitizeOptions(null)).toEqual(DEFAULT_OPTIONS);
    expect(sanitizeOptions({ format: 'gif', scale: 7, background: 'red', slide: 'yes', scope: 'all' })).toEqual(DEFAULT_OPTIONS);
    localStorage.setItem('stakemap.exportOptions', '{not json');
    expect(loadOptions()).toEqual(DEFAULT_OPTIONS);
  });
});

describe('file names and sizes', () => {
  it('names files after the map, safely', () => {
    expect(fileName('Brightfoods: who buys our cereal?', 'png')).toBe('Brightfoods- who buys our cereal-.png');
    expect(fileName('a/b\\c', 'json')).toBe('a-b-c.stakemap.json');
    expect(fileName('...', 'pptx')).toBe('map.pptx');
  });

  it('keeps a PNG within what a browser canvas can hold', () => {
    expect(fitScale(1000, 500, 4)).toBe(4);
    const s = fitScale(20_000, 10_000, 4);
    expect(20_000 * s).toBeLessThanOrEqual(16_384);
    expect(20_000 * s * 10_000 * s).toBeLessThanOrEqual(120_000_000);
  });

  it('draws even a map spread over the whole drawable range (±1,000,000), however small', () => {
    const side = 2_000_000 + 400;
    const s = fitScale(side, side, 2);
    expect(s).toBeGreaterThan(0);
    expect(Math.round(side * s)).toBeLessThanOrEqual(16_384);
    expect(Math.round(side * s)).toBeGreaterThan(10_000);
  });
});
