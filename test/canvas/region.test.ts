import { describe, expect, it } from 'vitest';
import { NODE_SIZE, type StakeMap } from '../../src/domain';
import { crosses, regionAround, sameShown, serves, shownIn } from '../../src/canvas/region';

// A column of cards far below the organization, as on a generated map of thousands.
const map: StakeMap = {
  title: 'Column',
  organization: { name: 'Us', position: { x: 0, y: 0 } },
  stakeholders: [
    { id: 'near', name: 'Near', label: 'customer', side: 'external', position: { x: 0, y: 1000 } },
    { id: 'next', name: 'Next', label: 'partner', side: 'external', position: { x: 300, y: 1000 } },
    { id: 'far', name: 'Far', label: 'customer', side: 'external', position: { x: 0, y: 9000 } },
    { id: 'aside', name: 'Aside', label: 'other', side: 'external', position: { x: 5000, y: 1000 } },
  ],
  relations: [
    { id: 'inside', from: 'near', to: 'next', kind: 'offering' },
    { id: 'to-us', from: 'us', to: 'far', kind: 'offering' },
    { id: 'near-us', from: 'us', to: 'near', kind: 'offering' },
    { id: 'elsewhere', from: 'far', to: 'aside', kind: 'money' },
  ],
};
const view = { x: -100, y: 900, width: 800, height: 400 };

describe('regionAround and serves', () => {
  it('reaches half a view past each side, and serves views inside it until the view is much smaller', () => {
    const region = regionAround(view);
    expect(region).toEqual({ x: -500, y: 700, width: 1600, height: 800 });
    expect(serves(region, view)).toBe(true);
    expect(serves(region, { ...view, x: view.x + 350 })).toBe(true); // a pan within the margin
    expect(serves(region, { ...view, x: view.x + 450 })).toBe(false); // past it
    expect(serves(region, { x: 0, y: 1000, width: 200, height: 100 })).toBe(false); // zoomed in four times
    expect(serves(null, view)).toBe(false);
  });
});

describe('shownIn', () => {
  const shown = shownIn(map, regionAround(view));

  it('holds the cards that reach into the region, and no card far from it', () => {
    expect([...shown.stakeholders].sort()).toEqual(['near', 'next']);
  });

  it("gives React Flow the relations it can draw, and the canvas those crossing from a card outside", () => {
    expect([...shown.relations].sort()).toEqual(['inside', 'near-us']);
    // Us (above) to Far (below) crosses the region; Far to Aside runs far below it.
    expect([...shown.through]).toEqual(['to-us']);
  });

  it('counts a card whose box only just reaches into the region', () => {
    const edge = shownIn(map, { x: 0, y: 1000 + NODE_SIZE.height - 1, width: 10, height: 10 });
    expect(edge.stakeholders.has('near')).toBe(true);
  });

  it('is the same as another with the same ids and region, and not otherwise', () => {
    const region = regionAround(view);
    const a = shownIn(map, region);
    expect(sameShown(a, shownIn(map, region))).toBe(true);
    expect(sameShown(a, shownIn({ ...map, relations: map.relations.slice(1) }, region))).toBe(false);
    expect(sameShown(a, shownIn(map, regionAround({ ...view, x: 0 })))).toBe(false);
    expect(sameShown(null, a)).toBe(false);
  });
});

describe('crosses', () => {
  const r = { x: 0, y: 0, width: 100, height: 50 };
  it('tells a segment through the rectangle from one that only shares its bounding box', () => {
    expect(crosses(r, { x: -50, y: 25 }, { x: 150, y: 25 })).toBe(true);
    expect(crosses(r, { x: 10, y: 10 }, { x: 20, y: 20 })).toBe(true); // inside
    expect(crosses(r, { x: -10, y: 60 }, { x: 110, y: 200 })).toBe(false); // below it
    expect(crosses(r, { x: 90, y: -100 }, { x: 300, y: 40 })).toBe(false); // its box overlaps, the line passes the corner
    expect(crosses(r, { x: 50, y: -10 }, { x: 50, y: 80 })).toBe(true); // vertical
  });
});
