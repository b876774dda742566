import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findTables } from '../../../src/core/tables/index.js';
import type { Table } from '../../../src/core/types.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url), 'utf8');
const texts = (cells: readonly { text: string }[]): string[] => cells.map((c) => c.text);
const plains = (cells: readonly { plain: string }[]): string[] => cells.map((c) => c.plain);

function expectSpansMatch(text: string, tables: readonly Table[]): void {
  for (const t of tables) {
    for (const c of t.header) expect(text.slice(c.start, c.end)).toBe(c.text);
    for (const r of t.rows) for (const c of r.cells) expect(text.slice(c.start, c.end)).toBe(c.text);
  }
}

describe('GFM pipe tables (dopamine ligand review)', () => {
  const text = read('dopamine-ligands-pipe.md');
  const tables = findTables(parseDocument(text));

  it('finds three pipe tables, captions taken from the line above', () => {
    expect(tables.map((t) => [t.layout, t.caption, t.rows.length])).toEqual([
      ['pipe', 'Table 1. Affinities of antipsychotics at human dopamine receptors', 5],
      ['pipe', 'Table 2: Functional potencies at D2-like receptors', 3],
      ['pipe', null, 2],
    ]);
    expect(text.slice(tables[0]!.captionStart!, tables[0]!.captionEnd!)).toBe('Table 1.** Affinities of antipsychotics at human dopamine receptors');
    expect(tables[0]!.start).toBe(tables[0]!.captionStart);
  });

  it('reads header and rows, skipping the delimiter row', () => {
    expect(texts(tables[0]!.header)).toEqual(['Compound', 'Receptor', 'Ki (nM)', 'pKi', 'Assay', 'Ref.']);
    expect(texts(tables[0]!.rows[0]!.cells)).toEqual(['Spiperone', 'D2', '0.06 ± 0.01', '10.2', '[³H]spiperone, CHO cells', '[1]']);
    expect(texts(tables[2]!.rows[1]!.cells)).toEqual(['Bath temperature', '32 °C', '']);
  });

  it('attaches the stray row after a blank line to the table above, and not a following table', () => {
    const last = tables[0]!.rows[4]!;
    expect(last.continued).toBe(true);
    expect(texts(last.cells)).toEqual(['Sulpiride', 'D3', '14', '7.85', 'CHO cells', '[2]']);
    expect(tables[0]!.end).toBe(last.end);
    expect(tables[1]!.rows.every((r) => !r.continued)).toBe(true);
    expect(tables[2]!.rows.every((r) => !r.continued)).toBe(true);
  });

  it('gives cells spans into the source', () => {
    expectSpansMatch(text, tables);
  });
});

describe('HTML tables from a PDF conversion', () => {
  const text = read('ion-channel-blockers-html.md');
  const tables = findTables(parseDocument(text));

  it('reads th cells as the header and td cells as rows, tags and entities read as text', () => {
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.layout).toBe('html');
    expect(t.caption).toBe('Table 2. Inhibition of hERG and Nav1.5 currents by test compounds');
    expect(texts(t.header)).toEqual(['Compound', 'Channel', 'IC<sub>50</sub> (&mu;M)', 'Effect', 'Cells', 'Refs']);
    expect(plains(t.header)).toEqual(['Compound', 'Channel', 'IC50 (μM)', 'Effect', 'Cells', 'Refs']);
    expect(t.rows.map((r) => plains(r.cells))).toEqual([
      ['Dofetilide', 'hERG', '0.012 ± 0.002', 'Inhibition', 'HEK293', '12'],
      ['Flecainide', 'Nav1.5', '5.5', 'Use-dependent block', 'CHO', '[13, 14]'],
      ['Mexiletine', 'Nav1.5', '>100', 'No effect at 10 μM', 'CHO', '[15]'],
    ]);
  });

  it('spans the table from its caption to </table>, rows from <tr> to </tr>', () => {
    const t = tables[0]!;
    expect(text.slice(t.start, t.start + 8)).toBe('Table 2.');
    expect(text.slice(t.end - 8, t.end)).toBe('</table>');
    expect(text.slice(t.rows[1]!.start, t.rows[1]!.end)).toMatch(/^<tr>\n {2}<td>Flecainide<\/td>[\s\S]*<\/tr>$/);
    expectSpansMatch(text, tables);
  });
});

