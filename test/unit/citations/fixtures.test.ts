import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readDocument } from '../analyze/golden.js';

const markers = (file: string) => {
  const text = readDocument(file);
  const a = analyze(text);
  for (const c of a.citations) expect(text.slice(c.start, c.end)).toBe(c.text);
  return { text, a, list: a.citations.map((c) => [c.text, c.numbers, c.style]) };
};

describe('numbered review with bracket ranges and lists', () => {
  const { a, list } = markers('review-numbered-references.md');

  it('reads lists, ranges with en dash and hyphen, and groups separated by a space', () => {
    expect(list).toEqual([
      ['[1, 3]', [1, 3], 'bracket'],
      ['[2–4]', [2, 3, 4], 'bracket'],
      ['[1,3–5]', [1, 3, 4, 5], 'bracket'],
      ['[5-7]', [5, 6, 7], 'bracket'],
      ['[4] [6]', [4, 6], 'bracket'],
      ['[9]', [9], 'bracket'],
    ]);
  });

  it('points every number of a range at the range text', () => {
    const range = a.citations[1]!;
    expect(range).toMatchObject({ start: 213, end: 218 });
    expect(range.parts).toEqual([
      { number: 2, start: 214, end: 217 },
      { number: 3, start: 214, end: 217 },
      { number: 4, start: 214, end: 217 },
    ]);
    const mixed = a.citations[2]!;
    expect(mixed.parts.map((p) => [p.number, p.start, p.end])).toEqual([[1, 254, 255], [3, 256, 259], [4, 256, 259], [5, 256, 259]]);
  });

  it('ignores a bracketed year, an ordinary link, an isotope label and numbered protocol steps', () => {
    expect(a.citations.some((c) => /2019|website|³/.test(c.text))).toBe(false);
    expect(a.citations).toHaveLength(6);
  });

  it('reports a cited number with no entry as an error at the number', () => {
    const missing = a.diagnostics.filter((d) => d.code === 'missing-reference');
    expect(missing).toEqual([
      { code: 'missing-reference', severity: 'error', start: 735, end: 736, number: 9, message: 'Reference 9 is cited but not in the reference list', related: [] },
    ]);
  });
});

describe('PDF extraction with superscripts, CRLF line endings and an emoji', () => {
  const { text, a, list } = markers('pdf-superscripts-crlf.md');

  it('keeps its CRLF line endings', () => {
    expect(text.includes('\r\n')).toBe(true);
  });

  it('reads unicode, HTML, math, LaTeX and link-wrapped superscripts', () => {
    expect(list).toEqual([
      ['¹²', [12], 'unicode-superscript'],
      ['¹,⁶', [1, 6], 'unicode-superscript'],
      ['³⁻⁵', [3, 4, 5], 'unicode-superscript'],
      ['<sup>7</sup>', [7], 'html-sup'],
      ['$^{8}$', [8], 'superscript'],
      ['\\(^{2,3}\\)', [2, 3], 'superscript'],
      ['\\textsuperscript{4–6}', [4, 5, 6], 'superscript'],
      ['[\\[1,2\\]](#page-3-0)', [1, 2], 'link'],
      ['[9](#ref-9)', [9], 'link'],
    ]);
  });

  it('counts offsets in UTF-16 code units across CRLF and an astral character', () => {
    expect(a.citations.map((c) => c.start)).toEqual([134, 196, 238, 303, 337, 360, 385, 417, 442]);
    // The emoji before <sup>7</sup> is one code point but two code units.
    expect([...text.slice(0, 303)].length).toBe(302);
    expect(a.citations[3]!.parts).toEqual([{ number: 7, start: 308, end: 309 }]);
  });

  it('does not read charges, powers of ten, squared units or protocol steps as markers', () => {
    for (const c of a.citations) expect(c.text).not.toMatch(/²⁺|⁶ cells|cm²|10⁵/);
    expect(a.citations.every((c) => c.end < a.referenceList!.start)).toBe(true);
    expect(a.citations).toHaveLength(9);
  });

  it('reports ¹² as reference 12, which the list of nine lacks', () => {
    expect(a.diagnostics.map((d) => [d.code, d.number, d.start, d.end])).toEqual([['missing-reference', 12, 134, 136]]);
  });
});

