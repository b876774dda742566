import { describe, expect, test } from 'vitest';
import { buildPanelModel, citingSentence, emptyModel, formatNumber, lineCounter, plainName, pointedNumbers, recordValue } from '../../../src/vscode/panel/model.js';
import { reviewAnalysis, reviewText } from './review-analysis.js';

const source = { uri: 'file:///review.md', version: 3, name: 'review.md', text: reviewText };

describe('panel model of a document', () => {
  const model = buildPanelModel(reviewAnalysis, source);

  test('names the document and its version', () => {
    expect(model).toMatchObject({ kind: 'document', uri: 'file:///review.md', version: 3, name: 'review.md' });
  });

  test('lists every reference with its title, source, year and how often it is cited', () => {
    expect(model.references.map((r) => [r.number, r.title, r.source, r.year, r.cited])).toEqual([
      [1, 'Channel pharmacology', 'J Pharm', 2019, 2],
      [2, 'Receptor binding', 'Frontiers in Pharmacology', 2020, 2],
      [3, 'Receptor binding', 'Frontiers in Pharmacology', 2020, 1],
    ]);
  });

  test('an original lists the entries that duplicate it, and a duplicate names its original', () => {
    expect(model.references.map((r) => [r.number, r.duplicateOf, r.duplicates])).toEqual([
      [1, null, []],
      [2, null, [3]],
      [3, 2, []],
    ]);
  });

  test('a marker written after a full stop cites the sentence before it', () => {
    expect(model.references[0]!.citations[0]).toEqual({
      citation: 0,
      line: 3,
      before: 'Compound A inhibits the channel.',
      marker: '[1]',
      after: '',
      numberStart: 1,
      numberEnd: 2,
    });
  });

  test('a marker inside a sentence shows the whole sentence around it', () => {
    expect(model.references[2]!.citations).toEqual([
      { citation: 1, line: 3, before: 'It also binds the receptor ', marker: '[2][3]', after: ', as reported before.', numberStart: 4, numberEnd: 5 },
    ]);
  });

  test('a marker in a table row shows the row, cells separated by a dot', () => {
    expect(model.references[0]!.citations[1]).toEqual({
      citation: 2,
      line: 7,
      before: 'compound-a · channel-x · 6 μM · ',
      marker: '[1]',
      after: '',
      numberStart: 1,
      numberEnd: 2,
    });
  });

  test('lists entities by mention count with their variants', () => {
    expect(model.entities).toEqual([
      { id: 'target:channel-x', kind: 'target', name: 'channel-x', class: 'ion channel', variants: ['channel-x', 'channel'], mentions: 3, provenance: 'table 1, column Target' },
      { id: 'ligand:compound-a', kind: 'ligand', name: 'compound-a', class: null, variants: ['compound-a', 'Compound A'], mentions: 2, provenance: 'table 1, column Ligand' },
    ]);
  });

  test('turns records into rows with the molar value and the source line', () => {
    expect(model.records).toEqual([
      { index: 0, ligand: 'compound-a', target: 'channel-x', measure: 'IC50', value: '6 μM', relation: '=', error: null, unit: 'μM', pValue: null, origin: 'table', table: 1, molar: 6e-6, effect: '6 μM', context: null, references: [1], line: 7, cell: null },
      { index: 1, ligand: 'compound-b, "salt"', target: 'channel-x', measure: 'IC50', value: null, relation: null, error: null, unit: null, pValue: null, origin: 'table', table: 1, molar: null, effect: '=1+2', context: null, references: [2], line: 8, cell: null },
    ]);
  });
});

describe('citing sentences', () => {
  test('long context is shortened on both sides with an ellipsis', () => {
    const text = `${'alpha '.repeat(60)}[7] ${'beta '.repeat(60)}end.`;
    const start = text.indexOf('[7]');
    const sentence = citingSentence(text, { start, end: start + 3, text: '[7]', numbers: [7], parts: [], style: 'bracket' }, 1, 0);
    expect(sentence.before).toBe(`…${'alpha '.repeat(39)}`);
    expect(sentence.after).toBe(` ${'beta '.repeat(46)}beta…`);
    expect(sentence.marker).toBe('[7]');
  });

  test('a list marker before the sentence is left out', () => {
    const text = '- Trafficking: activation promotes it.[4]\n';
    const start = text.indexOf('[4]');
    const sentence = citingSentence(text, { start, end: start + 3, text: '[4]', numbers: [4], parts: [], style: 'bracket' }, 1, 0);
    expect(sentence.before).toBe('Trafficking: activation promotes it.');
  });

  test('the full stops of "et al." and "e.g." do not cut the sentence', () => {
    const text = 'Earlier work. Smith et al. found that it blocks the pore, e.g. at 1 μM [5] in vitro. Later work.';
    const start = text.indexOf('[5]');
    const sentence = citingSentence(text, { start, end: start + 3, text: '[5]', numbers: [5], parts: [], style: 'bracket' }, 1, 0);
    expect([sentence.before, sentence.after]).toEqual(['Smith et al. found that it blocks the pore, e.g. at 1 μM ', ' in vitro.']);
  });
});

describe('names as the hover shows them', () => {
  test('markup in a name is rendered: Ca^{2+} reads Ca2+', () => {
    expect(['Ca^{2+}', '$K_{v}1.3$', '[Ca^{2+}]_{i}', '5-HT_{1A}', 'GluN2B'].map(plainName)).toEqual(['Ca2+', 'Kv1.3', '[Ca2+]i', '5-HT1A', 'GluN2B']);
  });
});

describe('helpers', () => {
  test('line numbers are 1-based and count line feeds', () => {
    const lineOf = lineCounter('a\nbb\n\nc');
    expect([0, 1, 2, 4, 5, 6].map(lineOf)).toEqual([1, 1, 2, 2, 3, 4]);
  });

  test('values read as number, range and unit', () => {
    expect(recordValue({ value: 10, valueMax: 100, unit: 'nM' })).toBe('10–100 nM');
    expect(recordValue({ value: 163, valueMax: null, unit: '%' })).toBe('163%');
    expect(recordValue({ value: null, valueMax: null, unit: 'nM' })).toBeNull();
    expect(formatNumber(0.123456)).toBe('0.1235');
  });

  test('the empty state names the editor Marginalia does not read', () => {
    expect(emptyModel('not-read', 'settings.json')).toEqual({
      kind: 'empty',
      message: 'Marginalia does not read settings.json. Open a markdown document to see its references, entities and data here.',
    });
  });
});

describe('the numbers a cursor on a grouped marker points at', () => {
  // `[1][12][13]` at offset 100: digits of 1 at 101–102, of 12 at 104–106, of 13 at 108–110.
  const marker = {
    start: 100,
    end: 111,
    text: '[1][12][13]',
    numbers: [1, 12, 13],
    parts: [
      { start: 101, end: 102, number: 1 },
      { start: 104, end: 106, number: 12 },
      { start: 108, end: 110, number: 13 },
    ],
    style: 'bracket' as const,
  };

  test('the cursor on a number means that reference', () => {
    expect(pointedNumbers(marker, 105)).toEqual([12]);
    expect(pointedNumbers(marker, 104)).toEqual([12]);
  });

  test('a selection of one bracketed number means that reference', () => {
    expect(pointedNumbers(marker, 103, 107)).toEqual([12]);
  });

  test('the cursor between two brackets means every number of the marker', () => {
    expect(pointedNumbers(marker, 103)).toEqual([1, 12, 13]);
  });
});
