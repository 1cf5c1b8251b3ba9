// Ids for what this person creates. Two tabs (or two people in a live room)
// adding a stakeholder at once would both pick `s7` from the map they see, and
// merging would make one overwrite the other: so each page gets a random tag
// of its own, and its ids carry it.
import { uniqueId } from '../domain';

function randomTag(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 6);
}

const TAG = randomTag();

/** A new id of `kind` ('s', 'r' or 'v' for a vote) not taken in the map, unique to this page. */
export function newId(kind: 's' | 'r' | 'v', taken: (id: string) => boolean): string {
  return uniqueId(`${kind}${TAG}-`, taken);
}
