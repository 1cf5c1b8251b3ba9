// Text for exported drawings: XML escaping, and line wrapping measured with
// Arial's metrics, so that wrapping needs no DOM and is the same in every
// export. Arial (or a metric twin: Liberation Sans, Helvetica, Arimo) is on
// every machine PowerPoint and Keynote run on, so what is measured here is
// what those apps draw.
//
// Bidi controls (src/domain/bidi.ts) are left out of every drawn text: a name
// is drawn as its own line, and other apps that open an SVG or a slide may not
// isolate them, so a right-to-left override in one name could reverse a whole
// line built around it ("Inside …", a finding). The map carried inside the
// file keeps them.
import { withoutBidiControls } from '../domain/bidi';

/** The font stack of every export: Arial first, then its metric twins. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, 'Helvetica Neue', Helvetica, sans-serif";

/** Written on every <text> too: some slide apps do not inherit fonts from the root. */
export const FONT_ATTR = ` font-family="${FONT_FAMILY.replace(/'/g, '&apos;')}"`;

// Advance widths of ASCII 32..126 in thousandths of an em (Arial / Helvetica AFM).
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

function charWidth(ch: string, bold: boolean): number {
  const cp = ch.codePointAt(0) ?? 32;
  const table = bold ? BOLD : REGULAR;
  if (cp >= 32 && cp < 127) return table[cp - 32]!;
  if (isWide(cp)) return 1000;
  if (cp === 0x2014 || cp === 0x2026) return 1000; // em dash, ellipsis
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks
  // Accented Latin letters are as wide as their base letter.
  const base = ch.normalize('NFD').codePointAt(0) ?? cp;
  if (base >= 32 && base < 127) return table[base - 32]!;
  return 600;
}

/** The width of `text` in px at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, bold);
  return (w * size) / 1000;
}

// Characters XML 1.0 forbids even as references: C0 controls but tab, LF
// and CR; lone surrogates; U+FFFE and U+FFFF. A name may hold them (docs/FORMAT.md
// allows any text), so visible text shows U+FFFD instead of breaking the file.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe as XML character data or an attribute value in double or single quotes. */
export function escapeXml(text: string): string {
  return withoutBidiControls(text)
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Line breaks and tabs become spaces; runs of spaces become one; bidi controls are left out. */
export function oneLine(text: string): string {
  return withoutBidiControls(text).replace(/\s+/g, ' ').trim();
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth`,
 * at spaces where it can and inside long words where it must; the last
 * line ends in "…" when text is left over.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold: boolean, maxLines: number): string[] {
  const words = oneLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, bold) <= maxWidth) {
      line = candidate;
      i++;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      continue;
    }
    // One word wider than the line: cut it.
    const [head, rest] = cut(word, maxWidth, size, bold);
    lines.push(head);
    words[i] = rest;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (i < words.length) {
    const last = lines.length > 0 ? lines.pop()! : '';
    lines.push(ellipsize(last, maxWidth, size, bold));
  }
  return lines;
}

/** The longest prefix (by code points) of `word` that fits, and the rest. */
function cut(word: string, maxWidth: number, size: number, bold: boolean): [string, string] {
  const chars = Array.from(word);
  let n = 0;
  let w = 0;
  while (n < chars.length) {
    const cw = textWidth(chars[n]!, size, bold);
    if (w + cw > maxWidth && n > 0) break;
    w += cw;
    n++;
  }
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

/** `text` shortened to fit `maxWidth` with a trailing "…". */
export function ellipsize(text: string, maxWidth: number, size: number, bold: boolean): string {
  const chars = Array.from(text.trimEnd());
  const dots = textWidth('…', size, bold);
  while (chars.length > 0 && textWidth(chars.join(''), size, bold) + dots > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** A single line: the text itself if it fits, else shortened with "…". */
export function fitLine(text: string, maxWidth: number, size: number, bold: boolean): string {
  const clean = oneLine(text);
  return textWidth(clean, size, bold) <= maxWidth ? clean : ellipsize(clean, maxWidth, size, bold);
}
