// Slide text as items that flow into columns, top to bottom and column to
// column, each item kept whole: a finding is never split or cut, and a
// layout either holds every item or says how many it held. Pure.
import type { Block, TextBlock } from './slide-layout';
import { wrapText } from './text';

export interface Item {
  readonly height: number;
  /** Space below the item when another follows in the same column. */
  readonly after: number;
  /** A heading: never the last thing in a column. */
  readonly keepWithNext?: boolean;
  place(x: number, y: number): Block[];
}

export interface Col {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly bottom: number;
}

export interface Flowed {
  readonly blocks: Block[];
  /** How many of the items (from the first) found a place. */
  readonly placed: number;
  /** Per column, the lowest point used. */
  readonly used: number[];
}

/** Places `items` into `cols` in order; stops at the first item no column has room for. */
export function flow(items: readonly Item[], cols: readonly Col[]): Flowed {
  const blocks: Block[] = [];
  const used = cols.map((c) => c.y);
  let c = 0;
  let y = cols[0]?.y ?? 0;
  let i = 0;
  let first = true;
  while (i < items.length && c < cols.length) {
    const col = cols[c]!;
    const item = items[i]!;
    const top = first ? y : y + (items[i - 1]?.after ?? 0);
    const next = item.keepWithNext ? items[i + 1] : undefined;
    const need = item.height + (next ? item.after + next.height : 0);
    if (top + need <= col.bottom + 0.01) {
      blocks.push(...item.place(col.x, top));
      y = top + item.height;
      used[c] = y;
      first = false;
      i++;
      continue;
    }
    c++;
    y = cols[c]?.y ?? 0;
    first = true;
  }
  return { blocks, placed: i, used };
}

/** Line height for text of `size` px. */
export const lineHeight = (size: number): number => Math.round(size * 1.3);

/** Every line of `text` wrapped to `w`, none left out. */
export function wrapAll(text: string, w: number, size: number, bold = false): string[] {
  return wrapText(text, w, size, bold, Number.POSITIVE_INFINITY);
}

/** Letter spacing of headings in capitals, in slide px (PowerPoint: half as many points). */
export const CAPS_SPACING = 1.2;

/** A heading in capitals, wrapped as drawn: upper case, letters spaced (about 8% wider at these sizes). */
export function capsLines(text: string, w: number, size: number): string[] {
  return wrapAll(text.toUpperCase(), w * 0.9, size, true);
}

type TextStyle = Omit<TextBlock, 't' | 'x' | 'y' | 'w' | 'lines' | 'size' | 'lineHeight'>;

/** A text item of already wrapped lines. */
export function textItem(lines: readonly string[], w: number, size: number, style: TextStyle, after = 0, dx = 0): Item {
  const lh = lineHeight(size);
  return {
    height: lines.length * lh,
    after,
    place: (x, y) => [{ t: 'text', x: x + dx, y, w: w - dx, lines, size, lineHeight: lh, ...style }],
  };
}

/** Stacks items into one (kept together). */
export function together(items: readonly Item[], after = 0, keepWithNext = false): Item {
  let height = 0;
  items.forEach((it, i) => (height += it.height + (i < items.length - 1 ? it.after : 0)));
  return {
    height,
    after,
    keepWithNext,
    place: (x, y) => {
      const out: Block[] = [];
      let at = y;
      for (const it of items) {
        out.push(...it.place(x, at));
        at += it.height + it.after;
      }
      return out;
    },
  };
}
