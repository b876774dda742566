import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readDocument } from '../analyze/golden.js';

describe('superscripts of PDF conversions written as formulas', () => {
  const a = analyze(readDocument('ocr-math-superscripts.md'));

  it('reads the citation over a compound number, a spaced caret and a full-width comma; not a power, not a "-fold"', () => {
    expect(a.citations.map((c) => [c.text, c.numbers, c.style])).toEqual([
      ['$\\mathbf { 1 } ^ { 3 }$', [3], 'superscript'],
      ['$2 ^ { 4 }$', [4], 'superscript'],
      ['$^ { 5 }$', [5], 'superscript'],
      ['$^{13，15}$', [13, 15], 'superscript'],
    ]);
  });
});
