// The breakout comparison as a CSV table (RFC 4180): one line per stakeholder,
// and for each team its name, label, side, role and findings. Names are
// anyone's text, and a spreadsheet runs a cell that starts with "=", "+", "-"
// or "@" as a formula: such a cell is written with a leading apostrophe, which
// spreadsheets read as "this is text" (see csvCell).
import { ROLE_INFO, rowStatus, withoutBidiControls, type CellEntry, type Comparison } from '../domain';
import { LABEL_STYLE } from '../drawing/theme';

// What may start a formula: the four signs (and their full-width forms), and tab or CR, which some spreadsheets skip.
const FORMULA_START = /^[=+\-@\uff1d\uff0b\uff0d\uff20\t\r]/;
// Invisible characters that a spreadsheet may skip before it looks at the first sign.
// eslint-disable-next-line no-control-regex
const INVISIBLE_START = /^[\p{Cf}\u0000-\u0008\u000b\u000c\u000e-\u001f \u00a0]+/u;

/** A cell made safe from formula injection, then quoted as RFC 4180 says when it must be. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) || FORMULA_START.test(value.replace(INVISIBLE_START, '')) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Lines of cells, each line ended by CRLF (RFC 4180). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const join = (entries: readonly CellEntry[], pick: (e: CellEntry) => string) => entries.map(pick).join(' / ');

/** The comparison's table: a header line, then one line per row in the comparison's order. */
export function comparisonTable(c: Comparison): string[][] {
  const head = ['Stakeholder', 'Status', 'Matched by hand'];
  for (const col of c.columns) {
    const team = withoutBidiControls(col.team);
    head.push(`${team}: name`, `${team}: label`, `${team}: side`, `${team}: role`, `${team}: findings`);
  }
  const lines = [head];
  for (const row of c.rows) {
    const line = [withoutBidiControls(row.name), rowStatus(c, row), row.handMatched ? 'yes' : ''];
    for (const cell of row.cells) {
      line.push(
        join(cell, (e) => withoutBidiControls(e.name)),
        join(cell, (e) => LABEL_STYLE[e.label].title),
        join(cell, (e) => (e.side === 'internal' ? 'Inside' : 'Outside')),
        join(cell, (e) => ROLE_INFO[e.role].name),
        cell.flatMap((e) => e.findings.map((f) => withoutBidiControls(f.message))).join(' | '),
      );
    }
    lines.push(line);
  }
  return lines;
}

/** The CSV file: with a byte-order mark, so that spreadsheets read it as UTF-8. */
export function comparisonCsv(c: Comparison): string {
  return `\ufeff${csvText(comparisonTable(c))}`;
}

/** `Brightfoods compared.csv`, safe on every OS. */
export function comparisonFileName(title: string, extension: 'csv' | 'pptx'): string {
  // eslint-disable-next-line no-control-regex
  const clean = withoutBidiControls(title).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 70);
  return `${clean.replace(/^[.-]+/, '') || 'map'} - teams compared.${extension}`;
}
