/** Works cited by several documents are matched by DOI, PMID or title and year, transitively. */
import { expect, test } from 'vitest';
import { sharedWorks, workKeys, type SummaryReference } from '../../../src/core/library/index.js';

function entry(number: number, fields: Partial<SummaryReference>): SummaryReference {
  return { start: 0, end: 1, line: 0, character: 0, number, firstAuthor: null, title: null, container: null, year: null, doi: null, pmid: null, pmcid: null, ...fields };
}

test('a work is keyed by DOI (lower case), PMID, PMCID and normalised title with year', () => {
  expect(workKeys(entry(1, { doi: '10.1038/NRD1234', pmid: '123', title: 'The Sigma-1 Receptor: a Chaperone!', year: 2012 }))).toEqual([
    'doi:10.1038/nrd1234',
    'pmid:123',
    'title:the sigma 1 receptor a chaperone|2012',
  ]);
  expect(workKeys(entry(1, { title: 'Editorial', year: 2012 }))).toEqual([]);
  expect(workKeys(entry(1, { title: 'A long enough title', year: null }))).toEqual([]);
});

test('entries match across documents through any shared key, and one document counts once', () => {
  const works = sharedWorks([
    ['a.md', [entry(1, { doi: '10.1/x', title: 'Sigma receptors in the brain', year: 2001 }), entry(2, { doi: '10.1/X' })]],
    ['b.md', [entry(7, { title: 'Sigma Receptors in the Brain.', year: 2001, pmid: '99' })]],
    ['c.md', [entry(3, { pmid: '99' }), entry(4, { doi: '10.9/other' })]],
  ]);
  expect(works.map((w) => [w.key, w.doi, w.pmid, w.citations.map((c) => `${c.uri}#${c.reference.number}`)])).toEqual([
    ['doi:10.1/x', '10.1/x', '99', ['a.md#1', 'b.md#7', 'c.md#3']],
  ]);
});
