// A map carried inside an SVG (docs/FORMAT.md, "Images that open as maps"): the
// file's JSON as the text of a <stakemap:map> element in <metadata>. It is
// written near the top of the file, so an importer finds it in the first
// bytes without reading the drawing.

export const STAKEMAP_NS = 'https://stakemap.app/ns/map/1';

/** JSON as XML character data. JSON.stringify already escapes control characters and lone surrogates. */
function escapeJson(json: string): string {
  return json
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\ufffe/g, '\\ufffe')
    .replace(/\uffff/g, '\\uffff');
}

/** The <metadata> element that carries `json` (a serializeMap result). */
export function svgMetadata(json: string): string {
  return `<metadata><stakemap:map xmlns:stakemap="${STAKEMAP_NS}" format="stakemap">${escapeJson(json)}</stakemap:map></metadata>`;
}

export type SvgEmbedded = { found: true; text: string } | { found: false; reason: 'not-svg' | 'no-map' };

const SVG_START = /<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/;
const METADATA = /<(?:[A-Za-z_][\w.-]*:)?metadata\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?metadata\s*>/g;
const MAP_ELEMENT = /<(?:([A-Za-z_][\w.-]*):)?map\b([^>]*)>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?map\s*>/g;
const NS_VALUE = STAKEMAP_NS.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** `xmlns:p="…stakemap ns…"`: editors (Inkscape) move the declaration from our element to the root. */
const PREFIX_DECLARATION = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${NS_VALUE}["']`, 'g');
const DEFAULT_DECLARATION = new RegExp(`xmlns\\s*=\\s*["']${NS_VALUE}["']`);

/** Reads the map JSON out of an SVG's text; never throws. */
export function readSvgMap(svg: string): SvgEmbedded {
  try {
    if (typeof svg !== 'string' || !SVG_START.test(svg.slice(0, 4096))) return { found: false, reason: 'not-svg' };
    // Our prefix may be any name bound to the namespace anywhere in the file; without a prefix, the element declares it as its default.
    const prefixes = new Set([...svg.matchAll(PREFIX_DECLARATION)].map((m) => m[1]));
    for (const m of svg.matchAll(METADATA)) {
      for (const el of (m[1] ?? '').matchAll(MAP_ELEMENT)) {
        const ours = el[1] !== undefined ? prefixes.has(el[1]) : DEFAULT_DECLARATION.test(el[2] ?? '');
        if (ours) return { found: true, text: decodeXmlText(el[3] ?? '') };
      }
    }
    return { found: false, reason: 'no-map' };
  } catch {
    return { found: false, reason: 'no-map' };
  }
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? whole;
    const cp = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** Character data as an XML parser would return it: entities decoded, CDATA sections taken as they are. */
export function decodeXmlText(raw: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = raw.indexOf('<![CDATA[', at);
    if (open < 0) return out + decodeEntities(raw.slice(at));
    const close = raw.indexOf(']]>', open + 9);
    out += decodeEntities(raw.slice(at, open)) + raw.slice(open + 9, close < 0 ? raw.length : close);
    if (close < 0) return out;
    at = close + 3;
  }
}
