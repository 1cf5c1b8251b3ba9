import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundaryRect, isInside, NODE_SIZE, ORG_SIZE, orgPosition, type Position, type Rect, type Side, type StakeMap } from '../../src/domain';
import { addStakeholder, moveStakeholders } from '../../src/domain/edits';
import { generateMap } from '../../src/domain/generate';
import { CARD_GAP, CLEAR_MARGIN, freeSpotNear, positionForSide, settleDrop, sideForDrop } from '../../src/domain/placement';
import { laidOutExamples } from '../layout/laidOut';

const card = (p: Position): Rect => ({ x: p.x, y: p.y, ...NODE_SIZE });
const hit = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every card of the map overlapping no other, the organization included; each on the side it has. */
function expectNothingOnAnything(map: StakeMap): void {
  const rects = [{ id: 'us', rect: { ...orgPosition(map), ...ORG_SIZE } }, ...map.stakeholders.map((s) => ({ id: s.id, rect: card(s.position!) }))];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect(hit(rects[i]!.rect, rects[j]!.rect), `${rects[i]!.id} on ${rects[j]!.id}`).toBe(false);
  }
  const rect = boundaryRect(map);
  for (const s of map.stakeholders) {
    if (s.side === 'internal') expect(isInside(s.position!, rect), `${s.id} inside`).toBe(true);
    else expect(hit(card(s.position!), rect), `${s.id} clear of the boundary`).toBe(false);
  }
}

function withNew(map: StakeMap, position: Position, side: Side): StakeMap {
  return addStakeholder(map, { id: 'new-one', name: 'New', label: 'other', side, position });
}

describe('freeSpotNear', () => {
  const [, brightfoods] = laidOutExamples.find(([n]) => n.startsWith('brightfoods'))!;

  it('keeps the wanted spot when it is free', () => {
    const rect = boundaryRect(brightfoods);
    const free = { x: rect.x + rect.width + 2000, y: rect.y };
    expect(freeSpotNear(brightfoods, free)).toEqual(free);
  });

  it('moves a card wanted on top of another to a spot nearby, on the same side', () => {
    for (const s of brightfoods.stakeholders) {
      const spot = freeSpotNear(brightfoods, s.position!);
      const next = withNew(brightfoods, spot, s.side);
      expectNothingOnAnything(next);
      expect(Math.hypot(spot.x - s.position!.x, spot.y - s.position!.y), s.id).toBeLessThanOrEqual(NODE_SIZE.width + 2 * CARD_GAP);
    }
  });

  it.each(laidOutExamples)('never lands on anything in %s, wherever it is wanted', (_, map) => {
    const b = boundaryRect(map);
    fc.assert(
      fc.property(fc.integer({ min: b.x - 600, max: b.x + b.width + 600 }), fc.integer({ min: b.y - 400, max: b.y + b.height + 400 }), (x, y) => {
        const wanted = { x, y };
        const side: Side = isInside(wanted, b) ? 'internal' : 'external';
        const spot = freeSpotNear(map, wanted);
        expectNothingOnAnything(withNew(map, spot, side));
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});

describe('positionForSide', () => {
  it.each(laidOutExamples)('moves every stakeholder of %s across the boundary onto a free spot', (_, map) => {
    for (const s of map.stakeholders) {
      const side: Side = s.side === 'internal' ? 'external' : 'internal';
      const next = moveStakeholders(map, [{ id: s.id, side, position: positionForSide(map, s.id, side) }]);
      expectNothingOnAnything(next);
    }
  });

  it('puts a second stakeholder switched to internal next to the first, not on it', () => {
    const [, map] = laidOutExamples.find(([n]) => n.startsWith('brightfoods'))!;
    const externals = map.stakeholders.filter((s) => s.side === 'external').map((s) => s.id);
    let next = map;
    for (const id of externals) next = moveStakeholders(next, [{ id, side: 'internal', position: positionForSide(next, id, 'internal') }]);
    expect(next.stakeholders.every((s) => s.side === 'internal')).toBe(true);
    expectNothingOnAnything(next);
  });
});

describe('dropping across the boundary', () => {
  const rect: Rect = { x: 0, y: 0, width: 600, height: 400 };
  const at = (cx: number, cy: number): Position => ({ x: cx - NODE_SIZE.width / 2, y: cy - NODE_SIZE.height / 2 });

  it('changes side only when the centre is clearly inside or outside', () => {
    expect(sideForDrop(at(300, 200), rect, 'external')).toBe('internal');
    expect(sideForDrop(at(-CLEAR_MARGIN - 1, 200), rect, 'internal')).toBe('external');
    // On the edge, either way: the side stays.
    expect(sideForDrop(at(5, 200), rect, 'external')).toBe('external');
    expect(sideForDrop(at(-5, 200), rect, 'internal')).toBe('internal');
    expect(sideForDrop(at(300, 400 + CLEAR_MARGIN - 2), rect, 'internal')).toBe('internal');
  });

  it('settles a drop on another card beside it, and says who crossed', () => {
    const [, map] = laidOutExamples.find(([n]) => n.startsWith('brightfoods'))!;
    const [a, b] = map.stakeholders.filter((s) => s.side === 'external');
    const dropped = moveStakeholders(map, [{ id: a!.id, position: b!.position! }]);
    const settled = settleDrop(dropped, [a!.id], boundaryRect(map, new Set([a!.id])));
    expect(settled.crossed).toEqual([]);
    expectNothingOnAnything(settled.map);

    const inside = boundaryRect(map);
    const deep = { x: inside.x + inside.width / 2 - NODE_SIZE.width / 2, y: inside.y + inside.height / 2 - NODE_SIZE.height / 2 };
    const into = settleDrop(moveStakeholders(map, [{ id: a!.id, position: deep }]), [a!.id], boundaryRect(map, new Set([a!.id])));
    expect(into.crossed).toEqual([{ id: a!.id, side: 'internal' }]);
    expectNothingOnAnything(into.map);
  });

  it('keeps the side of a card dropped on the edge, and moves it clear of the boundary', () => {
    const [, map] = laidOutExamples.find(([n]) => n.startsWith('brightfoods'))!;
    const a = map.stakeholders.find((s) => s.side === 'external')!;
    const r = boundaryRect(map);
    const onEdge = { x: r.x + r.width - NODE_SIZE.width / 2 - 10, y: r.y + 20 };
    const settled = settleDrop(moveStakeholders(map, [{ id: a.id, position: onEdge }]), [a.id], boundaryRect(map, new Set([a.id])));
    expect(settled.crossed).toEqual([]);
    expect(settled.map.stakeholders.find((s) => s.id === a.id)!.side).toBe('external');
    expectNothingOnAnything(settled.map);
  });
});

describe('freeSpotNear on a map of thousands', () => {
  it('finds a spot clear of every card in the middle of a dense 5,000-stakeholder map', () => {
    const big = generateMap({ stakeholders: 5000, relations: 10000, seed: 1 });
    const middle = big.stakeholders[2500]!.position!;
    const spot = freeSpotNear(big, middle, { side: 'external' });
    const clash = big.stakeholders.find(
      (s) => s.position && spot.x < s.position.x + NODE_SIZE.width + CARD_GAP && s.position.x < spot.x + NODE_SIZE.width + CARD_GAP && spot.y < s.position.y + NODE_SIZE.height + CARD_GAP && s.position.y < spot.y + NODE_SIZE.height + CARD_GAP,
    );
    expect(clash).toBeUndefined();
    // The nearest free spot, not the fallback below everything.
    expect(Math.hypot(spot.x - middle.x, spot.y - middle.y)).toBeLessThan(2000);
  });
});