describe('tab-separated tables with CRLF line endings', () => {
  const text = read('cannabinoid-tab-crlf.md');
  const tables = findTables(parseDocument(text));

  it('keeps the CRLF line endings of the fixture', () => {
    expect(text).toContain('\r\n');
  });

  it('reads the header, rows and the continued pipe row, with no carriage return in any cell', () => {
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.layout).toBe('tab');
    expect(t.caption).toBe('Table 3: Effects of cannabinoid ligands on synaptic transmission');
    expect(texts(t.header)).toEqual(['Ligand', 'Receptor', 'Concentration', 'Effect', 'Species', 'Preparation', 'Reference']);
    expect(t.rows.map((r) => [r.continued, ...texts(r.cells)])).toEqual([
      [false, 'WIN55,212-2', 'CB1', '1 uM', 'Suppression of EPSC (−42 ± 5%)', 'Mouse', 'Hippocampal slices', '[7]'],
      [false, 'Rimonabant', 'CB1', '0.1 nM–10 μM', 'No effect', 'Rat', 'Cerebellar slices', '[8]'],
      [false, 'AM251', 'CB1', '2 µM', 'Increase (135 ± 9% of control)', 'Rat', 'Striatal slices', '[9]'],
      [true, 'JZL184', 'MAGL', '100 nM', 'Potentiation of DSI (2.1-fold)', 'Mouse', 'Hippocampal slices', '[10]'],
    ]);
    expect(text.slice(t.rows[0]!.start, t.rows[0]!.end)).not.toContain('\r');
    expectSpansMatch(text, tables);
  });
});

describe('tables in small documents', () => {
  const tablesOf = (text: string): Table[] => findTables(parseDocument(text));

  it('does not attach a stray row whose cell count does not fit the header', () => {
    const t = tablesOf('| A | B |\n|---|---|\n| 1 | 2 |\n\n| x | y | z |\n');
    expect(t[0]!.rows).toHaveLength(1);
  });

  it('allows one empty edge cell left by doubled pipes', () => {
    const t = tablesOf('| A | B |\n|---|---|\n| 1 | 2 |\n\n|| x | y |\n');
    expect(t[0]!.rows.map((r) => texts(r.cells))).toEqual([['1', '2'], ['x', 'y']]);
  });

  it('does not attach a pipe row that comes after prose', () => {
    const t = tablesOf('A\tB\nx\ty\n\nSome prose.\n\n| z | w |\n');
    expect(t[0]!.rows).toHaveLength(1);
  });

  it('does not read a paragraph with a single tabbed line as a table', () => {
    expect(tablesOf('Name\tValue\n')).toEqual([]);
  });

  it('joins tab rows written one per paragraph while they have the header\'s cell count', () => {
    const t = tablesOf('Drug\tDose\n\nA\t1 mg\n\nB\t2 mg\n\nC\t3 mg\textra\n');
    expect(t.map((x) => [texts(x.header), x.rows.map((r) => texts(r.cells))])).toEqual([[['Drug', 'Dose'], [['A', '1 mg'], ['B', '2 mg']]]]);
  });

  it('takes a caption written as the first line of the tab paragraph', () => {
    const t = tablesOf('Table S2. Doses\nDrug\tDose\nX\t1 mg/kg\n');
    expect([t[0]!.caption, t[0]!.captionStart, texts(t[0]!.header)]).toEqual(['Table S2. Doses', 0, ['Drug', 'Dose']]);
  });

  it('reads a header row without th cells and unclosed td cells', () => {
    const t = tablesOf('<table><tr><td>Drug<td>Dose</tr><tr><td>A<td>1 mg</tr></table>\n');
    expect([plains(t[0]!.header), t[0]!.rows.map((r) => plains(r.cells))]).toEqual([['Drug', 'Dose'], [['A', '1 mg']]]);
  });
});
