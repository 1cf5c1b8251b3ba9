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
import { textWidth } from '../drawing/textWidth';

export { textWidth };

/** The font stack of every export: Arial first, then its metric twins. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, 'Helvetica Neue', Helvetica, sans-serif";

/** Written on every <text> too: some slide apps do not inherit fonts from the root. */
export const FONT_ATTR = ` font-family="${FONT_FAMILY.replace(/'/g, '&apos;')}"`;

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

/** One line of text for a slide app that escapes it itself (pptxgenjs): as oneLine, and characters XML forbids shown as U+FFFD. */
export function slideText(text: string): string {
  return oneLine(text).replace(NOT_XML, '\ufffd');
}

/** Text as drawn outside XML the exports write themselves (PowerPoint's): no bidi controls, nothing XML forbids. */
export function drawable(text: string): string {
  return withoutBidiControls(text).replace(NOT_XML, '\ufffd');
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
