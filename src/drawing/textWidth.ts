// How wide text is in Arial (and its metric twins: Liberation Sans, Arimo,
// Helvetica), without a DOM: the exports wrap and size text with it, and the
// canvas draws card names and relation labels in the same font, so a label
// placed by src/drawing/labels.ts is as wide on screen as it was measured.

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
