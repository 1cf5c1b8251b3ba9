// The edges of the input: coordinates beyond ±LIMITS.coordinate, which the
// canvas cannot draw, are left out when a file is read (and placed again), clamped
// by every edit that moves something. One byte-order mark opens, two do not.
import { describe, expect, it } from 'vitest';
import {
  addStakeholder, duplicateStakeholders, moveOrganization, moveStakeholders,
} from '../../src/domain/edits';
import { parseMap, serializeMap, validateWithSchema, type ParseResult } from '../../src/domain/format';
import { readWellFormed } from '../../src/domain/format-fast';
import { clampCoordinate, clampPosition, isDrawableCoordinate } from '../../src/domain/field-rules';
import { placeMissing } from '../../src/domain/geometry';
import { LIMITS, type StakeMap } from '../../src/domain/model';
import { mustParse, parseObject, setAt, validFile, type FileObject } from './helpers';

const EDGE = LIMITS.coordinate;

/** A map that opened, and its repairs (none when the result has no `repairs`). */
function accepted(result: ParseResult) {
  if (!result.ok) throw new Error(`expected a map, got ${JSON.stringify(result.problems)}`);
  return { map: result.map, repairs: result.repairs ?? [], sound: !('repairs' in result) };
}

describe('the drawable range', () => {
  it('is ±1,000,000, edges included', () => {
    expect(EDGE).toBe(1_000_000);
    for (const n of [0, -0, 1.5, EDGE, -EDGE]) expect(isDrawableCoordinate(n)).toBe(true);
    for (const n of [EDGE + 0.5, -EDGE - 1, 1.7e308, -1.7e308, Infinity, NaN, '1']) expect(isDrawableCoordinate(n)).toBe(false);
  });

  it('clamps to the nearest edge, keeping a drawable position as the same object', () => {
    expect(clampCoordinate(1.7e308)).toBe(EDGE);
    expect(clampCoordinate(-1.7e308)).toBe(-EDGE);
    expect(Object.is(clampCoordinate(-0), 0)).toBe(true);
    const inside = { x: -EDGE, y: 12.5 };
    expect(clampPosition(inside)).toBe(inside);
    expect(clampPosition({ x: 2e6, y: -3e9 })).toEqual({ x: EDGE, y: -EDGE });
  });
});

describe('reading a file with a position beyond the canvas', () => {
  it('keeps coordinates at the edge as they are, with no repair, on the fast path', () => {
    const file = validFile();
    setAt(file, 'organization.position', { x: -EDGE, y: EDGE });
    setAt(file, 'stakeholders[0].position', { x: EDGE, y: -EDGE });
    expect(readWellFormed(JSON.parse(JSON.stringify(file)) as FileObject)).toBeDefined();
    const result = accepted(parseObject(file));
    expect(result.sound).toBe(true);
    expect(result.map.stakeholders[0]!.position).toEqual({ x: EDGE, y: -EDGE });
  });

  it('leaves out a position of ±1.7e308, naming the stakeholder and where it was', () => {
    const file = validFile();
    setAt(file, 'stakeholders[0].position', { x: 1.7e308, y: -1.7e308 });
    setAt(file, 'stakeholders[2].position', { x: 10, y: 1_000_000.5 });
    const result = accepted(parseObject(file));
    expect('position' in result.map.stakeholders[0]!).toBe(false);
    expect('position' in result.map.stakeholders[2]!).toBe(false);
    expect(result.repairs.map((r) => r.path)).toEqual(['stakeholders[0].position', 'stakeholders[2].position']);
    expect(result.repairs[0]!.message).toBe(
      'stakeholders[0].position: "Alpha" was at x 1.70e+308, y -1.70e+308, beyond the edge of the canvas (coordinates run from -1,000,000 to 1,000,000); the position was left out, so it is placed again, beside the others',
    );
    expect(result.repairs[1]!.message).toContain('was at x 10, y 1,000,000.5');
    // Everything else is as in the file.
    expect(result.map.stakeholders.map((s) => s.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(result.map.organization.position).toEqual({ x: 0, y: 0 });
    expect(result.map.relations).toHaveLength(3);
  });

  it('leaves out the organization’s too', () => {
    const file = validFile();
    setAt(file, 'organization.position', { x: -5e6, y: 0 });
    const result = accepted(parseObject(file));
    expect(result.map.organization).toEqual({ name: 'Us Inc' });
    expect(result.repairs).toEqual([{ path: 'organization.position', message: expect.stringMatching(/^organization\.position: "Us Inc" was at x -5,000,000, y 0,.*left out, so it sits at x 0, y 0$/) as string }]);
  });

  it('the fast path leaves such a file to the schema, which gives the same map', () => {
    const file = validFile();
    setAt(file, 'stakeholders[0].position', { x: 1.7e308, y: 0 });
    const raw = JSON.parse(JSON.stringify(file)) as FileObject;
    expect(readWellFormed(raw)).toBeUndefined();
    expect(validateWithSchema(raw)).toEqual(parseObject(file));
  });

  it('words the first 50 and counts the rest', () => {
    const file = validFile();
    file.stakeholders = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, label: 'other', side: 'external', position: { x: 9e9, y: i } }));
    file.relations = [];
    const result = accepted(parseObject(file));
    expect(result.repairs).toHaveLength(LIMITS.problems + 1);
    expect(result.repairs.at(-1)!.message).toBe('…and 10 more positions beyond the edge of the canvas, left out the same way');
    expect(result.map.stakeholders.every((s) => s.position === undefined)).toBe(true);
  });

  it('once placed again, the map is written within the range and reads back with no repair', () => {
    const file = validFile();
    setAt(file, 'stakeholders[0].position', { x: -1.7e308, y: 1.7e308 });
    const once = placeMissing(accepted(parseObject(file)).map);
    const again = accepted(parseMap(serializeMap(once)));
    expect(again.sound).toBe(true);
    expect(again.map).toEqual(once);
  });

  it('a coordinate that is not a finite number is still refused', () => {
    const text = JSON.stringify(validFile()).replace('"x":300', '"x":1e999');
    const result = parseMap(text);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['stakeholders[0].position.x']);
  });
});

