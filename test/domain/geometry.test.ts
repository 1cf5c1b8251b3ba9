import { describe, expect, it } from 'vitest';
import { BOUNDARY_MIN, boundaryRect, isInside, NODE_SIZE, ORG_SIZE, placeMissing, type Rect } from '../../src/domain/geometry';
import { CLEAR_MARGIN } from '../../src/domain/placement';
import type { Position, StakeMap, Stakeholder } from '../../src/domain/model';
import { mustParse, scenarioFiles } from './helpers';

const stakeholder = (id: string, side: Stakeholder['side'], position?: Position): Stakeholder => ({
  id, name: id, label: 'other', side, ...(position ? { position } : {}),
});

const map = (stakeholders: Stakeholder[], orgPosition?: Position): StakeMap => ({
  title: 'T',
  organization: orgPosition ? { name: 'O', position: orgPosition } : { name: 'O' },
  stakeholders,
  relations: [],
});

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const nodeRect = (p: Position): Rect => ({ x: p.x, y: p.y, ...NODE_SIZE });

describe('boundaryRect', () => {
  it('is at least its minimum size around the organization card', () => {
    const rect = boundaryRect(map([], { x: 100, y: 50 }));
    expect(rect.x).toBeLessThan(100);
    expect(rect.y).toBeLessThan(50);
    expect(rect.x + rect.width).toBeGreaterThan(100 + ORG_SIZE.width);
    expect(rect.y + rect.height).toBeGreaterThan(50 + ORG_SIZE.height);
    expect(rect.width).toBeGreaterThanOrEqual(BOUNDARY_MIN.width);
    // Room below the organization card for a stakeholder's centre to be dropped clearly inside.
    expect(rect.y + rect.height - (50 + ORG_SIZE.height)).toBeGreaterThan(2 * CLEAR_MARGIN);
  });

  it('grows to hold every placed internal stakeholder and ignores external ones', () => {
    const far = { x: 2000, y: 1500 };
    const grown = boundaryRect(map([stakeholder('team', 'internal', far)]));
    expect(grown.x + grown.width).toBeGreaterThan(far.x + NODE_SIZE.width);
    expect(grown.y + grown.height).toBeGreaterThan(far.y + NODE_SIZE.height);
    expect(boundaryRect(map([stakeholder('shop', 'external', far)]))).toEqual(boundaryRect(map([])));
  });

  it('leaves out excluded stakeholders (the ones being dragged)', () => {
    const m = map([stakeholder('team', 'internal', { x: 2000, y: 0 })]);
    expect(boundaryRect(m, new Set(['team']))).toEqual(boundaryRect(map([])));
  });
});

describe('isInside', () => {
  const rect: Rect = { x: 0, y: 0, width: 400, height: 300 };

  it('judges a node by its centre', () => {
    expect(isInside({ x: 10, y: 10 }, rect)).toBe(true);
    expect(isInside({ x: 400 - NODE_SIZE.width / 2, y: 0 }, rect)).toBe(true); // centre on the edge
    expect(isInside({ x: 401 - NODE_SIZE.width / 2, y: 0 }, rect)).toBe(false);
    expect(isInside({ x: -NODE_SIZE.width / 2 - 1, y: 10 }, rect)).toBe(false);
    expect(isInside({ x: 10, y: 300 }, rect)).toBe(false);
  });
});

describe('placeMissing', () => {
  it('returns the same map when every stakeholder has a position', () => {
    const m = map([stakeholder('a', 'external', { x: 1, y: 2 })]);
    expect(placeMissing(m)).toBe(m);
  });

  it('leaves placed stakeholders untouched', () => {
    const placed = stakeholder('a', 'external', { x: 1, y: 2 });
    const placedMap = placeMissing(map([placed, stakeholder('b', 'external'), stakeholder('c', 'internal')]));
    expect(placedMap.stakeholders[0]).toBe(placed);
  });

  describe.each(scenarioFiles())('$name', ({ text }) => {
    const original = mustParse(text);
    const placed = placeMissing(original);

    it('gives every stakeholder a position, and keeps everything else', () => {
      expect(placed.stakeholders.every((s) => s.position && Number.isFinite(s.position.x) && Number.isFinite(s.position.y))).toBe(true);
      const withoutPosition = (s: Stakeholder) => ({ ...s, position: undefined });
      expect(placed.stakeholders.map(withoutPosition)).toEqual(original.stakeholders.map(withoutPosition));
      expect(placed.relations).toBe(original.relations);
    });

    it('is deterministic', () => {
      expect(placeMissing(original)).toEqual(placed);
    });

    it('places no two nodes, nor a node and the organization, on top of each other', () => {
      const rects = placed.stakeholders.map((s) => nodeRect(s.position!));
      rects.push({ ...(placed.organization.position ?? { x: 0, y: 0 }), ...ORG_SIZE });
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!), `${i} and ${j}`).toBe(false);
      }
    });

    it('places internal stakeholders inside the boundary and external ones outside', () => {
      const rect = boundaryRect(placed);
      for (const s of placed.stakeholders) expect(isInside(s.position!, rect), s.id).toBe(s.side === 'internal');
    });
  });
});
