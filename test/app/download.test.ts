import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/domain';
import { mapFileName, mapFileText } from '../../src/services/download';
import { sampleMap } from '../persistence/helpers';

describe('map files for download', () => {
  it('are named after the map, safely on every system', () => {
    expect(mapFileName('Brightfoods ecosystem')).toBe('Brightfoods ecosystem.stakemap.json');
    expect(mapFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j.stakemap.json');
    expect(mapFileName('  ..hidden  ')).toBe('hidden.stakemap.json');
    expect(mapFileName('line\nbreak\u0000')).toBe('line-break-.stakemap.json');
    expect(mapFileName('   ')).toBe('map.stakemap.json');
    expect(mapFileName('x'.repeat(500))).toHaveLength(80 + '.stakemap.json'.length);
  });

  it('hold the map in the file format, which opens again as the same map', () => {
    const map = sampleMap('Round trip', 3);
    const parsed = parseMap(mapFileText(map));
    expect(parsed).toEqual({ ok: true, map });
  });

  it('still hold a map too broken to serialize, as raw JSON', () => {
    const broken = { title: 'Broken', stakeholders: null } as never;
    expect(JSON.parse(mapFileText(broken))).toEqual({ title: 'Broken', stakeholders: null });
  });
});