describe('placing again the cards left without a position', () => {
  it('puts them beside the others, on no card already placed', () => {
    // Where placeMissing's first column starts: right of the organization and the boundary's padding.
    const placedAt = { x: 2 * 184 + 32 + 48 + 120, y: 0 };
    const map: StakeMap = {
      title: 'T',
      organization: { name: 'O', position: { x: 0, y: 0 } },
      stakeholders: [
        { id: 'p', name: 'Placed', label: 'other', side: 'external', position: placedAt },
        { id: 'n', name: 'New', label: 'other', side: 'external' },
      ],
      relations: [],
    };
    const out = placeMissing(map);
    expect(out.stakeholders[0]).toBe(map.stakeholders[0]);
    const spot = out.stakeholders[1]!.position!;
    const apart = Math.abs(spot.x - placedAt.x) >= 184 || Math.abs(spot.y - placedAt.y) >= 64;
    expect(apart).toBe(true);
    expect(Math.abs(spot.x) + Math.abs(spot.y)).toBeLessThan(2_000);
  });
});

describe('byte-order marks', () => {
  const text = JSON.stringify(validFile());

  it('one is read and ignored', () => {
    expect(mustParse(`\ufeff${text}`)).toEqual(mustParse(text));
  });

  it('two are refused, in words', () => {
    const result = parseMap(`\ufeff\ufeff${text}`);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: expect.stringMatching(/^The file starts with two byte-order marks \(U\+FEFF\); a map file may start with one at most/) as string }],
    });
  });

  it('a mark that is not at the very start is not a byte-order mark: the file is not JSON', () => {
    const result = parseMap(` \ufeff${text}`);
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/not JSON/);
  });
});

describe('edits keep every position drawable', () => {
  const base = (): StakeMap => mustParse(JSON.stringify(validFile()));

  it('moveStakeholders clamps a move beyond the edge, and still moves within it', () => {
    const map = moveStakeholders(base(), [
      { id: 'a', position: { x: 1.7e308, y: -2e6 } },
      { id: 'c', position: { x: 5, y: 6 } },
    ]);
    expect(map.stakeholders[0]!.position).toEqual({ x: EDGE, y: -EDGE });
    expect(map.stakeholders[2]!.position).toEqual({ x: 5, y: 6 });
  });

  it('moveStakeholders onto the edge where it already is changes nothing (same map)', () => {
    const atEdge = moveStakeholders(base(), [{ id: 'a', position: { x: EDGE, y: 0 } }]);
    expect(moveStakeholders(atEdge, [{ id: 'a', position: { x: EDGE + 500, y: 0 } }])).toBe(atEdge);
  });

  it('moveStakeholders and moveOrganization still ignore positions that are not numbers', () => {
    const map = base();
    expect(moveStakeholders(map, [{ id: 'a', position: { x: NaN, y: 0 } }])).toBe(map);
    expect(moveOrganization(map, { x: 0, y: Infinity })).toBe(map);
  });

  it('moveOrganization clamps', () => {
    expect(moveOrganization(base(), { x: -1.7e308, y: 3 }).organization.position).toEqual({ x: -EDGE, y: 3 });
  });

  it('addStakeholder clamps the position it is given', () => {
    const map = addStakeholder(base(), { id: 'd', name: 'Dora', label: 'other', side: 'external', position: { x: 4e6, y: 1 } });
    expect(map.stakeholders.at(-1)!.position).toEqual({ x: EDGE, y: 1 });
  });

  it('duplicating a stakeholder at the edge puts the copy at the edge, not past it', () => {
    const atEdge = moveStakeholders(base(), [{ id: 'a', position: { x: EDGE, y: EDGE } }]);
    const { map, idMap } = duplicateStakeholders(atEdge, ['a'], { x: 32, y: 32 });
    const copy = map.stakeholders.find((s) => s.id === idMap.get('a'));
    expect(copy?.position).toEqual({ x: EDGE, y: EDGE });
  });

  it('placing stakeholders around an organization at the edge keeps them within it', () => {
    const map = placeMissing({
      title: 'T',
      organization: { name: 'O', position: { x: EDGE, y: EDGE } },
      stakeholders: [
        { id: 'i', name: 'In', label: 'colleague', side: 'internal' },
        { id: 'e', name: 'Out', label: 'other', side: 'external' },
      ],
      relations: [],
    });
    for (const s of map.stakeholders) expect(isDrawableCoordinate(s.position!.x) && isDrawableCoordinate(s.position!.y)).toBe(true);
  });
});
