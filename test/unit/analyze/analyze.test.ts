import { NO_FIELDS } from '../../../src/core/references/move.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { computeDiagnostics } from '../../../src/core/diagnostics.js';
import type { Analysis } from '../../../src/core/types.js';

function wellFormed(a: Analysis, text: string): void {
  expect(a.schema).toBe(1);
  expect(a.length).toBe(text.length);
  for (const list of [a.citations, a.references, a.sections, a.diagnostics]) {
    for (const s of list) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeLessThanOrEqual(s.end);
    }
  }
  for (let i = 1; i < a.citations.length; i++) expect(a.citations[i]!.start).toBeGreaterThanOrEqual(a.citations[i - 1]!.end);
}

describe('analyze', () => {
  it('gives a well-formed, empty analysis of an empty document', () => {
    const a = analyze('');
    wellFormed(a, '');
    expect(a).toMatchObject({ references: [], citations: [], sections: [], diagnostics: [], referenceList: null });
  });

  it('never throws on hostile text', () => {
    const inputs = [
      '[',
      '[^',
      '[1',
      '[1-',
      '[99999999]',
      '[5-1]',
      '[1-100000]',
      '^{[',
      '<sup>',
      '<sup>1',
      '$^{',
      '\\(^{1',
      '¹⁻',
      '\u0000\uFFFD\uD800',
      '# References\n\n1.\n2.\n',
      '# References\n\n[^x]: \n',
      '```\n[1]\n',
      '| a |\n|---|\n| [1] |\n',
      '(Smith, 2015',
      'x'.repeat(5000) + '[1]'.repeat(3000),
    ];
    for (const text of inputs) wellFormed(analyze(text), text);
  });

  it('reads a citation marker in a 2 MB single-line document', () => {
    const text = `${'Receptors modulate channels [1]. '.repeat(62_000)}\n\n## References\n\n1. Alpha A. A paper. J Test. 2001.\n`;
    const a = analyze(text);
    expect(a.citations).toHaveLength(62_000);
    expect(a.references[0]!.citedBy).toHaveLength(62_000);
  });

  it('reports a number without an entry once per marker, at the number, even when no list exists', () => {
    const text = 'A claim [3, 3].';
    const a = analyze(text);
    expect(a.diagnostics).toEqual([
      { code: 'missing-reference', severity: 'error', start: 9, end: 10, number: 3, message: 'Reference 3 is cited but the document has no reference list', related: [] },
    ]);
  });

  it('sorts diagnostics by position', () => {
    const diagnostics = computeDiagnostics(
      [{ number: 1, start: 50, end: 60, text: 'x', labelStart: 50, labelEnd: 51, authors: [], title: null, source: null, year: null, doi: null, pmid: null, pmcid: null, url: null, host: null, fields: NO_FIELDS, duplicateOf: null, citedBy: [] }],
      [{ start: 0, end: 3, text: '[2]', numbers: [2], parts: [{ number: 2, start: 1, end: 2 }], style: 'bracket' }],
    );
    expect(diagnostics.map((d) => [d.code, d.start])).toEqual([['missing-reference', 1], ['uncited-reference', 50]]);
  });
});
