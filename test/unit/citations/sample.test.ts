import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readDocument, readGolden } from '../analyze/golden.js';

const golden = readGolden('sample-guide.expected.json');
const text = readDocument(golden.document);
const analysis = analyze(text);

describe('citation markers of the sample guide', () => {
  it('finds 59 markers, adjacent bracket groups counted as one', () => {
    expect(analysis.citations).toHaveLength(59);
  });

  it('finds every marker with its exact text and numbers, in order', () => {
    expect(analysis.citations.map((c) => [c.text, c.numbers])).toEqual([
      ['^{[1][2]}', [1, 2]], ['^{[1][3]}', [1, 3]], ['^{[4][5]}', [4, 5]], ['[3]', [3]], ['[3][6][7]', [3, 6, 7]],
      ['[1][8]', [1, 8]], ['[4][9]', [4, 9]], ['[4][10]', [4, 10]], ['[5][11]', [5, 11]],
      ['[1][12][13][14][15]', [1, 12, 13, 14, 15]], ['[12][13][15]', [12, 13, 15]], ['[12]', [12]],
      ['[4][10][16]', [4, 10, 16]], ['[4][10]', [4, 10]], ['[4][10][16]', [4, 10, 16]], ['[17]', [17]], ['[17]', [17]],
      ['[3][8]', [3, 8]], ['[18]', [18]], ['[7][18][19]', [7, 18, 19]], ['[19]', [19]], ['[19]', [19]], ['[7][19]', [7, 19]],
      ['[6][20][21]', [6, 20, 21]], ['[6][20][22][23]', [6, 20, 22, 23]], ['[20][22][23]', [20, 22, 23]], ['[5]', [5]],
      ['[6][20]', [6, 20]], ['[1][18]', [1, 18]], ['[1]', [1]], ['^[7]', [7]], ['^[7]', [7]],
      ['[4]', [4]], ['[20][22]', [20, 22]], ['[21]', [21]], ['[21]', [21]], ['^[17]', [17]],
      ['[12]', [12]], ['[12]', [12]], ['[12]', [12]], ['[12]', [12]],
      ['[24]', [24]], ['[24]', [24]], ['[24]', [24]], ['[24][25]', [24, 25]], ['[24]', [24]], ['[24]', [24]],
      ['[4]', [4]], ['[4]', [4]], ['[4]', [4]], ['[4]', [4]], ['[4]', [4]], ['[26]', [26]], ['[26]', [26]],
      ['[1][7]', [1, 7]], ['[1]', [1]], ['[13][15]', [13, 15]], ['[6][9][20]', [6, 9, 20]], ['[1][9]', [1, 9]],
    ]);
  });

  it('gives each marker its exact source span', () => {
    for (const c of analysis.citations) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(analysis.citations[0]).toMatchObject({ start: 624, end: 633, style: 'superscript' });
  });

  it('points each number of a grouped superscript at its own digits', () => {
    const first = analysis.citations[0]!;
    expect(first.parts).toEqual([
      { number: 1, start: 627, end: 628 },
      { number: 2, start: 630, end: 631 },
    ]);
  });

  it('reads a marker that opens a paragraph', () => {
    const opening = analysis.citations.find((c) => c.text === '[13][15]')!;
    expect(text[opening.start - 1]).toBe('\n');
    expect(opening.start).toBe(14145);
  });

  it('reads the marker in the table row continued as a pipe row', () => {
    const row = analysis.citations.find((c) => c.text === '^[17]')!;
    expect(row).toMatchObject({ start: 7309, end: 7314, numbers: [17], style: 'superscript' });
    expect(text.slice(row.start - 1, row.end + 2)).toBe('|^[17] |');
  });

  it('does not read the year [2025] or the reference list numbers as markers', () => {
    expect(analysis.citations.some((c) => c.text.includes('2025'))).toBe(false);
    const listStart = analysis.referenceList!.start;
    expect(analysis.citations.every((c) => c.end <= listStart)).toBe(true);
  });

  it('matches every marker to an entry, so no marker is reported missing', () => {
    expect(analysis.diagnostics.filter((d) => d.code === 'missing-reference')).toEqual([]);
  });
});
