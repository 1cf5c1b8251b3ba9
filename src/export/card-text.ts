// The text on a card, at a scale: the canvas draws it at CARD_TEXT, and a
// slide may draw a small map's names larger within the same cards (slide-fit.ts),
// as long as every name still shows whole. Pure.
import { CARD_TEXT, NODE_SIZE } from '../domain';
import { wrapText } from './text';

/** Card text starts this far from the card's left edge and ends this far from its right (as in styles.css). */
export const TEXT_LEFT = 14;
export const TEXT_RIGHT = 10;
/** Room kept above and below the text on a card. */
const TEXT_PAD = 2;

export interface CardText {
  readonly name: number;
  readonly nameLine: number;
  /** Lines a name may take on the card. */
  readonly nameLines: number;
  readonly tag: number;
  readonly tagLine: number;
}

/** Card text at `scale` on a card `height` px tall. */
export function cardTextAt(scale = 1, height: number = NODE_SIZE.height): CardText {
  const nameLine = CARD_TEXT.nameLine * scale;
  const tagLine = CARD_TEXT.tagLine * scale;
  const room = Math.floor((height - 2 * TEXT_PAD - tagLine) / nameLine + 1e-9);
  return { name: CARD_TEXT.name * scale, nameLine, nameLines: Math.max(1, Math.min(CARD_TEXT.nameLines, room)), tag: CARD_TEXT.tag * scale, tagLine };
}

const NAME_WIDTH = NODE_SIZE.width - TEXT_LEFT - TEXT_RIGHT;
const linesOf = (name: string, size: number) => wrapText(name, NAME_WIDTH, size, true, 1000).length;

export interface CardFit {
  /** Of CARD_TEXT. */
  readonly text: number;
  /** Px the cards grow taller to hold the names at that size. */
  readonly grow: number;
}

/**
 * The largest card text up to `most` (in twentieths), with the cards no more
 * than `mostGrow` px taller, at which every name shows whole in three lines
 * or fewer; and how much taller the cards must be for it. A name too long to
 * show whole even on the canvas (cut there) does not hold the others back.
 */
export function largestCardText(names: readonly string[], most: number, mostGrow: number): CardFit {
  const whole = names.filter((n) => linesOf(n, CARD_TEXT.name) <= CARD_TEXT.nameLines);
  const steps = Math.floor((most - 1) * 20 + 1e-9);
  for (let i = steps; i > 0; i--) {
    const scale = 1 + i / 20;
    const t = cardTextAt(scale);
    const lines = Math.max(1, ...whole.map((n) => linesOf(n, t.name)));
    if (lines > CARD_TEXT.nameLines) continue;
    const grow = Math.max(0, Math.ceil(lines * t.nameLine + t.tagLine + 2 * TEXT_PAD - NODE_SIZE.height));
    if (grow <= mostGrow) return { text: scale, grow };
  }
  return { text: 1, grow: 0 };
}
