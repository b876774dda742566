import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { findReferences } from '../../../src/core/references/index.js';
import { parseDocument } from '../../../src/core/parse/index.js';
import { readDocument } from '../analyze/golden.js';

describe('numbered reference list with DOIs and PMIDs', () => {
  const text = readDocument('review-numbered-references.md');
  const a = analyze(text);

  it('reads all eight entries, one running over two lines', () => {
    expect(a.references.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a.references[0]!.text).toBe('Smith J, Brown K, Lee C. Dopamine D3 receptor ligands: binding and function. J Med Chem. 2012;55(3):1020-35. doi:10.1021/jm201234x. PMID: 22150012.');
    expect(a.referenceList).toMatchObject({ scheme: 'numeric', headingStart: 740 });
  });

  it('reads identifiers and keeps [CrossRef] links out of the entry fields', () => {
    expect(a.references.map((r) => [r.doi, r.pmid, r.pmcid])).toEqual([
      ['10.1021/jm201234x', '22150012', null],
      [null, null, null],
      ['10.1124/mol.115.101234', null, null],
      [null, null, 'PMC6012345'],
      [null, null, null],
      ['10.1021/jm201234x', null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(a.references[1]).toMatchObject({ title: 'Radioligand binding to D3 receptors in native tissue', source: 'Br J Pharmacol', year: 2015 });
  });

  it('marks the entry listed twice as a duplicate and the uncited entry with information', () => {
    expect(a.references.map((r) => r.duplicateOf)).toEqual([null, null, null, null, null, 1, null, null]);
    expect(a.diagnostics.filter((d) => d.code === 'uncited-reference').map((d) => [d.number, d.severity, d.start, d.end, d.message])).toEqual([
      [8, 'information', 1632, 1633, 'Reference 8 is not cited in the text'],
    ]);
  });
});

describe('[n] entries in a CRLF paragraph', () => {
  const text = readDocument('pdf-superscripts-crlf.md');
  const a = analyze(text);

  it('reads the labelled lines as entries, continuation lines included', () => {
    expect(a.references.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.references[0]).toMatchObject({
      labelStart: 584,
      labelEnd: 585,
      text: 'Katona I, Freund TF. Multiple functions of endocannabinoid signaling in the brain. Annu Rev Neurosci. 2012;35:529-58.',
      authors: ['Katona I', 'Freund TF'],
      source: 'Annu Rev Neurosci',
      year: 2012,
    });
    for (const r of a.references) expect(text.slice(r.labelStart - 1, r.labelEnd + 1)).toBe(`[${r.number}]`);
  });
});

describe('footnote definitions', () => {
  const a = analyze(readDocument('footnotes-gfm.md'));

  it('are the reference list, numbered by label or by position', () => {
    expect(a.referenceList).toMatchObject({ scheme: 'footnote', headingStart: null });
    expect(a.references.map((r) => [r.number, r.label, r.citedBy.length])).toEqual([[1, '1', 3], [2, '2', 2], [3, 'note', 1]]);
    expect(a.references[0]!.doi).toBe('10.1016/j.neuropharm.2011.01.017');
  });
});

describe('alphabetical author–year list', () => {
  const a = analyze(readDocument('author-year.md'));

  it('reads one entry per paragraph with authors and year', () => {
    expect(a.referenceList!.scheme).toBe('author-year');
    expect(a.references.map((r) => [r.number, r.authors[0], r.year])).toEqual([
      [1, 'Jones, A.', 2015], [2, 'Lee, K.', 2016], [3, 'Okoye, C.', 2019], [4, 'Smith, J.', 2015], [5, 'Smith, J.', 2017],
    ]);
    expect(a.references.every((r) => r.citedBy.length > 0)).toBe(true);
  });
});

describe('finding a list without a heading', () => {
  it('takes a trailing numbered list of reference-like entries', () => {
    const text = 'Some prose cites [1] and [2].\n\n1. Alpha A. First paper. J Test. 2001;1:1-2.\n2. Beta B. Second paper. J Test. 2002;2:3-4.\n';
    const found = findReferences(parseDocument(text), []);
    expect(found.entries.map((e) => [e.number, e.title])).toEqual([[1, 'First paper'], [2, 'Second paper']]);
    expect(found.list).toMatchObject({ headingStart: null, scheme: 'numeric' });
  });

  it('does not take a trailing numbered protocol', () => {
    const text = 'Protocol\n\n1. Wash the cells twice.\n2. Add buffer and incubate.\n3. Read the plate.\n';
    expect(findReferences(parseDocument(text), []).entries).toEqual([]);
  });

  it('numbers an unnumbered bullet list by position', () => {
    const text = '## Bibliography\n\n- Alpha A. First paper. J Test. 2001.\n- Beta B. Second paper. J Test. 2002.\n';
    const found = findReferences(parseDocument(text), []);
    expect(found.entries.map((e) => [e.number, text.slice(e.labelStart, e.labelEnd)])).toEqual([[1, '-'], [2, '-']]);
  });
});

describe('a Notes section of prose', () => {
  it('is not a reference list even when the prose names a year', () => {
    const text = '## Notes\n\nThe study was funded in 2019 by a charity.\n\nAll authors agreed to publication.\n';
    expect(findReferences(parseDocument(text), [])).toEqual({ list: null, entries: [] });
  });
});

describe('a numbered list whose conversion ran entries together (OCR)', () => {
  const text = readDocument('ocr-run-together-references.md');
  const a = analyze(text);
  const opening = (r: { start: number }) => text.slice(r.start, r.start + 12);

  it('reads labels with no space after the number, lines a list item took in and a label inside a line', () => {
    expect(a.referenceList).toMatchObject({ scheme: 'numeric', headingStart: 258, headingEnd: 279 });
    expect(a.references.map((r) => [r.number, opening(r)])).toEqual([
      [1, '1.Hollander,'],
      [2, '2. Ahren,B.,'],
      [3, '3. (a)Kim,D.'],
      [4, '4.(a) Villha'],
      [5, '5.Feng,J.; Z'],
      [6, '6.Eckhardt, '],
    ]);
    expect(text.slice(a.references[4]!.end - 9, a.references[4]!.end)).toBe('2297-300.');
    expect(a.references[5]!.text).toBe('Eckhardt, M.; Langkop,E.; Himmelsbach, F., A highly potent DPP-4 inhibitor. Journal of Medicinal Chemistry 2007,50 (26), 6450-6453.');
  });
});

describe('a numbered list whose labels OCR damaged', () => {
  const text = readDocument('ocr-damaged-labels.md');
  const a = analyze(text);

  it('reads full-width parentheses, a label inside a line, and numbers damaged labels from their neighbours', () => {
    expect(a.references.map((r) => [r.number, text.slice(r.labelStart, r.labelEnd)])).toEqual([
      [1, '1'],
      [2, '2'],
      [7, '7'],
      [9, '9'],
      [10, '1o'],
      [11, 'n'],
      [12, '12'],
    ]);
    expect(a.references[0]!.text).toBe('Itoh,N.; Ornitz,D.M.,Evolution of the Fgf and Fgfr gene families. Trends Genet.2004,20, 563-569');
    expect(a.references[5]!.text.startsWith('Roidl,A.;Foo,P.; Ho,H. K.,The FGFR4 Y367C mutant')).toBe(true);
  });
});
