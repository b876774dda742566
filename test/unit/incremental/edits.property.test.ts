/**
 * Incremental analysis equals cold analysis: after any sequence of edits, analysing with the
 * document's chunk cache (which carries the per-block memos) gives exactly the JSON a fresh
 * analysis of the same text gives.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import { corpus, runs } from '../robustness/corpus.js';

const documents = corpus();

/** Pieces that change how markdown and the extractors read a block. */
const PIECES = [
  '\n', '\n\n', ' ', 'x', '[', ']', '[1]', '[2][3]', '^{[4]}', '¹²', '<sup>5</sup>', '[^1]', '|', '\t', '# ', '## Results\n\n',
  '- ', '1. ', '    ', '```\n', '$$\n', '$', '\\mu', ' μM', '10 nM', 'IC50 = 3 μM', '(', ')', ' (AB)', 'References\n\n',
  '\n\n1. Smith J. A title. J Pharm. 2019.\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', 'Table 2: Values\n\n', '<table><tr><td>x</td></tr></table>',
  '> ', '*', '_', '\r\n', 'K_v1.3', 'Ca^{2+}', 'receptor', 'channel', 'antagonist', '😀', 'é',
];

type Edit = { at: number; remove: number; insert: string };

/** An edit at a relative position (0 = start, 1 = end) of the current text. */
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(40)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')), fc.string({ maxLength: 6 })),
});

/** A window of a real document, so each case is small. */
const start = fc.record({
  doc: fc.nat(documents.length - 1),
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 200, max: 3000 }),
});

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental analysis', () => {
  test('equals cold analysis after every edit of a random edit sequence', () => {
    fc.assert(
      fc.property(start, fc.array(edit, { minLength: 1, maxLength: 6 }), (s, edits) => {
        const source = documents[s.doc]!.text;
        const from = Math.floor(s.from * Math.max(0, source.length - s.length));
        let text = source.slice(from, from + s.length);
        const cache = new ChunkCache();
        analyze(text, { cache });
        for (const e of edits) {
          text = apply(text, e);
          expect(JSON.stringify(analyze(text, { cache }))).toBe(JSON.stringify(analyze(text)));
        }
      }),
      { numRuns: runs(150), seed: Number(process.env.MARGINALIA_PROPERTY_SEED) || undefined },
    );
  });

  test('a whole real document, edited in its middle, keeps equal to its cold analysis', () => {
    for (const { text: original } of documents.slice(0, 3)) {
      const cache = new ChunkCache();
      analyze(original, { cache });
      const middle = original.indexOf('\n\n', original.length >> 1);
      const edited = `${original.slice(0, middle)}\n\nA pasted note: 3 μM blocked it.[1]${original.slice(middle)}`;
      expect(JSON.stringify(analyze(edited, { cache }))).toBe(JSON.stringify(analyze(edited)));
    }
  });
});
