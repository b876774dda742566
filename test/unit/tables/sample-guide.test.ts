import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findTables } from '../../../src/core/tables/index.js';

const text = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const tables = findTables(parseDocument(text));
/** Header and row texts as written; kept in a golden file so that no document's names sit in code. */
const expected: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/tables/sigma1-receptor-nmda-ion-channels.tables.expected.json', import.meta.url), 'utf8'),
);
const texts = (cells: readonly { text: string }[]): string[] => cells.map((c) => c.text);

describe('tables of the sample guide', () => {
  it('finds the two tab-separated tables with their captions', () => {
    expect(tables.map((t) => [t.layout, t.caption, t.captionStart, t.captionEnd, t.start, t.end])).toEqual([
      ['tab', 'Table 1: S1R-Mediated Modulation of NMDARs and Ion Channels', 6619, 6678, 6619, 7316],
      ['tab', 'Table 2: S1R Agonist-Induced Upregulation of NMDAR-Associated Proteins', 7318, 7388, 7318, 7782],
    ]);
    for (const t of tables) expect(text.slice(t.captionStart!, t.captionEnd!)).toBe(t.caption);
  });

  it('reads every row as written, the stray pipe rows last and marked continued (golden file)', () => {
    expect(
      tables.map((t) => ({
        caption: t.caption,
        header: texts(t.header),
        rows: t.rows.map((r) => ({ continued: r.continued, cells: texts(r.cells) })),
      })),
    ).toEqual(expected);
  });

  it('gives rows the span of their line', () => {
    expect(tables[0]!.rows.map((r) => [r.start, r.end])).toEqual([
      [6739, 6843],
      [6844, 6941],
      [6942, 7080],
      [7081, 7224],
      [7226, 7316],
    ]);
    expect(tables[1]!.rows.map((r) => [r.start, r.end])).toEqual([
      [7455, 7530],
      [7531, 7606],
      [7607, 7686],
      [7690, 7782],
    ]);
    expect(tables.map((t) => t.rows.map((r) => r.continued))).toEqual([
      [false, false, false, false, true],
      [false, false, false, true],
    ]);
  });

  it('reads cells as plain text: math rendered, script markup dropped', () => {
    const rows = tables[0]!.rows;
    expect(rows[1]!.cells[0]!.plain).toBe('L-Type Ca2+ Current');
    expect(rows[2]!.cells[2]!.plain).toBe('IC50 = 6 μM');
    expect(rows[3]!.cells[2]!.plain).toBe('IC50 = 61 μM');
    expect(rows[4]!.cells[5]!.plain).toBe('[17]');
  });

  it('gives each cell the source span of its trimmed text', () => {
    const rows = tables[0]!.rows;
    const cells = [rows[0]!.cells[2]!, rows[2]!.cells[2]!, rows[4]!.cells[0]!, rows[4]!.cells[5]!, tables[1]!.header[2]!];
    expect(cells.map((c) => [c.start, c.end])).toEqual([
      [6769, 6774],
      [6993, 7025],
      [7228, 7241],
      [7309, 7314],
      [7410, 7431],
    ]);
    for (const c of cells) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads the same tables from the guide with CRLF line endings, spans pointing into that text', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const again = findTables(parseDocument(crlf));
    expect(again.map((t) => t.rows.map((r) => texts(r.cells)))).toEqual(tables.map((t) => t.rows.map((r) => texts(r.cells))));
    for (const t of again) for (const r of t.rows) for (const c of r.cells) expect(crlf.slice(c.start, c.end)).toBe(c.text);
  });
});
