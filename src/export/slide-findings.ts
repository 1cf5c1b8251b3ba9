// Findings on slides, always whole: on an image slide every finding wrapped
// in full (or, past any size that fits, an honest count of those not shown);
// on a PowerPoint map slide a short summary, and every finding with its
// reason on "Findings" slides, as many as they need. Pure.
import type { Finding, Severity, StakeMap } from '../domain';
import { countsPhrase, SEVERITY_COLOR, SEVERITY_WORD, summarizeFindings } from './findings';
import { lighten, type Palette } from './palette';
import { capsLines, flow, lineHeight, textItem, together, wrapAll, type Col, type Item } from './slide-flow';
import type { Block } from './slide-layout';

export const severityColor = (severity: Severity, p: Palette): string =>
  p.chip === '#ffffff' ? SEVERITY_COLOR[severity] : lighten(SEVERITY_COLOR[severity], 0.4);

/** The heading and summary of the findings section, at text size `s` in a column `w` wide. */
export function findingsHead(map: StakeMap, p: Palette, w: number, s: number, summaryOnly: boolean): Item[] {
  const summary = summarizeFindings(map);
  const items: Item[] = [
    textItem(capsLines('Findings', w, s), w, s, { color: p.inkSoft, bold: true, caps: true }, 8),
    textItem(wrapAll(summary.sentence, w, s, true), w, s, { color: p.ink, bold: true }, 4),
    textItem(wrapAll(countsPhrase(summary.counts), w, s), w, s, { color: p.inkSoft }, 10),
  ];
  if (summaryOnly && summary.findings.length > 0) {
    const n = summary.findings.length;
    const words = `${n === 1 ? 'The finding' : `All ${n} findings`}, with the reasons, on the slide${n > 2 ? 's' : ''} that follow${n > 2 ? '' : 's'}.`;
    items.push(textItem(wrapAll(words, w, s), w, s, { color: p.inkSoft, italic: true }, 10));
  }
  // The heading stays with what follows it.
  return [together(items, 10, true)];
}

/** One finding, wrapped in full beside its severity dot. */
export function findingItem(f: Finding, index: number, p: Palette, w: number, s: number): Item {
  const indent = Math.round(s * 0.85);
  const lines = wrapAll(f.message, w - indent, s);
  const text = textItem(lines, w, s, { color: p.ink, group: `finding-${index}`, paragraph: f.message }, Math.round(s * 0.45), indent);
  const r = Math.max(4, s * 0.2);
  return {
    ...text,
    place: (x, y) => [{ t: 'dot', cx: x + r + 1, cy: y + lineHeight(s) / 2, r, fill: severityColor(f.severity, p) }, ...text.place(x, y)],
  };
}

/** The line that stands for findings no size could fit on one image. */
export function moreItem(n: number, p: Palette, w: number, s: number): Item {
  const words = `And ${n} more finding${n === 1 ? '' : 's'} not shown on this image: every one is in Stakemap, and on the findings slides of the PowerPoint export.`;
  return textItem(wrapAll(words, w, s, true), w, s, { color: p.ink, bold: true, group: 'findings-more' });
}

export interface FindingsPage {
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Indexes of the findings on this page. */
  readonly findings: readonly number[];
}

const PAGE = { width: 1920, height: 1080, margin: 64, gap: 56, size: 28, why: 24 } as const;

/** One item per finding: its severity, the message and the reason. */
function pageItem(f: Finding, index: number, p: Palette, w: number): Item {
  const s = PAGE.size;
  const word = SEVERITY_WORD[f.severity][0];
  return together(
    [
      textItem([word], w, PAGE.why, { color: severityColor(f.severity, p), bold: true, caps: true }, 2),
      textItem(wrapAll(f.message, w, s), w, s, { color: p.ink, group: `finding-${index}`, paragraph: f.message }, 6),
      textItem(wrapAll(`Why: ${f.why}`, w, PAGE.why), w, PAGE.why, { color: p.inkSoft, paragraph: `Why: ${f.why}` }),
    ],
    28,
  );
}

/**
 * The findings of `map` on as many 16:9 pages as they need, in two columns,
 * each finding whole (text at 14 pt and 12 pt on a 13.33-inch slide).
 */
export function findingsPages(map: StakeMap, p: Palette, title: string, top: number): FindingsPage[] {
  const { findings } = summarizeFindings(map);
  const colW = (PAGE.width - 2 * PAGE.margin - PAGE.gap) / 2;
  const bottom = PAGE.height - PAGE.margin;
  const cols: Col[] = [0, 1].map((i) => ({ x: PAGE.margin + i * (colW + PAGE.gap), y: top, w: colW, bottom }));
  const items = findings.map((f, i) => pageItem(f, i, p, colW));
  const pages: FindingsPage[] = [];
  let from = 0;
  while (from < items.length) {
    const { blocks, placed } = flow(items.slice(from), cols);
    // An item taller than a column (never with real findings) still gets a page of its own.
    const n = Math.max(1, placed);
    const own = placed === 0 ? items[from]!.place(cols[0]!.x, cols[0]!.y) : blocks;
    pages.push({ title, blocks: own, findings: Array.from({ length: n }, (_, k) => from + k) });
    from += n;
  }
  return pages.map((page, i) => ({ ...page, title: pages.length > 1 ? `${title} (${i + 1} of ${pages.length})` : title }));
}
