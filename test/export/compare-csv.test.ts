import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBreakoutTeam, compareBreakouts, type StakeMap } from '../../src/domain';
import { comparisonCsv, comparisonFileName, csvCell, csvText } from '../../src/export/compare-csv';
import { mustParse, REPO_ROOT, SCENARIO_DIR } from '../domain/helpers';

/** An RFC 4180 reader, written for the test: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    }
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes cells with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('＝1')).toBe("'＝1");
    // Behind invisible characters or spaces, a sign still counts.
    expect(csvCell('\u202e=1')).toBe("'\u202e=1");
    expect(csvCell('  =1')).toBe("'  =1");
    // A sign inside the text is harmless.
    expect(csvCell('Mother-in-law')).toBe('Mother-in-law');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes lines ended by CRLF, and reads back as written', () => {
    const rows = [['name', 'note'], ['=cmd', 'a, "b"\nc'], ['', '@x']];
    const text = csvText(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['name', 'note'], ["'=cmd", 'a, "b"\nc'], ['', "'@x"]]);
  });
});

describe('comparisonCsv', () => {
  const brightfoods = mustParse(readFileSync(join(SCENARIO_DIR, 'brightfoods-distribution.stakemap.json'), 'utf8'));
  const teamB = mustParse(readFileSync(join(REPO_ROOT, 'test/fixtures/breakouts/brightfoods-team-b.stakemap.json'), 'utf8'));

  it('has one line per stakeholder with each team’s label, side, role and findings', () => {
    let map = addBreakoutTeam(brightfoods, { id: 'a', team: 'Team A', map: brightfoods });
    map = addBreakoutTeam(map, { id: 'b', team: 'Team B', map: teamB });
    const text = comparisonCsv(compareBreakouts(map));
    expect(text.startsWith('\ufeff')).toBe(true);
    const [head, ...rows] = parseCsv(text.slice(1));
    expect(head).toEqual([
      'Stakeholder', 'Status', 'Matched by hand',
      'Team A: name', 'Team A: label', 'Team A: side', 'Team A: role', 'Team A: findings',
      'Team B: name', 'Team B: label', 'Team B: side', 'Team B: role', 'Team B: findings',
    ]);
    expect(rows).toHaveLength(7);
    const distributor = rows.find((r) => r[0] === 'National distributor')!;
    expect(distributor.slice(1, 3)).toEqual(['Disagree on label', '']);
    expect(distributor.slice(3, 7)).toEqual(['National distributor', 'Customer', 'Outside', 'Partner']);
    expect(distributor[7]).toMatch(/National distributor/);
    expect(distributor.slice(8)).toEqual(['The national distributors', 'Partner', 'Outside', 'Partner', '']);
    const buyers = rows.find((r) => r[0] === 'Category buyers')!;
    expect(buyers.slice(1, 8)).toEqual(['Drawn only by Team B', '', '', '', '', '', '']);
  });

  it('guards hostile names and team names, and leaves no bidi control in', () => {
    const hostile: StakeMap = {
      ...brightfoods,
      stakeholders: brightfoods.stakeholders.map((s) => (s.id === 'grocers' ? { ...s, name: '=IMPORTXML("http://evil","//a")' } : s.id === 'oat-farm' ? { ...s, name: 'Oat \u202ecoop' } : s)),
    };
    const map = addBreakoutTeam(addBreakoutTeam(brightfoods, { id: 'a', team: '@Team', map: hostile }), { id: 'b', team: 'B', map: teamB });
    const rows = parseCsv(comparisonCsv(compareBreakouts(map)).slice(1));
    expect(rows[0]![3]).toBe("'@Team: name");
    const hostileRow = rows.find((r) => r[3]!.includes('IMPORTXML'))!;
    expect(hostileRow[0]).toBe(`'=IMPORTXML("http://evil","//a")`);
    expect(hostileRow[3]).toBe(`'=IMPORTXML("http://evil","//a")`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows.flat().join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('names the file after the map, safely', () => {
    expect(comparisonFileName('Brightfoods: who buys our cereal?', 'csv')).toBe('Brightfoods- who buys our cereal- - teams compared.csv');
    expect(comparisonFileName('..\u202egpj.exe', 'csv')).toBe('gpj.exe - teams compared.csv');
  });
});
