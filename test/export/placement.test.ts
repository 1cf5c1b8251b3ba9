// Every export draws relations where the editor does: around the cards, with
// labels clear of cards and of each other (src/diagram/edges.ts).
import { describe, expect, it } from 'vitest';
import { KIND_STYLE } from '../../src/drawing/theme';
import { layoutEdges } from '../../src/drawing/edges';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { imageSvg, prepare } from '../../src/export/render';
import { NODE_SIZE } from '../../src/domain';
import { buildScene } from '../../src/export/scene';
import { labelClashes, routesUnderCards } from '../drawing/checks';
import { laidOutExamples } from '../layout/laidOut';

const opts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'svg', ...o });

/** The label pills an SVG draws, as boxes. */
function pillsOf(svg: string): { id: string; box: { x: number; y: number; width: number; height: number } }[] {
  const out = [];
  for (const m of svg.matchAll(/<g data-relation-label="([^"]+)"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    out.push({ id: m[1]!, box: { x: Number(m[2]), y: Number(m[3]), width: Number(m[4]), height: Number(m[5]) } });
  }
  return out;
}

describe.each(laidOutExamples)('%s exported', (_, map) => {
  it('places each label where the editor does', () => {
    const editor = layoutEdges(map, { text: (r) => KIND_STYLE[r.kind].verb });
    const scene = buildScene(map);
    expect(scene.edges.map((e) => e.label)).toEqual(editor.map((e) => e.label));
    expect(scene.edges.map((e) => e.route)).toEqual(editor.map((e) => e.route));
  });

  it.each([
    ['an image', opts()],
    ['a slide', opts({ slide: true, findings: true })],
  ])('draws no label under a card or over another in %s, and no relation under a third card', (_, o) => {
    const prepared = prepare(map, o);
    const doc = imageSvg(prepared, o);
    // A slide may draw a small map closer together, its cards taller (slide-fit.ts): the checks are of what it draws.
    const scene = doc.scene ?? prepared.scene;
    const grow = scene.nodes[0]!.box.height - NODE_SIZE.height;
    const pills = pillsOf(doc.svg);
    expect(pills).toHaveLength(map.relations.length);
    expect(labelClashes(scene.map, pills, grow)).toEqual([]);
    expect(routesUnderCards(scene.map, scene.edges.map((e) => ({ relation: e.relation, route: e.route, label: e.label })), grow)).toEqual([]);
  });
});