describe('GFM footnotes', () => {
  const { a, list } = markers('footnotes-gfm.md');

  it('reads numeric and named footnote references, in prose and in table cells', () => {
    expect(list).toEqual([
      ['[^1]', [1], 'footnote'],
      ['[^2]', [2], 'footnote'],
      ['[^note]', [3], 'footnote'],
      ['[^1]', [1], 'footnote'],
      ['[^1]', [1], 'footnote'],
      ['[^2]', [2], 'footnote'],
    ]);
    expect(a.citations[2]).toMatchObject({ start: 179, end: 186, label: 'note', parts: [{ number: 3, start: 181, end: 185 }] });
  });

  it('does not read inside inline code or a link', () => {
    expect(a.citations.some((c) => c.start > 365)).toBe(false);
  });
});

describe('author–year citations', () => {
  const { a, list } = markers('author-year.md');

  it('resolves parenthetical and narrative citations to the alphabetical entries', () => {
    expect(list).toEqual([
      ['(Smith et al., 2017)', [5], 'author-year'],
      ['(Smith and Jones, 2015a; Lee, 2016)', [4, 2], 'author-year'],
      ['Jones and Lee (2015a)', [1], 'author-year'],
      ['(Lee, 2016; Okoye & Park, 2019)', [2, 3], 'author-year'],
    ]);
  });

  it('labels each citation with its key text and spans each part over name and year', () => {
    expect(a.citations.map((c) => c.label)).toEqual(['Smith et al., 2017', 'Smith and Jones, 2015a; Lee, 2016', 'Jones and Lee, 2015a', 'Lee, 2016; Okoye & Park, 2019']);
    expect(a.citations[1]!.parts).toEqual([
      { number: 4, start: 198, end: 220 },
      { number: 2, start: 222, end: 231 },
    ]);
  });

  it('does not read a parenthesis with a sample size and a year as a citation', () => {
    expect(a.citations.some((c) => c.text.includes('n = 12'))).toBe(false);
  });
});

describe('numbers that are not markers', () => {
  const texts = (text: string) => analyze(text).citations.map((c) => c.text);

  it('ignores thousands, decimals, isotopes, concentrations and statistics in brackets or superscript', () => {
    expect(texts('About [2,500] cells, [0.5] ratio, [3H]dopamine, [1 μM] drug, r² = 0.98, R^{2} = 0.9, χ² test, 10⁻⁶ M.')).toEqual([]);
  });

  it('ignores charges and element superscripts but not a superscript after a word', () => {
    expect(texts('Ca²⁺ and Mg^{2+} and Zn² and SO₄²⁻, whereas receptors² bind.')).toEqual(['²']);
  });

  it('ignores ordinary links and reads in-document anchors', () => {
    expect(texts('See [3](https://example.org/3) and [4](#ref-4) and [5](#cite-5 "title").')).toEqual(['[4](#ref-4)']);
  });
});

describe('PDF conversion with link-wrapped markers and anchored entries', () => {
  const { a, list } = markers('marker-pdf-links.md');

  it('reads escaped-bracket links, a group split over two links, and an anchor link in <sup>', () => {
    expect(list).toEqual([
      ['[\\[1\\]](#page-12-0)', [1], 'link'],
      ['[\\[2,](#page-12-1) [3\\]](#page-12-2)', [2, 3], 'link'],
      ['[4](#ref-4)', [4], 'link'],
    ]);
    expect(a.citations[1]!.parts).toEqual([
      { number: 2, start: 200, end: 201 },
      { number: 3, start: 217, end: 218 },
    ]);
  });

  it('reads the entries behind their <span id> anchors, initials-first authors included', () => {
    expect(a.references.map((r) => [r.number, r.authors, r.title, r.source, r.year])).toEqual([
      [1, ['A. Author', 'B. Author'], 'Acetylcholine potency shifts by modulators', 'J. Med. Chem', 2019],
      [2, ['C. Author', 'D. Author'], 'Chemotypes of muscarinic modulators', 'Nature', 2020],
      [3, ['E. Author'], 'Benzyl quinolone carboxylic acids', 'Science', 2021],
      [4, ['F. Author', 'G. Author'], 'Operational models of allosterism', 'Br. J. Pharmacol', 2013],
    ]);
    expect(a.diagnostics).toEqual([]);
  });
});
