/**
 * What the editor side of the library builds from the index without VS Code: the hover summary,
 * validated command arguments and the evidence webview's message guards.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { Library, summariseDocument } from '../../../src/core/library/index.js';
import { isEvidenceFromWebview, isEvidenceToWebview } from '../../../src/shared/evidence-protocol.js';
import { parseQuery, rowView } from '../../../src/vscode/library/evidence-view.js';
import { libraryHoverMarkdown } from '../../../src/vscode/library/hover-text.js';

const DIR = 'test/fixtures/workspace/library';
const DOCS = ['osp-itraconazole-pbpk-evaluation-report.md', 'osp-verapamil-input-data-section.md', 'osp-sildenafil-pbpk-evaluation-report.md'];
const library = new Library();

beforeAll(() => {
  for (const d of DOCS) {
    const text = readFileSync(`${DIR}/${d}`, 'utf8');
    library.set(`file:///w/${d}`, d, summariseDocument(text, analyze(text)));
  }
});

test('the hover of a target in one document summarises what the other documents report, with a link to the evidence table', () => {
  const markdown = libraryHoverMarkdown(library, 'target:cyp3a4', `file:///w/${DOCS[2]}`)!;
  const others = library.occurrencesOf('target:cyp3a4').length - 1;
  expect(markdown.startsWith(`**Library:** mentioned in ${others} other documents · `)).toBe(true);
  expect(markdown).toContain(`[Evidence table](command:marginalia.showEvidence?${encodeURIComponent(JSON.stringify([{ entity: 'target:cyp3a4' }]))} `);
  expect(libraryHoverMarkdown(library, 'ligand:no-such-thing', `file:///w/${DOCS[2]}`)).toBeUndefined();
});

test('evidence arguments must name entities the library knows', () => {
  expect(parseQuery(library, { entity: 'target:cyp3a4' })).toEqual({ entity: 'target:cyp3a4' });
  expect(parseQuery(library, { ligand: 'ligand:itraconazole', target: 'target:cyp3a4' })).toEqual({ ligand: 'ligand:itraconazole', target: 'target:cyp3a4' });
  expect(parseQuery(library, { entity: 'target:unknown' })).toBeUndefined();
  expect(parseQuery(library, 'target:cyp3a4')).toBeUndefined();
  expect(parseQuery(library, { entity: { toString: () => 'target:cyp3a4' } })).toBeUndefined();
});

test('a row is shown with its value as written, relation and unit, and the document title', () => {
  const row = library.evidence({ ligand: 'ligand:itraconazole', target: 'target:cyp3a4' })[0]!;
  expect(rowView(row)).toMatchObject({ ligand: 'Itraconazole', target: 'CYP3A4', measure: 'Km', value: '3.9 nM', pValue: null, line: 76, document: 'Building and evaluation of a PBPK model for Itraconazole in healthy adults' });
  expect(isEvidenceToWebview({ type: 'evidence', title: 't', plotBy: 'ligand', rows: [rowView(row)] })).toBe(true);
});

test('messages from the evidence webview are checked: rows are indices, nothing else is accepted', () => {
  expect(isEvidenceFromWebview({ type: 'open', row: 3 })).toBe(true);
  expect(isEvidenceFromWebview({ type: 'export', rows: [2, 0, 1] })).toBe(true);
  expect(isEvidenceFromWebview({ type: 'open', row: -1 })).toBe(false);
  expect(isEvidenceFromWebview({ type: 'open', row: '1' })).toBe(false);
  expect(isEvidenceFromWebview({ type: 'open', uri: 'file:///etc/passwd' })).toBe(false);
  expect(isEvidenceFromWebview({ type: 'export', rows: [0.5] })).toBe(false);
  expect(isEvidenceFromWebview({ type: 'run', command: 'x' })).toBe(false);
  expect(isEvidenceFromWebview(null)).toBe(false);
});
