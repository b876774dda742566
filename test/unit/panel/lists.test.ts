import { describe, expect, test } from 'vitest';
import { buildPanelModel } from '../../../src/vscode/panel/model.js';
import { formatMolar, matchesFilter, matchesRecord, referenceGroups, sortRecords } from '../../../webview/lists.js';
import type { PanelRecord } from '../../../src/shared/protocol.js';
import { reviewAnalysis, reviewText } from './review-analysis.js';

const model = buildPanelModel(reviewAnalysis, { uri: 'file:///review.md', version: 1, name: 'review.md', text: reviewText });
const numbersOf = (filter: string) =>
  referenceGroups(model.references, filter).map((g) => [g.head.number, g.duplicates.map((d) => d.number)]);

describe('reference filter', () => {
  test('an empty filter shows every entry, duplicates under their original', () => {
    expect(numbersOf('')).toEqual([[1, []], [2, [3]]]);
  });

  test('matches titles and sources without regard to case, every word', () => {
    expect(numbersOf('frontiers')).toEqual([[2, [3]]]);
    expect(numbersOf('channel pharm')).toEqual([[1, []]]);
    expect(numbersOf('channel frontiers')).toEqual([]);
  });

  test('matches the entry number', () => {
    expect(matchesFilter(model.references[2]!, '3')).toBe(true);
    expect(matchesFilter(model.references[0]!, '3')).toBe(false);
  });

  test('a duplicate whose original is filtered out stands on its own', () => {
    const references = model.references.map((r) => (r.number === 2 ? { ...r, title: 'Other', source: null, text: 'Other' } : r));
    expect(referenceGroups(references, 'receptor').map((g) => [g.head.number, g.head.duplicateOf])).toEqual([[3, 2]]);
  });
});

function record(index: number, value: string | null, molar: number | null, ligand: string | null): PanelRecord {
  return { index, ligand, target: null, measure: null, value, relation: null, error: null, unit: null, pValue: null, origin: 'table', table: 1, molar, effect: null, context: null, references: [], line: index + 1 };
}

describe('record sorting', () => {
  const records = [record(0, '6 μM', 6e-6, 'b'), record(1, '500 nM', 5e-7, null), record(2, '163%', null, 'A'), record(3, '10 nM', 1e-8, 'c')];

  test('concentrations sort by their molar value, empty cells last', () => {
    expect(sortRecords(records, { column: 'molar', descending: false }).map((r) => r.index)).toEqual([3, 1, 0, 2]);
    expect(sortRecords(records, { column: 'molar', descending: true }).map((r) => r.index)).toEqual([0, 1, 3, 2]);
  });

  test('text sorts without regard to case, empty cells last', () => {
    expect(sortRecords(records, { column: 'ligand', descending: false }).map((r) => r.index)).toEqual([2, 0, 3, 1]);
  });

  test('no sort keeps document order', () => {
    expect(sortRecords(records, null).map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });
});

describe('record filter', () => {
  test('matches names, measure, context, origin and reference numbers, every word, any case', () => {
    const [first, second] = model.records;
    expect(matchesRecord(first!, '')).toBe(true);
    expect(matchesRecord(first!, 'COMPOUND-A ic50')).toBe(true);
    expect(matchesRecord(first!, 'table 1 [1]')).toBe(true);
    expect(matchesRecord(second!, '[1]')).toBe(false);
    expect(matchesRecord(second!, 'compound-a')).toBe(false);
  });
});

describe('molar display', () => {
  test('writes a power of ten', () => {
    expect(formatMolar(6e-6)).toBe('6 × 10⁻⁶ M');
    expect(formatMolar(1.25e-9)).toBe('1.25 × 10⁻⁹ M');
    expect(formatMolar(2)).toBe('2 M');
    expect(formatMolar(0)).toBe('0 M');
  });
});
