// The breakout comparison as a slide: a table with one row per stakeholder
// (disagreements first, as many as fit) and one column per team, each cell
// the team's label and what its map shows; the full list goes in the speaker
// notes. Laid out here as plain data (tested without PowerPoint), then written
// with pptxgenjs, which the caller has loaded.
import type PptxGenJS from 'pptxgenjs';
import { ROLE_INFO, rowStatus, type CellEntry, type Comparison, type ComparisonRow } from '../domain';
import { LABEL_STYLE } from '../drawing/theme';
import { slideText } from './text';

/** Rows the slide shows at most; the rest are counted, and listed in the notes. */
export const SLIDE_ROWS = 8;
const NOTES_ROWS = 300;

export type RowTone = 'disagree' | 'partial' | 'agree';

export interface ComparisonSlide {
  readonly title: string;
  readonly subtitle: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly tone: RowTone; readonly cells: readonly string[] }[];
  /** Rows left off the slide. */
  readonly more: number;
  readonly notes: string;
}

const toneOf = (row: ComparisonRow): RowTone => (row.disagreements.length > 0 ? 'disagree' : row.missing.length > 0 ? 'partial' : 'agree');

function cellText(entries: readonly CellEntry[]): string {
  if (entries.length === 0) return 'not drawn';
  return entries
    .map((e) => {
      const findings = e.findings.length > 0 ? ` · ${e.findings.length} finding${e.findings.length === 1 ? '' : 's'}` : '';
      return `${LABEL_STYLE[e.label].title}${e.side === 'internal' ? ' (inside)' : ''}\nshows: ${ROLE_INFO[e.role].name}${findings}`;
    })
    .join('\n');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The slide's words, from a comparison; every name made one safe line. */
export function comparisonSlide(c: Comparison, title: string): ComparisonSlide {
  const teams = c.columns.filter((col) => !col.own).length;
  const subtitle = [
    plural(teams, 'team'),
    plural(c.rows.length, 'stakeholder'),
    `${c.disagreeing.toLocaleString('en-US')} with disagreements`,
    `${c.partial.toLocaleString('en-US')} not drawn by every ${c.columns.some((col) => col.own) ? 'map' : 'team'}`,
  ].join(' · ');
  const shown = c.rows.slice(0, SLIDE_ROWS);
  const rows = shown.map((row) => ({
    tone: toneOf(row),
    cells: [`${toneOf(row) === 'disagree' ? '≠ ' : ''}${slideText(row.name)}${row.handMatched ? ' (matched by hand)' : ''}`, ...row.cells.map((cell) => cellText(cell).split('\n').map(slideText).join('\n'))],
  }));
  const notes = [`Breakout teams compared: ${subtitle}.`, ''];
  for (const row of c.rows.slice(0, NOTES_ROWS)) {
    const each = row.cells.map((cell, i) => `${slideText(c.columns[i]!.team)}: ${cell.length === 0 ? 'not drawn' : cell.map((e) => `${LABEL_STYLE[e.label].title} (shows ${ROLE_INFO[e.role].name})`).join(', ')}`);
    notes.push(`${slideText(row.name)} — ${rowStatus(c, row)}. ${each.join('; ')}.`);
  }
  if (c.rows.length > NOTES_ROWS) notes.push(`…and ${c.rows.length - NOTES_ROWS} more in the CSV export.`);
  return {
    title: `Breakout teams compared: ${slideText(title)}`,
    subtitle,
    header: ['Stakeholder', ...c.columns.map((col) => slideText(col.team))],
    rows,
    more: c.rows.length - shown.length,
    notes: notes.join('\n'),
  };
}

const W = 13.333;
const TONE_FILL: Record<RowTone, string> = { disagree: 'FFF4E0', partial: 'F1F4F8', agree: 'FFFFFF' };

/** Adds the comparison slide to a deck being written. */
export function addComparisonSlide(pptx: PptxGenJS, s: ComparisonSlide): void {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addShape('roundRect', { x: 0.5, y: 0.38, w: 0.58, h: 0.07, rectRadius: 0.5, fill: { color: '1D5FC4' }, line: { type: 'none' } });
  slide.addText(s.title, { x: 0.5, y: 0.5, w: W - 1, h: 0.7, fontFace: 'Arial', fontSize: 30, bold: true, color: '111827', margin: 0, fit: 'shrink' });
  slide.addText(s.subtitle, { x: 0.5, y: 1.2, w: W - 1, h: 0.4, fontFace: 'Arial', fontSize: 16, color: '4B5563', margin: 0 });
  const teams = s.header.length - 1;
  const fontSize = teams <= 3 ? 14 : teams <= 6 ? 11 : 8;
  const nameW = teams <= 3 ? 3.6 : 2.6;
  const teamW = (W - 1 - nameW) / teams;
  const cell = (text: string, fill: string, bold = false): PptxGenJS.TableCell => ({ text, options: { fill: { color: fill }, bold, fontSize, fontFace: 'Arial', color: '111827', valign: 'middle' } });
  const rows: PptxGenJS.TableRow[] = [
    s.header.map((h) => cell(h, 'E5EAF1', true)),
    ...s.rows.map((r) => r.cells.map((text, i) => cell(text, TONE_FILL[r.tone], i === 0))),
  ];
  slide.addTable(rows, { x: 0.5, y: 1.75, w: W - 1, colW: [nameW, ...Array<number>(teams).fill(teamW)], border: { type: 'solid', pt: 0.75, color: 'C8D1DC' }, margin: 0.06 });
  const foot = s.more > 0 ? `${s.more.toLocaleString('en-US')} more stakeholders in the speaker notes and the CSV export · ` : '';
  slide.addText(`${foot}≠ teams disagree · Drawn with Stakemap`, { x: 0.5, y: 7.0, w: W - 1, h: 0.3, fontFace: 'Arial', fontSize: 11, color: '4B5563', margin: 0 });
  slide.addNotes(s.notes);
}

/** A deck of the comparison slide alone, for the comparison screen's download. */
export async function comparisonDeck(c: Comparison, title: string): Promise<Blob> {
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `Breakout teams compared: ${slideText(title)}`;
  pptx.company = 'Stakemap';
  addComparisonSlide(pptx, comparisonSlide(c, title));
  const out = await pptx.write({ outputType: 'blob', compression: true });
  return out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
