import { describe, expect, it } from 'vitest';
import { parseMap, placeMissing, serializeMap } from '../../src/domain';
import { DEFAULT_OPTIONS, type ExportOptions } from '../../src/export/options';
import { imageSvg, prepare } from '../../src/export/render';
import { buildScene } from '../../src/export/scene';
import { diagramSvg } from '../../src/export/svg';
import { decodeXmlText, readSvgMap, svgMetadata } from '../../src/export/svg-embed';
import { escapeXml, textWidth, wrapText } from '../../src/export/text';
import { awkwardMap, scenario, scenarioNames, tagsOf } from './helpers';

const opts = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...DEFAULT_OPTIONS, format: 'svg', ...o });
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('SVG metadata', () => {
  it('round-trips the map JSON, markup-like and non-ASCII text included', () => {
    const json = serializeMap(awkwardMap());
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${svgMetadata(json)}<rect/></svg>`;
    const back = readSvgMap(svg);
    const parsed = back.found ? parseMap(back.text) : null;
    expect(parsed?.ok && serializeMap(parsed.map)).toBe(json);
    // Text without U+FFFE/U+FFFF comes back byte for byte.
    const plain = serializeMap(scenario('brightfoods-distribution'));
    expect(readSvgMap(`<svg>${svgMetadata(plain)}</svg>`)).toEqual({ found: true, text: plain });
    // The JSON's own "</metadata>" and "]]>" cannot end the element early.
    expect(count(svg, /<\/metadata>/g)).toBe(1);
  });

  it('keeps characters XML forbids out of the file, and JSON still reads them back', () => {
    const json = JSON.stringify({ name: 'a\ufffeb\uffffc' });
    const md = svgMetadata(json);
    expect(md).not.toMatch(/[\ufffe\uffff]/);
    const back = readSvgMap(`<svg>${md}</svg>`);
    expect(back.found && JSON.parse(back.text)).toEqual({ name: 'a\ufffeb\uffffc' });
  });

  it('reads CDATA and entities as an XML parser would, and tolerates a namespace prefix', () => {
    expect(decodeXmlText('a &lt;b&gt; &amp; &#233;&#x1F600; <![CDATA[<raw & text>]]> end')).toBe('a <b> & é😀 <raw & text> end');
    const json = '{"a":"<b>"}';
    const svg = `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:metadata><sm:map xmlns:sm="https://stakemap.app/ns/map/1"><![CDATA[${json}]]></sm:map></svg:metadata></svg:svg>`;
    expect(readSvgMap(svg)).toEqual({ found: true, text: json });
  });

  it('finds the map where an SVG editor moved the namespace declaration (Inkscape: on the root)', () => {
    const json = '{"a":1}';
    const onRoot = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:stakemap="https://stakemap.app/ns/map/1"><metadata id="m1"><stakemap:map format="stakemap">${json}</stakemap:map></metadata></svg>`;
    expect(readSvgMap(onRoot)).toEqual({ found: true, text: json });
    const renamed = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ns1='https://stakemap.app/ns/map/1'><metadata><ns1:map>${json}</ns1:map></metadata></svg>`;
    expect(readSvgMap(renamed)).toEqual({ found: true, text: json });
    const asDefault = `<svg xmlns="http://www.w3.org/2000/svg"><metadata><map xmlns="https://stakemap.app/ns/map/1">${json}</map></metadata></svg>`;
    expect(readSvgMap(asDefault)).toEqual({ found: true, text: json });
    // Another vocabulary's <map> in the metadata is not ours, before or after it.
    const other = `<svg xmlns:x="urn:other" xmlns:stakemap="https://stakemap.app/ns/map/1"><metadata><x:map>{"no":1}</x:map><stakemap:map>${json}</stakemap:map></metadata></svg>`;
    expect(readSvgMap(other)).toEqual({ found: true, text: json });
    expect(readSvgMap(`<svg xmlns:x="urn:other"><metadata><x:map>{"no":1}</x:map></metadata></svg>`)).toEqual({ found: false, reason: 'no-map' });
  });

  it('says when an SVG has no map, or the text is no SVG', () => {
    expect(readSvgMap('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toEqual({ found: false, reason: 'no-map' });
    expect(readSvgMap('<svg><metadata><rdf:RDF/></metadata></svg>')).toEqual({ found: false, reason: 'no-map' });
    expect(readSvgMap('<html><body>hi</body></html>')).toEqual({ found: false, reason: 'not-svg' });
    expect(readSvgMap('')).toEqual({ found: false, reason: 'not-svg' });
  });

  it('is written into every SVG export and reads back as the same map', () => {
    const map = awkwardMap();
    const svg = imageSvg(prepare(map, opts()), opts()).svg;
    const back = readSvgMap(svg);
    expect(back.found).toBe(true);
    if (!back.found) return;
    const parsed = parseMap(back.text);
    expect(parsed.ok && serializeMap(parsed.map)).toBe(serializeMap(placeMissing(map)));
  });
});

describe('SVG escaping', () => {
  const svg = imageSvg(prepare(awkwardMap(), opts()), opts({ slide: true, findings: true })).svg;

  it('shows names as their characters, escaped', () => {
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('&quot;&amp;&apos;');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('Us &amp; Co &lt;b&gt;');
  });

  it('has no script, no event attribute, no foreign content and no external reference', () => {
    const tags = tagsOf(svg);
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<\/?script/i);
      expect(tag).not.toMatch(/\son\w+\s*=/i);
      expect(tag).not.toMatch(/^<\/?(foreignObject|image|use|a)\b/i);
      expect(tag).not.toMatch(/href\s*=/i);
    }
    expect(svg).not.toMatch(/<script/i);
  });

  it('is well-formed XML: every character is allowed, every tag closes', () => {
    // eslint-disable-next-line no-control-regex
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(svg).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const stack: string[] = [];
    for (const tag of tagsOf(svg)) {
      if (tag.endsWith('/>')) continue;
      const name = /^<\/?([\w:-]+)/.exec(tag)![1]!;
      if (tag.startsWith('</')) expect(stack.pop()).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it('escapes all five XML specials and replaces forbidden characters', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml('a\u0001b\ud800c')).toBe('a\ufffdb\ufffdc');
    expect(escapeXml('😀 ✓ é')).toBe('😀 ✓ é');
  });
});

describe('the drawing', () => {
  for (const name of scenarioNames()) {
    it(`draws every stakeholder and every relation of ${name}`, () => {
      const map = scenario(name);
      const p = prepare(map, opts());
      const svg = imageSvg(p, opts()).svg;
      expect(count(svg, /<g data-stakeholder="/g)).toBe(map.stakeholders.length);
      expect(count(svg, /<g data-relation="/g)).toBe(map.relations.length);
      expect(count(svg, /<g data-relation-label="/g)).toBe(map.relations.length);
      expect(count(svg, /<g data-organization="us"/g)).toBe(1);
      for (const s of map.stakeholders) expect(svg).toContain(`data-stakeholder="${s.id}"`);
      for (const r of map.relations) expect(svg).toContain(`data-relation="${r.id}"`);
    });
  }

  it('pads evenly: the drawing is centred in the image', () => {
    const scene = buildScene(scenario('brightfoods-distribution'));
    const doc = diagramSvg(scene, { background: 'white', title: 't', padding: 40 });
    const [x, y, w, h] = /viewBox="([^"]+)"/.exec(doc.svg)![1]!.split(' ').map(Number) as [number, number, number, number];
    const b = scene.bounds;
    expect(b.x - x).toBeCloseTo(x + w - (b.x + b.width), 5);
    expect(b.y - y).toBeCloseTo(y + h - (b.y + b.height), 5);
    expect(b.x - x).toBeGreaterThanOrEqual(40);
  });

  it('sets the natural size to the scale asked for, keeping the layout in the viewBox', () => {
    const p = prepare(scenario('brightfoods-distribution'), opts());
    const one = imageSvg(p, opts(), { scale: 1 });
    const two = imageSvg(p, opts(), { scale: 2 });
    expect(two.svg).toContain(`width="${one.width * 2}" height="${one.height * 2}"`);
    expect(/viewBox="([^"]+)"/.exec(two.svg)![1]).toBe(/viewBox="([^"]+)"/.exec(one.svg)![1]);
  });

  it('uses a font stack that slide apps have, and text as text', () => {
    const svg = imageSvg(prepare(scenario('brightfoods-distribution'), opts()), opts()).svg;
    expect(svg).toMatch(/font-family="Arial, &apos;Liberation Sans&apos;, [^"]*sans-serif"/);
    expect(svg).toContain('>Grocery chains</text>');
    expect(svg).not.toMatch(/<image|data:image|<foreignObject|<style/);
  });

  it('draws the dark and transparent backgrounds', () => {
    const p = prepare(scenario('brightfoods-distribution'), opts());
    expect(imageSvg(p, opts({ background: 'dark' })).svg).toContain('fill="#111a24"');
    const transparent = imageSvg(p, opts({ background: 'transparent' })).svg;
    expect(transparent).not.toContain('fill="#ffffff"/><g data-boundary');
    expect(imageSvg(p, opts({ background: 'white' })).svg).toMatch(/<rect [^>]*fill="#ffffff"\/><g data-boundary/);
  });

  it('for a dark slide: no background, light lines and words', () => {
    const p = prepare(scenario('brightfoods-distribution'), opts());
    const onDark = imageSvg(p, opts({ background: 'transparent-dark' })).svg;
    const dark = imageSvg(p, opts({ background: 'dark' })).svg;
    expect(onDark).not.toContain('fill="#111a24"/><g data-boundary');
    // The same light ink and label colours as the dark export.
    for (const colour of ['#eef2f7', '#c9d8ea']) expect(onDark.includes(colour), colour).toBe(dark.includes(colour));
    expect(onDark).toMatch(/data-boundary="us"><rect [^>]*fill="#ffffff" fill-opacity="0.04"/);
  });

  it('fills the boundary with one opaque colour on a background, so every renderer tints it alike', () => {
    const p = prepare(scenario('brightfoods-distribution'), opts());
    for (const background of ['white', 'dark'] as const) {
      const boundary = /data-boundary="us"><rect [^>]*>/.exec(imageSvg(p, opts({ background })).svg)![0];
      expect(boundary).not.toContain('fill-opacity');
      expect(boundary).toContain(background === 'white' ? 'fill="#f5f6f8"' : 'fill="#1b232d"');
    }
  });

  it('writes every arc with its flags apart ("0 0 1 6 0", not "0 016 0"), as ImageMagick needs', () => {
    const svg = imageSvg(prepare(awkwardMap(), opts()), opts()).svg;
    const paths = [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]!);
    const arcs = paths.flatMap((d) => [...d.matchAll(/[aA]([^a-zA-Z]*)/g)].map((m) => m[1]!));
    expect(arcs.length).toBeGreaterThan(10);
    for (const args of arcs) {
      const numbers = args.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
      expect(numbers.length % 7, args).toBe(0);
      for (let i = 0; i < numbers.length; i += 7) expect([numbers[i + 3], numbers[i + 4]], args).toEqual([expect.stringMatching(/^[01]$/), expect.stringMatching(/^[01]$/)]);
    }
  });
});

describe('wrapping names', () => {
  it('wraps at spaces, cuts long words and ends cut text with an ellipsis', () => {
    expect(wrapText('National distributor', 124, 13.5, true, 2)).toEqual(['National', 'distributor']);
    expect(wrapText('Oat cooperative', 124, 13.5, true, 2)).toEqual(['Oat cooperative']);
    const long = wrapText('Averyveryveryverylongwordwithoutanyspacesatall and more words here', 124, 13.5, true, 2);
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
    for (const line of long) expect(textWidth(line, 13.5, true)).toBeLessThanOrEqual(124);
    expect(wrapText('   ', 100, 12, false, 2)).toEqual([]);
  });
});
