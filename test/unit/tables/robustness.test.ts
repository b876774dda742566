import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findQuantities } from '../../../src/core/quantities/index.js';
import { buildRecords } from '../../../src/core/records/index.js';
import { findTables } from '../../../src/core/tables/index.js';

/** Pieces that extracted documents are made of, so that random text hits every branch. */
const PIECES = [
  'Table 1: X', '\t', '\n', '\r\n', '\n\n', '|', ' | ', '|---|---|', '<table>', '<tr>', '<td>', '</td>', '<th>', '</tr>',
  '</table>', '1', '10', '.5', ',000', '-', '–', '±', ' ', 'μ', 'µ', 'M', 'nM', 'nm', '%', '× g', '°C', 'IC50', 'pKi',
  ' = ', '(', ')', '[4]', '^[17]', '$\\text{IC}_{50} = 6 \\mu\\text{M}$', 'Ca^{2+}', 'Ligand', 'Target', 'Effect',
  'Reference', 'Concentration', 'Inhibition', 'x', '`', '*', '&amp;', '\u00a0',
];
const documents = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

describe('tables, quantities and records on arbitrary text', () => {
  it('never throw, and every span points at its own text', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const doc = parseDocument(text);
        const tables = findTables(doc);
        const quantities = findQuantities(doc);
        const records = buildRecords(tables, { entities: [], citations: [], quantities });
        for (const t of tables) {
          for (const c of [...t.header, ...t.rows.flatMap((r) => r.cells)]) expect(text.slice(c.start, c.end)).toBe(c.text);
          expect(t.start).toBeLessThanOrEqual(t.end);
        }
        for (let i = 0; i < quantities.length; i++) {
          const q = quantities[i]!;
          expect(text.slice(q.start, q.end)).toBe(q.text);
          if (i > 0) expect(q.start).toBeGreaterThanOrEqual(quantities[i - 1]!.end);
        }
        for (let i = 1; i < tables.length; i++) expect(tables[i]!.start).toBeGreaterThanOrEqual(tables[i - 1]!.start);
        expect(records).toHaveLength(tables.reduce((n, t) => n + t.rows.length, 0));
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('reads a row of white space only (a tab after a byte-order mark) as an empty row, its start not after its end', () => {
    const text = 'x\ty\t3 μM\n\uFEFF\t';
    const [table] = findTables(parseDocument(text));
    expect(table!.rows.map((r) => [r.start, r.end])).toEqual([[11, 11]]);
  });
});
