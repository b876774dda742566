/**
 * Incremental tables and records equal cold ones under random edits of documents made of tables
 * and of sentences stating records: pieces that make, break, caption, continue, span and close
 * tables, and pieces that make or break a sentence's ligand, value, effect, reference or "it", are
 * typed anywhere.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import { runs } from '../robustness/corpus.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url), 'utf8');
const documents = [
  ...['dopamine-ligands-pipe.md', 'cannabinoid-tab-crlf.md', 'ion-channel-blockers-html.md'].map(read),
  ...['mineru-html-spans.md', 'marker-pipe-stacked.md', 'tab-stacked.md', 'flattened.md', 'prose-records.md', 'parameter-tables.md', 'subject-ligand.md'].map((name) =>
    readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8'),
  ),
];

const PIECES = [
  '\n', '\n\n', '\r\n', ' ', '\t', '|', '| x |', '\n| Haloperidol | D2 | 1.2 | 8.9 | CHO cells | [2] |\n', 'Table 5: Values\n\n', '**Table 6.** ',
  'Rat\tCB1\t3 nM\tInhibition\tMouse\tSlices\t[7]\n', '\n\nWIN55,212-2\tCB1\n\n', '<table>', '</table>', '<tr><td>x</td></tr>', '<th>Ki</th>', '<td>',
  '[1]', '[^a]', '\n\n[^a]: A note.\n', 'spiperone (SPN)', 'SPN', 'haloperidol', 'x',
  '<td colspan="2">', '<td rowspan="2">', '| | Ki (nM) | n |', 'Ki (nM)', ' n.d. ', '>50', '16,000', '. ', 'It ', 'this compound ',
  ' (10 μM) ', ' inhibited ', ' by 40%', ' with an IC50 of 3 μM', ' respectively', 'Compound', 'A >50B 13.89 ± 2.70C 7.79', 'ᵃ Values are means.\n',
  '#### Itraconazole\n\n', '\n\n**Table 9:** Ki of fluvoxamine\n\n', '| Ki CYP3A4 | nmol/L | 1.3 |\n', '| Parameter | Unit | Value |\n|---|---|---|\n', 'Hydroxy-', 'rolipram ', 'Rolipram. ', '> ', '- ', '  ', '\n> | A | Ki (nM) |\n> |---|---|\n> | haloperidol | 3 |\n',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(30)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join(''))),
});

test('incremental tables and records equal cold ones after every edit of a table document', () => {
  fc.assert(
    fc.property(fc.nat(documents.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (d, edits) => {
      let text = documents[d]!;
      const cache = new ChunkCache();
      analyze(text, { cache });
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        const incremental = analyze(text, { cache });
        const cold = analyze(text);
        expect(JSON.stringify([incremental.tables, incremental.records])).toBe(JSON.stringify([cold.tables, cold.records]));
      }
    }),
    { numRuns: runs(80), seed: Number(process.env.MARGINALIA_PROPERTY_SEED) || undefined },
  );
});
