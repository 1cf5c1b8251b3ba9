// Relations become connectors glued to their cards (pptx-connectors.ts): the
// sites that face each other, the stand-ins replaced whole, names as text.
import { describe, expect, it } from 'vitest';
import { facingSites, glueConnectors, SITE, sitePoint, type Glue } from '../../src/export/pptx-connectors';

const card = (x: number, y: number) => ({ x, y, width: 200, height: 76 });

describe('facing sites', () => {
  it('are the sides the two cards turn to each other', () => {
    expect(facingSites(card(0, 0), card(400, 30))).toEqual([SITE.right, SITE.left]);
    expect(facingSites(card(400, 30), card(0, 0))).toEqual([SITE.left, SITE.right]);
    expect(facingSites(card(0, 0), card(60, 200))).toEqual([SITE.bottom, SITE.top]);
    expect(facingSites(card(60, 200), card(0, 0))).toEqual([SITE.top, SITE.bottom]);
    // Far across and a little down: across wins.
    expect(facingSites(card(0, 0), card(600, 150))).toEqual([SITE.right, SITE.left]);
    expect(sitePoint(card(10, 20), SITE.bottom)).toEqual({ x: 110, y: 96 });
  });
});

describe('gluing', () => {
  const slide =
    '<p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="sm-card-0"/></p:nvSpPr><a:t>Us</a:t></p:sp>' +
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="sm-relation-0"/></p:nvSpPr><a:prstGeom prst="line"/></p:sp>' +
    '<p:sp><p:nvSpPr><p:cNvPr id="4" name="sm-card-1"/></p:nvSpPr><a:t>&lt;b&gt;</a:t></p:sp></p:spTree>';
  const glue = (): Glue => ({
    cards: new Map([
      ['sm-card-0', 'Organization'],
      ['sm-card-1', 'Stakeholder: "<b>" & co'],
    ]),
    connectors: new Map([
      ['sm-relation-0', { name: 'Relation: pays', from: 'sm-card-1', to: 'sm-card-0', start: { x: 3, y: 1 }, end: { x: 1, y: 2 }, startSite: SITE.left, endSite: SITE.right, color: '2E7D32', width: 1.5, dash: 'dash' as const }],
    ]),
  });

  it('replaces the stand-in by a connector from the source card to the target, and gives the cards their names, escaped', () => {
    const xml = glueConnectors(slide, glue());
    expect(xml).not.toContain('sm-');
    expect(xml).not.toContain('prst="line"');
    expect(xml).toContain(
      '<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="3" name="Relation: pays"/><p:cNvCxnSpPr><a:stCxn id="4" idx="1"/><a:endCxn id="2" idx="3"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>' +
        '<p:spPr><a:xfrm flipH="1"><a:off x="914400" y="914400"/><a:ext cx="1828800" cy="914400"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>' +
        '<a:ln w="19050"><a:solidFill><a:srgbClr val="2E7D32"/></a:solidFill><a:prstDash val="dash"/><a:round/><a:tailEnd type="triangle"/></a:ln></p:spPr></p:cxnSp>',
    );
    expect(xml).toContain('name="Stakeholder: &quot;&lt;b&gt;&quot; &amp; co"');
    // Every shape still closes: three opened, two <p:sp> and one <p:cxnSp>.
    expect(xml.match(/<p:sp>/g)).toHaveLength(2);
    expect(xml.match(/<\/p:sp>/g)).toHaveLength(2);
    expect(xml).toMatch(/<\/p:cxnSp><p:sp>/);
  });

  it('writes a name with replacement patterns ($&, $\', $1) as the text it is', () => {
    const g = glue();
    g.cards.set('sm-card-1', "Stakeholder: Cost $& $' $` $1 co");
    expect(glueConnectors(slide, g)).toContain(`name="Stakeholder: Cost $&amp; $&apos; $\` $1 co"`);
  });

  it('says so rather than write a connector to nowhere', () => {
    expect(() => glueConnectors(slide.replace('sm-card-1', 'x'), glue())).toThrow('The slide has no shape sm-card-1.');
    expect(() => glueConnectors(slide.replace('sm-relation-0', 'x'), glue())).toThrow('The slide has no relation sm-relation-0.');
  });
});
