/**
 * Property tests (issue 7): on random markdown and on random mutations of the sample guide and of
 * the fixtures, the analysis never throws, every offset lies inside the text, every range is
 * well-formed, citations never overlap, every cited number is listed or reported missing, the
 * analysis is deterministic, and LF and CRLF line endings give the same findings at corresponding
 * offsets. Over 10,000 cases by default; `MARGINALIA_PROPERTY_RUNS=100000` runs ten times more.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { markdown, mutatedDocument } from './arbitraries.js';
import { corpus, runs } from './corpus.js';
import { findings, lfToCrlf, violations } from './invariants.js';

const documents = corpus();
const seed = Number(process.env.MARGINALIA_PROPERTY_SEED) || undefined;
let cases = 0;

/** Analyses `text` and returns what is wrong with the result (nothing, when all is well). */
function check(text: string): string[] {
  cases++;
  const analysis = analyze(text);
  return violations(analysis, text);
}

describe('analysis of any text', () => {
  test('random markdown: never throws, spans inside the text, citations apart, numbers resolved', () => {
    fc.assert(fc.property(markdown, (text) => {
      expect(check(text)).toEqual([]);
    }), { numRuns: runs(4000), seed });
  });

  test('mutated real documents (insertions, deletions, swapped lines, unicode, CRLF): the same invariants', () => {
    fc.assert(fc.property(mutatedDocument(documents), (text) => {
      expect(check(text)).toEqual([]);
    }), { numRuns: runs(3500), seed });
  });

  test('is deterministic: the same text gives the same JSON', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, mutatedDocument(documents)), (text) => {
        cases++;
        expect(JSON.stringify(analyze(text))).toBe(JSON.stringify(analyze(text)));
      }),
      { numRuns: runs(1000), seed },
    );
  });

  test('LF and CRLF line endings give the same findings at corresponding offsets', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, mutatedDocument(documents)), (raw) => {
        cases++;
        const lf = raw.replace(/\r\n?/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        expect(findings(analyze(crlf))).toEqual(findings(analyze(lf), lfToCrlf(lf)));
      }),
      { numRuns: runs(1500), seed },
    );
  });

  test('every real document, whole, with LF and with CRLF endings, satisfies the invariants', () => {
    for (const { text } of documents) {
      for (const variant of [text.replace(/\r\n?/g, '\n'), text.replace(/\r?\n/g, '\r\n')]) expect(check(variant)).toEqual([]);
    }
  });

  afterAll(() => {
    console.log(`robustness: ${cases} property cases analysed`);
  });
});
