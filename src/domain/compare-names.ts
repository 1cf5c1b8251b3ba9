// Matching stakeholders of different teams by name. Teams write the same
// stakeholder differently ("Grocery chains", "grocery chain", "The
// grocery-chains"), so names are compared by a key that ignores what does not
// change the meaning. The rules are few and predictable (docs/FACILITATION.md):
//   1. Unicode compatibility forms are folded (NFKD) and accents dropped (é → e).
//   2. Letters are lower-cased.
//   3. Punctuation, symbols and invisible format characters (bidi controls
//      among them) become spaces; runs of spaces become one.
//   4. A leading English article ("the", "a", "an") is dropped.
//   5. Each word longer than three letters loses a plural ending:
//      "-ies" → "-y", "-sses"/"-xes"/"-ches"/"-shes"/"-zes" lose "-es", and a
//      final "-s" goes unless the word ends in "-ss", "-us" or "-is".
// Anything the rules do not make equal stays apart; a facilitator matches it by hand.

const MARKS = /\p{M}/gu;
const NOT_WORD = /[\p{P}\p{S}\p{Cf}\p{Cc}\s]+/gu;
const ARTICLES = new Set(['the', 'a', 'an']);

function singular(word: string): string {
  if (word.length <= 3 || !/\p{L}$/u.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

// Nearly every name is plain ASCII: it takes a short path with the same result.
const ASCII = /^[\x20-\x7e]*$/;
const ASCII_NOT_WORD = /[^a-z0-9]+/g;

/** The key two names share when the rules above make them the same name. Never empty for a non-blank name. */
export function nameKey(name: string): string {
  const spaced = ASCII.test(name) ? name.toLowerCase().replace(ASCII_NOT_WORD, ' ') : name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ');
  const words = spaced.trim().split(' ').filter(Boolean);
  if (words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  const key = words.map(singular).join(' ');
  // A name of punctuation only ("???") keeps itself as its key: it matches only the same text.
  return key === '' ? name.trim().toLowerCase() : key;
}
