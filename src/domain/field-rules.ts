// The small text and id rules of docs/FORMAT.md, shared by the parser and the edits
// so that an edit can never produce a map the parser would refuse.
import { ID_PATTERN, LIMITS, ORG_ID, type Position } from './model';

/** Unicode code points, as docs/FORMAT.md counts characters (a lone surrogate counts as one, like `[...s]`). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Whether `s` has more than `max` code points; never counts when `.length` already settles it. */
export function exceeds(s: string, max: number): boolean {
  return s.length > max && codePointLength(s) > max;
}

export function isBlank(s: string): boolean {
  return s.trim().length === 0;
}

/** A stakeholder or organization name: 1 to 200 characters, not all whitespace. */
export function isValidName(s: unknown): s is string {
  return typeof s === 'string' && !isBlank(s) && !exceeds(s, LIMITS.name);
}

/** A title: 1 to 200 characters after trimming (it is stored untrimmed). */
export function isValidTitle(s: unknown): s is string {
  return typeof s === 'string' && !isBlank(s) && !exceeds(s.trim(), LIMITS.title);
}

/** An id of a stakeholder or a relation: the pattern, and never `us`. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id !== ORG_ID && ID_PATTERN.test(id);
}

export function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

// Coordinates: the format allows any finite number, but the canvas cannot draw
// them all (docs/FORMAT.md, "Positions", says why the bound is ±1,000,000).
// Reading a file and every edit that moves something clamp into the bound, so
// the bound is stated here once.

/** A coordinate the canvas can draw: finite and within ±LIMITS.coordinate. */
export function isDrawableCoordinate(n: unknown): n is number {
  return typeof n === 'number' && n >= -LIMITS.coordinate && n <= LIMITS.coordinate;
}

/** A finite coordinate moved to the nearest edge of the drawable range (and -0 read as 0). */
export function clampCoordinate(n: number): number {
  return Math.min(LIMITS.coordinate, Math.max(-LIMITS.coordinate, n)) + 0;
}

/** `p` itself when it is drawable, else a new position with each coordinate clamped. */
export function clampPosition(p: Position): Position {
  if (isDrawableCoordinate(p.x) && isDrawableCoordinate(p.y)) return p;
  return { x: clampCoordinate(p.x), y: clampCoordinate(p.y) };
}

/**
 * Whether the UTF-8 encoding of `text` is longer than `limit` bytes. Linear,
 * stops as soon as the answer is known, and skips counting when the UTF-16
 * length alone settles it (each unit is 1 to 3 bytes).
 */
export function utf8LongerThan(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // including a lone surrogate, which an encoder writes as U+FFFD
    if (bytes > limit) return true;
  }
  return false;
}
