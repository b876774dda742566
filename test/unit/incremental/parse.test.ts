/**
 * Incremental parsing: with a chunk cache, a re-parse reuses the chunks an edit left alone (the
 * ones before it as they were, the ones after it moved) and gives exactly the blocks a cold parse
 * of the same text gives.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ChunkCache, parseDocument } from '../../../src/core/parse/index.js';
import { corpus, runs } from '../robustness/corpus.js';

const documents = corpus();
const sample = documents[0]!.text;

/** Pieces that move chunk boundaries: blank lines, line endings, fences, indented continuations, lists, tables. */
const PIECES = ['\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t', 'x', '```\n', '~~~\n', '$$\n', '<table>\n', '</table>\n', '- a\n', '12. b\n', '    c\n', '| a | b |\n', '> q\n', '\uFEFF'];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(60)),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((p) => p.join('')),
});

describe('incremental parse', () => {
  test('gives the blocks a cold parse gives, after every edit of a random edit sequence', () => {
    fc.assert(
      fc.property(fc.nat(documents.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (d, edits) => {
        let text = documents[d]!.text.slice(0, 6000);
        const cache = new ChunkCache();
        parseDocument(text, cache);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          expect(JSON.stringify(parseDocument(text, cache).blocks)).toBe(JSON.stringify(parseDocument(text).blocks));
        }
      }),
      { numRuns: runs(200), seed: Number(process.env.MARGINALIA_PROPERTY_SEED) || undefined },
    );
  });

  test('re-parses only the chunk an edit touched: blocks before it are kept, blocks after it moved', () => {
    const cache = new ChunkCache();
    const before = parseDocument(sample, cache);
    const at = sample.indexOf('\n\n', sample.length >> 1);
    const typed = ' Typed.';
    const after = parseDocument(`${sample.slice(0, at)}${typed}${sample.slice(at)}`, cache);
    expect(after.blocks.length).toBe(before.blocks.length);
    const reparsed = after.blocks.flatMap((_, i) => (after.origins![i] !== before.origins![i] ? [i] : []));
    // The blocks of the edited chunk: one run, a small part of the document.
    expect(reparsed.length).toBeGreaterThan(0);
    expect(reparsed[reparsed.length - 1]! - reparsed[0]!).toBe(reparsed.length - 1);
    expect(reparsed.length).toBeLessThan(before.blocks.length / 10);
    after.blocks.forEach((block, i) => {
      if (after.origins![i] !== before.origins![i]) return;
      if (block.end <= at) expect(block).toBe(before.blocks[i]);
      else expect(block.start).toBe(before.blocks[i]!.start + typed.length);
    });
  });

  test('moved blocks read their lines, plain offsets and spans at the new place', () => {
    const cache = new ChunkCache();
    parseDocument(sample, cache);
    const moved = parseDocument(`Inserted first line.\n\n${sample}`, cache);
    const cold = parseDocument(`Inserted first line.\n\n${sample}`);
    const last = moved.blocks.length - 1;
    expect(moved.blocks[last]!.lines).toEqual(cold.blocks[last]!.lines);
    expect([...moved.blocks[last]!.plain.offsets]).toEqual([...cold.blocks[last]!.plain.offsets]);
    expect(moved.blocks[last]!.items).toEqual(cold.blocks[last]!.items);
  });
});
