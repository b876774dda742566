import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findQuantities } from '../../../src/core/quantities/index.js';
import { buildRecords } from '../../../src/core/records/index.js';
import { findTables } from '../../../src/core/tables/index.js';
import type { Citation, EntityMention } from '../../../src/core/types.js';

const text = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const doc = parseDocument(text);
const tables = findTables(doc);
const quantities = findQuantities(doc);
/** All nine records, exact values; a golden file so that the guide's names stay out of code. */
const expected: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/tables/sigma1-receptor-nmda-ion-channels.records.expected.json', import.meta.url), 'utf8'),
);

describe('records of the sample guide', () => {
  const records = buildRecords(tables, { entities: [], citations: [], quantities });

  it('gives the nine records with exact values (golden file)', () => {
    expect(records).toHaveLength(9);
    expect(records).toEqual(expected);
  });

  it('reads value, measure and molar from the concentration column or the ligand cell', () => {
    expect(records.map((r) => [r.measure, r.value, r.valueMax, r.unit, r.molar])).toEqual([
      [null, 1, null, 'μM', 1e-6],
      [null, 10, null, 'μM', 1e-5],
      ['IC50', 6, null, 'μM', 6e-6],
      ['IC50', 61, null, 'μM', 6.1e-5],
      [null, 10, 100, 'μM', 1e-5],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, 1, null, 'μM', 1e-6],
      [null, 1, null, 'μM', 1e-6],
    ]);
  });

  it('reads effect direction, signed value, error and unit; % of vehicle above 100 is upregulation', () => {
    expect(records.map((r) => [r.effect?.direction, r.effect?.value, r.effect?.error, r.effect?.unit])).toEqual([
      ['potentiation', 56.5, 4.87, '%'],
      ['inhibition', null, null, null],
      ['inhibition', null, null, null],
      ['inhibition', null, null, null],
      ['suppression', null, null, null],
      ['upregulation', 163, 24, '%'],
      ['upregulation', 142, 10, '%'],
      ['upregulation', 127, 2.1, '%'],
      ['upregulation', 125, 2.8, '%'],
    ]);
  });

  it('reads references from the reference cell, the stray rows included', () => {
    expect(records.map((r) => r.references)).toEqual([[4], [20, 22], [21], [21], [17], [12], [12], [12], [12]]);
  });

  it('spans each record over its row, the ligand without its concentration in parentheses', () => {
    expect(records.map((r) => [r.start, r.end, r.table])).toEqual([
      [6739, 6843, 0],
      [6844, 6941, 0],
      [6942, 7080, 0],
      [7081, 7224, 0],
      [7226, 7316, 0],
      [7455, 7530, 1],
      [7531, 7606, 1],
      [7607, 7686, 1],
      [7690, 7782, 1],
    ]);
    for (const r of records) {
      expect(text.slice(r.ligand!.start, r.ligand!.end)).toBe(r.ligand!.text);
      expect(text.slice(r.target!.start, r.target!.end)).toBe(r.target!.text);
    }
    expect(records[7]!.ligand!.text).not.toContain('(1');
  });

  it('joins the context columns', () => {
    expect(records.map((r) => r.context)).toEqual([
      'Rat Hippocampal CA1 Pyramidal Cells',
      'Rat Primary Retinal Ganglion Cells',
      'Rat Superior Cervical Ganglion Neurons',
      'Rat Superior Cervical Ganglion Neurons',
      'Rat Retinal Ganglion Cells',
      'Rat Hippocampus',
      'Rat Hippocampus',
      'Rat Hippocampal Slices',
      'Rat Hippocampal Slices',
    ]);
  });
});

describe('records with recognised entities and citations', () => {
  // Mentions and markers built from the tables themselves, as the recognisers would report them.
  const ligandColumn = 1;
  const entities: EntityMention[] = tables
    .flatMap((t) => t.rows.map((r) => r.cells[ligandColumn]!))
    .map((cell, i) => ({ kind: 'ligand', start: cell.start, end: cell.start + 3, text: text.slice(cell.start, cell.start + 3), id: `ligand-${i}`, name: `ligand ${i}`, source: 'lexicon' }));
  const citations: Citation[] = [];
  for (const m of text.matchAll(/\[(\d+)\]/g)) {
    citations.push({ start: m.index, end: m.index + m[0].length, text: m[0], numbers: [Number(m[1]) + 1000], parts: [], style: 'bracket' });
  }
  const records = buildRecords(tables, { entities, citations, quantities });

  it('takes the entity mention inside the ligand cell, with its id', () => {
    expect(records.map((r) => r.ligand!.id)).toEqual(entities.map((e) => e.id));
    expect(records.map((r) => [r.ligand!.start, r.ligand!.end])).toEqual(entities.map((e) => [e.start, e.end]));
  });

  it('keeps the cell text with a null id where no mention of the right kind overlaps', () => {
    expect(records.every((r) => r.target!.id === null)).toBe(true);
  });

  it('prefers citations found by the citation finder over its own reading of the cell', () => {
    expect(records.map((r) => r.references)).toEqual([[1004], [1020, 1022], [1021], [1021], [1017], [1012], [1012], [1012], [1012]]);
  });
});
