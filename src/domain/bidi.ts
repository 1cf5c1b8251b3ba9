// Bidirectional control characters in map text. A name may hold any text
// (docs/FORMAT.md), including the explicit embeddings, overrides and isolates
// of Unicode's bidi algorithm (U+202A–U+202E, U+2066–U+2069): a right-to-left
// override in a name reverses whatever follows it in the same line. The
// stored text is never changed; where it is shown, it is isolated so that it
// cannot reach its neighbours. On screen an element does that (`<bdi>` or
// `unicode-bidi: isolate`); inside a sentence built here (a finding's message)
// isolateText does it with the characters meant for it.

const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_ALL = /[\u202a-\u202e\u2066-\u2069]/g;
const FSI = '\u2068';
const PDI = '\u2069';

export function hasBidiControls(text: string): boolean {
  return CONTROLS.test(text);
}

/**
 * `text` to put inside a sentence: as it is when it holds no bidi control
 * (nearly always), else wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE, which ends every embedding and override begun inside. Within the
 * wrapping, isolates the text leaves open are closed and a PDI without its
 * opener (which would close the wrapping early) is left out: neither changes
 * how the text itself reads.
 */
export function isolateText(text: string): string {
  if (!hasBidiControls(text)) return text;
  let out = '';
  let open = 0;
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === FSI) open++;
    else if (ch === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return FSI + out + PDI.repeat(open) + PDI;
}

/** `text` without bidi controls: for drawings that other apps open, which may not isolate. */
export function withoutBidiControls(text: string): string {
  return hasBidiControls(text) ? text.replace(CONTROLS_ALL, '') : text;
}
