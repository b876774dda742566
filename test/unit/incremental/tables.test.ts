/**
 * Tables and records remembered between versions are read again when anything they looked at
 * changes: the block before a table (its caption), the blocks after it (stray rows, tab rows one
 * per paragraph), the source an HTML table spans, and the mentions and citations in its rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import type { Analysis } from '../../../src/core/types.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url), 'utf8');

const pipe = read('dopamine-ligands-pipe.md');
const tab = read('cannabinoid-tab-crlf.md');
const html = read('ion-channel-blockers-html.md');

/** Analyses each version with one cache; every incremental result must equal the cold one. */
function analyseVersions(...versions: string[]): Analysis[] {
  const cache = new ChunkCache();
  return versions.map((text) => {
    const incremental = analyze(text, { cache });
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(analyze(text)));
    return incremental;
  });
}

/** The records read from tables (prose records of the same document are checked elsewhere). */
const fromTables = (a: Analysis) => a.records.filter((r) => r.origin === 'table');

function replaced(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('pipe tables', () => {
  test('a caption edited above an unchanged table is read again', () => {
    const edited = replaced(pipe, '**Table 1.** Affinities', '**Table 4.** Affinities');
    const [before, after] = analyseVersions(pipe, edited);
    expect(before!.tables[0]!.caption).toBe('Table 1. Affinities of antipsychotics at human dopamine receptors');
    expect(after!.tables[0]!.caption).toBe('Table 4. Affinities of antipsychotics at human dopamine receptors');
  });

  test('prose typed between a table and its stray row detaches the row, and deleting it attaches it again', () => {
    const separated = replaced(pipe, '\n\n| Sulpiride |', '\n\nNot tested further.\n\n| Sulpiride |');
    const [first, second, third] = analyseVersions(pipe, separated, pipe);
    expect(first!.tables[0]!.rows.map((r) => r.continued)).toEqual([false, false, false, false, true]);
    expect(second!.tables[0]!.rows).toHaveLength(4);
    expect(second!.records.filter((r) => r.table === 0)).toHaveLength(4);
    expect(third!.tables[0]!.rows).toHaveLength(5);
  });

  test('a blank line added between a table and its stray row moves only the row', () => {
    const further = replaced(pipe, '\n\n| Sulpiride |', '\n\n\n| Sulpiride |');
    const [before, after] = analyseVersions(pipe, further);
    const rows = (a: Analysis): number[] => a.tables[0]!.rows.map((r) => r.start);
    expect(rows(after!)).toEqual([...rows(before!).slice(0, 4), rows(before!)[4]! + 1]);
  });

  test('a stray row that loses cells no longer continues the table above', () => {
    const shortened = replaced(pipe, '| Sulpiride | D3 | 14 | 7.85 | CHO cells | [2] |', '| Sulpiride | D3 | 14 |');
    const [, after] = analyseVersions(pipe, shortened);
    expect(after!.tables[0]!.rows).toHaveLength(4);
    expect(after!.tables[0]!.end).toBe(after!.tables[0]!.rows[3]!.end);
  });

  test('tables after an edit move with it, keeping their rows and records', () => {
    const longer = replaced(pipe, 'Binding data were', 'Radioligand binding data were');
    const [before, after] = analyseVersions(pipe, longer);
    expect(after!.tables.map((t) => t.start)).toEqual(before!.tables.map((t) => t.start + 12));
    expect(after!.records.map((r) => r.start)).toEqual(before!.records.map((r) => r.start + 12));
  });

  test('a table inserted above renumbers the records of the tables below', () => {
    const inserted = replaced(pipe, '**Table 1.**', '| Salt | mM |\n|---|---|\n| NaCl | 140 |\n\n**Table 1.**');
    const [before, after] = analyseVersions(pipe, inserted);
    // Table 2 gives an EC50 and an Emax record per row; tables naming no ligand (the salt, the parameters) give none.
    expect(fromTables(before!).map((r) => r.table)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(fromTables(after!).map((r) => r.table)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  test('a paragraph above turned into a table, offsets unchanged, renumbers the records below', () => {
    const prose = replaced(pipe, '**Table 1.**', 'Holding potential -70 mV\nBath temperature 32 °C\n\n**Table 1.**');
    const tabbed = replaced(prose, 'Holding potential -70 mV\nBath temperature 32 °C', 'Holding potential\t-70 mV\nBath temperature\t32 °C');
    const [before, after] = analyseVersions(prose, tabbed);
    // The new table's one row has no unit for its number: no record, but the tables below are renumbered.
    expect(fromTables(after!).map((r) => r.start)).toEqual(fromTables(before!).map((r) => r.start));
    expect(fromTables(after!).map((r) => r.table)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });
});

describe('tab tables written one row per paragraph', () => {
  const oneRowPerParagraph = replaced(tab, '\r\nRimonabant\t', '\r\n\r\nRimonabant\t').replace('\r\nAM251\t', '\r\n\r\nAM251\t');

  test('a later row paragraph that loses a cell ends the table before it', () => {
    const shortened = replaced(oneRowPerParagraph, 'Rat\tStriatal slices\t[9]', 'Rat\tStriatal slices');
    const [before, after] = analyseVersions(oneRowPerParagraph, shortened);
    expect(before!.tables[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['WIN55,212-2', 'Rimonabant', 'AM251', 'JZL184']);
    expect(after!.tables[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['WIN55,212-2', 'Rimonabant']);
  });
});

describe('HTML tables', () => {
  // A blank line ends an HTML block: the table then spans several blocks, with source between them.
  const spread = replaced(html, '<tr>\n  <td>Flecainide</td>', '<tr>\n\n  <td>Flecainide</td>');

  test('a table spread over blocks is read again when a later block of it changes', () => {
    const edited = replaced(spread, '<td>Mexiletine</td>', '<td>Lidocaine</td>');
    const [before, after] = analyseVersions(spread, edited);
    expect(before!.tables[0]!.rows[2]!.cells[0]!.text).toBe('Mexiletine');
    expect(after!.tables[0]!.rows[2]!.cells[0]!.text).toBe('Lidocaine');
  });

  test('blank lines added between its blocks move the cells after them', () => {
    const wider = replaced(spread, '<tr>\n\n  <td>Flecainide</td>', '<tr>\n\n\n  <td>Flecainide</td>');
    const [before, after] = analyseVersions(spread, wider);
    expect(after!.tables[0]!.rows[1]!.cells[0]!.start).toBe(before!.tables[0]!.rows[1]!.cells[0]!.start + 1);
  });

  test('a blank line inside a cell that turns into blanks is read, though no block changed', () => {
    const split = replaced(html, '<td>Use-dependent block</td>', '<td>Use-dependent\n\n\nblock</td>');
    const blanks = replaced(split, 'Use-dependent\n\n\nblock', 'Use-dependent\n \nblock');
    const [before, after] = analyseVersions(split, blanks);
    expect(before!.tables[0]!.rows[1]!.cells[3]!.text).toBe('Use-dependent\n\n\nblock');
    expect(after!.tables[0]!.rows[1]!.cells[3]!.text).toBe('Use-dependent\n \nblock');
  });

  test('deleting the closing tag lets the table run on; typing it back ends it again', () => {
    const unclosed = replaced(html, '</tbody>\n</table>', '</tbody>');
    const [closed, open, closedAgain] = analyseVersions(html, unclosed, html);
    expect(closed!.tables[0]!.end).toBe(html.indexOf('</table>') + '</table>'.length);
    expect(open!.tables[0]!.end).not.toBe(closed!.tables[0]!.end);
    expect(closedAgain!.tables[0]!.end).toBe(closed!.tables[0]!.end);
  });

  test('a closing tag typed inside the table ends it there', () => {
    const cut = replaced(html, '<tr><td>Mexiletine</td>', '</table>\n<tr><td>Mexiletine</td>');
    const [before, after] = analyseVersions(html, cut);
    expect(before!.tables[0]!.rows).toHaveLength(3);
    expect(after!.tables[0]!.rows).toHaveLength(2);
  });
});

describe('records', () => {
  test('a ligand written as an abbreviation follows its definition in the prose above the table', () => {
    const abbreviated = replaced(
      replaced(pipe, 'whereas spiperone binds', 'whereas spiperone (SPN) binds'),
      '| Spiperone | D2 |',
      '| SPN | D2 |',
    );
    const undefinedAbbreviation = replaced(abbreviated, 'spiperone (SPN) binds', 'spiperone binds');
    const [defined, notDefined] = analyseVersions(abbreviated, undefinedAbbreviation);
    expect(fromTables(defined!)[0]!.ligand).toMatchObject({ text: 'SPN', id: 'ligand:spiperone' });
    // Undefined, it is a ligand of its own, named by the table's Compound column.
    expect(fromTables(notDefined!)[0]!.ligand).toMatchObject({ text: 'SPN', id: 'ligand:spn' });
  });

  test('a footnote cited in a row takes the number its definition has now', () => {
    const cited = `${replaced(pipe, '| 14 | 7.85 | CHO cells | [2] |', '| 14 | 7.85 | CHO cells | [^patch] |')}\n[^bath]: Bath solution as in Hall et al.\n\n[^patch]: Patch pipettes of 3 MΩ.\n`;
    const oneDefinitionLess = replaced(cited, '[^bath]: Bath solution as in Hall et al.\n\n', '');
    const [before, after] = analyseVersions(cited, oneDefinitionLess);
    const sulpiride = (a: Analysis) => fromTables(a).find((r) => r.ligand?.text === 'Sulpiride')!;
    expect(sulpiride(before!).references).toEqual([8]);
    expect(sulpiride(after!).references).toEqual([7]);
  });
});
