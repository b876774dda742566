/**
 * Citation and list shapes that conversions of real papers produce: pandoc citekeys and keys
 * linked to a references section with no list in the document, author–year citations split over
 * a converter's links, bare names and years, groups split over links and carried on in the text,
 * pandoc superscripts, reference columns of tables, notes that cite sources, and lists broken by
 * page markers.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readDocument } from '../analyze/golden.js';
import type { Analysis } from '../../../src/core/types.js';

const cited = (a: Analysis) => a.citations.map((c) => [c.text, c.numbers, c.style, c.label ?? null]);

describe('a document with no reference list that cites by citekey and by linked key', () => {
  const a = analyze(readDocument('citekeys-without-list.md'));

  it('reports every citekey and linked key unresolved, with the keys as written, and invents no entry', () => {
    expect(a.references).toEqual([]);
    expect(cited(a)).toEqual([
      ['[@chebi:77731]', [], 'citekey', '@chebi:77731'],
      ['[@url:http://purl.obolibrary.org/obo/RO_0002406]', [], 'citekey', '@url:http://purl.obolibrary.org/obo/RO_0002406'],
      ['[@pmid:23180789; @pmid:26467479]', [], 'citekey', '@pmid:23180789; @pmid:26467479'],
      ['[see @doi:10.1371/journal.pcbi.1007128, pp. 3–4]', [], 'citekey', '@doi:10.1371/journal.pcbi.1007128'],
      ['[Drugbank](#5-references)', [], 'author-year', 'Drugbank'],
      ['[Hallifax 2007](#5-references)', [], 'author-year', 'Hallifax 2007'],
      ['[Yao  2001](5-References)', [], 'author-year', 'Yao 2001'],
      ['[**Claassen 1983**](#5-references)', [], 'author-year', 'Claassen 1983'],
    ]);
  });

  it('reads no e-mail address, bracket without keys, figure link or contents link', () => {
    expect(a.citations.some((c) => /contact|Figure|Methods/.test(c.text))).toBe(false);
    expect(a.diagnostics.filter((d) => d.code === 'missing-reference')).toEqual([]);
  });
});

describe('an author–year list of given-first names, cited through a converter’s links', () => {
  const text = readDocument('author-year-converter-links.md');
  const a = analyze(text);

  it('reads the list across its page marker, names given first, with the letters of a year', () => {
    expect(a.referenceList?.scheme).toBe('author-year');
    expect(a.references.map((r) => [r.number, r.fields.authors.map((x) => x.family), r.year])).toEqual([
      [1, ['Kaplan', 'McCandlish', 'Amodei'], 2020],
      [2, ['Hanke', 'Frechen', 'Lehr'], 2018],
      [3, ['Radford', 'Narasimhan', 'Salimans', 'Sutskever'], 2018],
      [4, ['Yu', 'Li', 'Koh'], 2022],
      [5, ['Yu', 'Xu', 'Liu'], 2022],
    ]);
  });

  it('joins split links, reads bare names and years in text and tables, a year linked after its authors, keys misspelt by a letter or a year letter the list lacks, and takes no number for a citation', () => {
    expect(cited(a)).toEqual([
      ['[(Radford et al.,](#page-3-1) [2018;](#page-3-1) [Kaplan et al.,](#page-2-0) [2020)](#page-2-0)', [3, 1], 'author-year', 'Radford et al., 2018; Kaplan et al., 2020'],
      ['[Kaplan et al.](#page-2-0) [(2020)](#page-2-0)', [1], 'author-year', 'Kaplan et al., 2020'],
      ['(Yu et al., 2022a; Yu et al., 2022b)', [4, 5], 'author-year', 'Yu et al., 2022a; Yu et al., 2022b'],
      ['Hanke *et al.* 2018', [2], 'author-year', 'Hanke et al. 2018'],
      ['[Hanke 2018](#5-references)', [2], 'author-year', 'Hanke 2018'],
      ['[Yu et al., 2022a](#B4)', [4], 'author-year', 'Yu et al., 2022a'],
      ['[2022b](#B5)', [5], 'author-year', '2022b'],
      ['Hancke 2018', [2], 'author-year', 'Hancke 2018'],
      ['[Kaplan 2020a](#5-references)', [1], 'author-year', 'Kaplan 2020a'],
      ['Hanke, 2018', [2], 'author-year', 'Hanke, 2018'],
    ]);
    expect(text.slice(a.citations[9]!.start - 12, a.citations[9]!.end)).toBe('Publication-Hanke, 2018');
  });
});

describe('a numbered list converted from PDF, cited through split links and superscripts', () => {
  const text = readDocument('converter-numbered-pages.md');
  const a = analyze(text);

  it('reads entries numbered by links to themselves and the entries after a page marker', () => {
    expect(a.references.map((r) => [r.number, r.fields.authors[0]?.family, r.year])).toEqual([
      [1, 'Gericke', 2008],
      [2, 'Harvey', 2011],
      [3, 'Terburg', 2013],
      [4, 'Chiu', 2014],
      [5, 'Dimpfel', 2016],
    ]);
    expect(a.references[0]!.text).toBe('Gericke N, Viljoen AM. Sceletium—a review update. J Ethnopharmacol. 2008;119:653–663.');
  });

  it('reads groups carried on after their links, ranges across closed links, pandoc superscripts, reference columns, names and years, and prose after a formula', () => {
    expect(cited(a)).toEqual([
      ['[\\[1–](#block-10-4)3]', [1, 2, 3], 'link', null],
      ['[\\[4,](#block-10-4)5]', [4, 5], 'link', null],
      ['[\\[1,](#block-10-4)4[,5\\]](#block-11-2)', [1, 4, 5], 'link', null],
      ['^1,3^', [1, 3], 'superscript', null],
      ['^2–4^', [2, 3, 4], 'superscript', null],
      ['[[2]](#ref-2)–[[4]](#ref-4)', [2, 3, 4], 'link', null],
      ['[3](#b3-ref)^–^[5](#b5-ref)', [3, 4, 5], 'link', null],
      ['2', [2], 'bracket', null],
      ['(5)', [5], 'bracket', null],
      ['Gericke and Viljoen (2008)', [1], 'author-year', 'Gericke and Viljoen, 2008'],
      ['[3]', [3], 'bracket', null],
      ['[4]', [4], 'bracket', null],
    ]);
  });

  it('takes neither a unit’s power (Å^3^) nor a link to a table for a marker', () => {
    for (const written of ['Å^3^', '[1](#Tab1)']) {
      const at = text.indexOf(written);
      expect(a.citations.some((c) => c.start < at + written.length && c.end > at)).toBe(false);
    }
  });
});

describe('numbered notes and the sources they abbreviate', () => {
  const a = analyze(readDocument('notes-and-sources.md'));

  it('are one list: the notes by number, the sources after them', () => {
    expect(a.referenceList?.scheme).toBe('numeric');
    expect(a.references.map((r) => [r.number, r.fields.authors.map((x) => x.family), r.year])).toEqual([
      [1, [], 2006],
      [2, ['Carboneras'], 1992],
      [3, ['Carboneras'], 1992],
      [4, ['Christidis', 'Boles'], 2008],
    ]);
  });

  it('resolve markers to notes, keys to sources, and a note’s own link to the source it names', () => {
    expect(cited(a)).toEqual([
      ['[[ 1 ]](#cite_note-1)', [1], 'link', null],
      ['[[ 2 ]](#cite_note-FOOTNOTECarboneras1992536-2)', [2], 'link', null],
      ['[Christidis &amp; Boles 2008](#CITEREFChristidisBoles2008)', [4], 'author-year', 'Christidis & Boles 2008'],
      ['[Carboneras 1992](#CITEREFCarboneras1992)', [3], 'author-year', 'Carboneras 1992'],
    ]);
    expect(a.references.map((r) => r.citedBy)).toEqual([[0], [1], [3], [2]]);
  });
});

describe('author–year citations a converter split over links, read one by one', () => {
  const text = readDocument('author-year-split-narrative-links.md');
  const a = analyze(text);

  it('reads given-first names with a two-letter given name and a title in lower case', () => {
    expect(a.references.map((r) => [r.number, r.fields.authors[0]?.family, r.year])).toEqual([
      [1, 'Alder', 2018],
      [2, 'Brandt', 2019],
      [3, 'Corwin', 2017],
      [4, 'Dovetti', 2020],
      [5, 'Egan', 2020],
      [6, 'Fitch', 2021],
      [7, 'Gale', 2020],
      [8, 'Hollis', 2020],
    ]);
    expect(a.references[7]!.fields.authors.map((x) => [x.family, x.given])).toEqual([['Hollis', 'Iz'], ['Peters', 'Matthew E'], ['Cole', 'Arman']]);
  });

  it('reads narrative citations in a row, a name cut between links, years outside the links, and links that name only the anchored entry', () => {
    expect(a.citations.map((c) => [c.text, c.numbers])).toEqual([
      ['[Alder et al.](#page-7-1) [(2018)](#page-7-1)', [1]],
      ['[Brandt et al.](#page-7-0) [(2019)](#page-7-0)', [2]],
      ['[(Corwin et al.,](#page-8-2) [2017;](#page-8-2) [Dov](#page-8-4)[etti and Ruiz,](#page-8-4) [2020)](#page-8-4)', [3, 4]],
      ['[Corwin et al.](#page-8-2) (2017)', [3]],
      ['[(Egan et al.,](#page-9-2) [2020)](#page-9-2)', [5]],
      ['[Fitch et al.](#page-8-5)', [6]],
      ['[(2021)](#page-8-5)', [6]],
      ['(Gale et al., 2020; Hollis et al., 2020)', [7, 8]],
    ]);
  });

  it('resolves no link by its anchor when the names or the year disagree with the anchored entry', () => {
    const other = analyze(text.replace('[Fitch et al.](#page-8-5)', '[Moss et al.](#page-8-5)').replace('[(2021)](#page-8-5)', '[(2019)](#page-8-5)'));
    expect(other.citations.some((c) => c.text.includes('Moss') || c.text.startsWith('[(2019)]'))).toBe(false);
  });
});

describe('citekeys in the description of an image (a pandoc figure caption)', () => {
  it('reads citekeys there, unresolved without a list, and still reads nothing in the image address', () => {
    const text = '# Roles\n\n![The role [@CHEBI:50906] has two children: chemical role [@CHEBI:51086] and application [@CHEBI:33232].](images/roles-[1].png)\n\nSee the ontology [@doi:10.1186/1758-2946-5-1].\n';
    const a = analyze(text);
    expect(a.referenceList).toBeNull();
    expect(a.citations.map((c) => [c.text, c.numbers, c.style])).toEqual([
      ['[@CHEBI:50906]', [], 'citekey'],
      ['[@CHEBI:51086]', [], 'citekey'],
      ['[@CHEBI:33232]', [], 'citekey'],
      ['[@doi:10.1186/1758-2946-5-1]', [], 'citekey'],
    ]);
    expect(a.diagnostics).toEqual([]);
  });

  it('reads no number there: a converter describes the picture, its labels included', () => {
    const a = analyze('# T\n\nText [1].\n\n![Panel [2] of the plot, axis 3.](fig1.png)\n\n## References\n\n1. Lee K. Title. J Biol. 2001;1:1.\n2. Chen L. Title. J Biol. 2002;1:1.\n');
    expect(a.citations.map((c) => [c.text, c.numbers])).toEqual([['[1]', [1]]]);
  });
});
