/**
 * The analysis of test/fixtures/panel/review.md, written out by hand with spans found in the
 * fixture's text, so the panel's tests do not depend on the state of the analysis core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NO_FIELDS } from '../../../src/core/references/move.js';
import type { Analysis, Citation, DataRecord, Reference } from '../../../src/core/types.js';

export const reviewPath = path.resolve(__dirname, '../../fixtures/panel/review.md');
export const reviewText = readFileSync(reviewPath, 'utf8');

/** Offset of the `occurrence`-th (1-based) `needle` in the fixture. */
export function offsetOf(needle: string, occurrence = 1): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = reviewText.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} is not in review.md`);
  }
  return at;
}

function citation(text: string, occurrence: number, numbers: number[]): Citation {
  const start = offsetOf(text, occurrence);
  let cursor = start;
  const parts = numbers.map((number) => {
    const at = reviewText.indexOf(String(number), cursor);
    cursor = at + String(number).length;
    return { start: at, end: cursor, number };
  });
  return { start, end: start + text.length, text, numbers, parts, style: 'bracket' };
}

/** Citations in document order: `[1]` after the first sentence, `[2][3]`, then the table's `[1]` and `[2]`. */
const citations: Citation[] = [
  citation('[1]', 1, [1]),
  citation('[2][3]', 1, [2, 3]),
  citation('[1]', 2, [1]),
  citation('[2]', 2, [2]),
];

function reference(number: number, title: string, source: string, year: number, citedBy: number[], duplicateOf: number | null): Reference {
  const line = reviewText.split('\n').find((l) => l.startsWith(`${number}. `))!;
  const start = reviewText.indexOf(line);
  return {
    start,
    end: start + line.length,
    number,
    text: line.slice(`${number}. `.length),
    labelStart: start,
    labelEnd: start + String(number).length,
    authors: [line.split('. ')[1]!],
    title,
    source,
    year,
    doi: null,
    pmid: null,
    pmcid: null,
    url: null,
    host: null,
    fields: NO_FIELDS,
    duplicateOf,
    citedBy,
  };
}

function row(ligand: string, value: number | null, unit: string | null, molar: number | null, effect: string, references: number[], occurrence: number): DataRecord {
  const start = offsetOf(`| ${ligand} |`);
  const end = reviewText.indexOf('\n', start);
  const ligandStart = start + 2;
  const targetStart = offsetOf('channel-x', occurrence);
  return {
    start,
    end,
    ligand: { text: ligand, id: ligand === 'compound-a' ? 'ligand:compound-a' : null, start: ligandStart, end: ligandStart + ligand.length },
    target: { text: 'channel-x', id: 'target:channel-x', start: targetStart, end: targetStart + 'channel-x'.length },
    measure: 'IC50',
    value,
    valueMax: null,
    unit,
    molar,
    effect: { direction: 'inhibition', value: null, error: null, unit: null, text: effect },
    context: null,
    references,
    table: 0,
    extra: {},
    relation: value === null ? null : '=',
    error: null,
    errorKind: null,
    n: null,
    standardType: 'IC50',
    pValue: null,
    origin: 'table',
    cell: null,
  };
}

export const reviewAnalysis: Analysis = {
  schema: 1,
  length: reviewText.length,
  references: [
    reference(1, 'Channel pharmacology', 'J Pharm', 2019, [0, 2], null),
    reference(2, 'Receptor binding', 'Frontiers in Pharmacology', 2020, [1, 3], null),
    reference(3, 'Receptor binding', 'Frontiers in Pharmacology', 2020, [1], 2),
  ],
  referenceList: { start: offsetOf('References'), end: reviewText.length, headingStart: offsetOf('References'), headingEnd: offsetOf('References') + 10, scheme: 'numeric' },
  citations,
  entities: [
    { start: offsetOf('Compound A'), end: offsetOf('Compound A') + 10, kind: 'ligand', text: 'Compound A', id: 'ligand:compound-a', name: 'compound-a', source: 'table' },
    { start: offsetOf('channel', 1), end: offsetOf('channel', 1) + 7, kind: 'target', text: 'channel', id: 'target:channel-x', name: 'channel-x', source: 'table' },
    { start: offsetOf('compound-a'), end: offsetOf('compound-a') + 10, kind: 'ligand', text: 'compound-a', id: 'ligand:compound-a', name: 'compound-a', source: 'table' },
    { start: offsetOf('channel-x', 1), end: offsetOf('channel-x', 1) + 9, kind: 'target', text: 'channel-x', id: 'target:channel-x', name: 'channel-x', source: 'table' },
    { start: offsetOf('channel-x', 2), end: offsetOf('channel-x', 2) + 9, kind: 'target', text: 'channel-x', id: 'target:channel-x', name: 'channel-x', source: 'table' },
  ],
  entityInfo: {
    'ligand:compound-a': { id: 'ligand:compound-a', kind: 'ligand', name: 'compound-a', class: null, identifiers: {}, source: 'table', provenance: 'table 1, column Ligand', related: [], variants: ['compound-a', 'Compound A'], mentions: 2 },
    'target:channel-x': { id: 'target:channel-x', kind: 'target', name: 'channel-x', class: 'ion channel', identifiers: {}, source: 'table', provenance: 'table 1, column Target', related: [], variants: ['channel-x', 'channel'], mentions: 3 },
  },
  quantities: [],
  tables: [],
  records: [
    row('compound-a', 6, 'μM', 6e-6, '6 μM', [1], 1),
    row('compound-b, "salt"', null, null, null, '=1+2', [2], 2),
  ],
  sections: [],
  diagnostics: [],
};
