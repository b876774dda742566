/**
 * Incremental analysis equals cold analysis when edits land in and around reference lists: whole
 * documents with numbered, footnote and author–year lists, edited with pieces that add, rename,
 * renumber or split entries and write markers next to them.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import { runs } from '../robustness/corpus.js';
import { readDocument } from '../analyze/golden.js';

const documents = ['author-year.md', 'footnotes-gfm.md', 'review-numbered-references.md', 'pdf-superscripts-crlf.md'].map(readDocument);

/** Pieces that change what a reference list holds or how markers resolve to it. */
const PIECES = [
  '\n', '\n\n', ' ', 'x', '(', ')', '(2016)', '(2015a)', 'Lee', 'Smith et al., ', '; ', '[^note]', '[^2]: ', '[^note]: Kim J. A title. 2020.',
  '[1]', '[3]', '[2019]', '9. ', '1. ', '- ', '## References\n\n', '## Notes\n\n', 'doi:10.1021/jm201234x', 'PMID: 22150012',
  '\n\nLee, K. (2016). Another study. Neurology, 1, 2.\n', '\n\nKim, J. (2020). A trial. Brain, 3, 4.\n', '\n\n3. Okafor N. Partial agonism. 2016.\n',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(30)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join(''))),
});

describe('incremental analysis of reference lists', () => {
  test('equals cold analysis after every edit of a random edit sequence', () => {
    fc.assert(
      fc.property(fc.nat(documents.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (doc, edits) => {
        let text = documents[doc]!;
        const cache = new ChunkCache();
        analyze(text, { cache });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          expect(JSON.stringify(analyze(text, { cache }))).toBe(JSON.stringify(analyze(text)));
        }
      }),
      { numRuns: runs(40), seed: Number(process.env.MARGINALIA_PROPERTY_SEED) || undefined },
    );
  });
});
