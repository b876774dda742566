/**
 * What the remembered reading of reference entries and their links depend on: an entry's fields
 * on its own source, duplicates on every entry before it, back-references on the markers. Each
 * re-analysis must give exactly what a cold analysis gives.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import type { Analysis } from '../../../src/core/types.js';
import { readDocument } from '../analyze/golden.js';

/** Analyses each version in turn with one cache, checking each against a cold analysis; returns the last. */
function reanalyse(...versions: string[]): Analysis {
  const cache = new ChunkCache();
  let last: Analysis | undefined;
  for (const text of versions) {
    last = analyze(text, { cache });
    expect(JSON.stringify(last)).toBe(JSON.stringify(analyze(text)));
  }
  return last!;
}

const review = readDocument('review-numbered-references.md');
const entry7 = '7. Ivanova E. Cell systems for D3 receptor signalling. Cell Signal. 2020;70:109588.';
const entry2 = '2. Garcia M, Chen L. Radioligand binding to D3 receptors in native tissue. Br J Pharmacol. 2015;172(2):455-67. [CrossRef] [PubMed] [Google Scholar]';

describe('remembered reference entries', () => {
  it('read an edited entry again and keep the fields of the others', () => {
    const after = reanalyse(review, review.replace('Br J Pharmacol. 2015;', 'Br J Pharmacol. 2016;'));
    expect(after.references.map((r) => r.year)).toEqual([2012, 2016, 2016, 2018, 2019, 2012, 2020, 2011]);
    expect(after.references[1]).toMatchObject({ title: 'Radioligand binding to D3 receptors in native tissue', source: 'Br J Pharmacol' });
  });

  it('give an entry its new position as number when an unnumbered list loses an earlier entry', () => {
    const text = readDocument('author-year.md');
    const after = reanalyse(text, text.replace(/Jones, A\., & Lee, K\. \(2015a\)[^\n]*\n\n/, ''));
    expect(after.references.map((r) => [r.number, r.year])).toEqual([
      [1, 2016],
      [2, 2019],
      [3, 2015],
      [4, 2017],
    ]);
  });
});

describe('remembered reference links', () => {
  it('mark an entry as a duplicate once it is edited to list an earlier work, and unmark it when edited back', () => {
    const copied = review.replace(entry7, `7. ${entry2.slice(3)}`);
    const duplicates = (a: Analysis): (number | null)[] => a.references.map((r) => r.duplicateOf);
    expect(duplicates(reanalyse(review))).toEqual([null, null, null, null, null, 1, null, null]);
    expect(duplicates(reanalyse(review, copied))).toEqual([null, null, null, null, null, 1, 2, null]);
    expect(duplicates(reanalyse(review, copied, review))).toEqual([null, null, null, null, null, 1, null, null]);
  });

  it('point a duplicate at the first listing after two listings of one work swap places', () => {
    const [first, copy] = [review.indexOf('1. Smith J'), review.indexOf('6. Smith J')];
    const firstEntry = review.slice(first, review.indexOf('\n2. ', first));
    const copyEntry = review.slice(copy, review.indexOf('\n7. ', copy));
    const swapped = review.replace(firstEntry, `1. ${copyEntry.slice(3)}`).replace(copyEntry, `6. ${firstEntry.slice(3)}`);
    const after = reanalyse(review, swapped);
    expect(after.references[0]!.pmid).toBeNull();
    expect(after.references[5]).toMatchObject({ pmid: '22150012', duplicateOf: 1 });
  });

  it('count a marker citing a number twice once among the back-references', () => {
    const twice = review.replace('in vivo [4] [6]', 'in vivo [4] [4]');
    const after = reanalyse(review, twice);
    const marker = after.citations.findIndex((c) => c.text === '[4] [4]');
    expect(after.citations[marker]!.numbers).toEqual([4]);
    expect(after.references[3]!.citedBy.filter((i) => i === marker)).toEqual([marker]);
    expect(after.references[5]!.citedBy).not.toContain(marker);
  });
});

describe('remembered markers that depend on the whole list', () => {
  const glued = readDocument('glued-superscripts.md');
  const gluedNumbers = (a: Analysis) => a.citations.filter((c) => c.style === 'glued').map((c) => c.numbers.join(','));

  it('drop glued digits when the numbered list goes, and read them again when it comes back', () => {
    const withoutList = glued.replace('## References', '## Further reading').replace(/^\d+\. /gm, '- ');
    expect(gluedNumbers(reanalyse(glued, withoutList))).toEqual([]);
    expect(gluedNumbers(reanalyse(glued, withoutList, glued))).toEqual(['1', '2,3', '4,5,6,7', '13,14', '8', '9,10', '11', '12']);
  });

  it('follow the range of the list: a number the list loses is no longer read', () => {
    const shorter = glued.replace(/^1[3-5]\. .*\n/gm, '');
    expect(gluedNumbers(reanalyse(glued, shorter))).toEqual(['1', '2,3', '4,5,6,7', '8', '9,10', '11', '12']);
  });

  it('drop glued digits once brackets cite most of the list, in a block the edit did not touch', () => {
    const bracketed = glued.replace('## Results', `Summary [1][2][3][4][5][6][7][8].\n\n## Results`);
    expect(gluedNumbers(reanalyse(glued, bracketed))).toEqual([]);
  });

  it('switch a numbered list to author–year when its markers cite by name and year, and back', () => {
    const text = '# T\n\nAs shown (Lee, 2015).\n\n## References\n\n1. Lee, K. (2015). Sigma receptors. J Biol, 1, 2-3.\n2. Chen, L. (2018). Ion channels. J Neurosci, 3, 4-5.\n';
    const numeric = text.replace('(Lee, 2015)', '[2]');
    expect(reanalyse(text, numeric, text).referenceList?.scheme).toBe('author-year');
    expect(reanalyse(text, numeric).referenceList?.scheme).toBe('numeric');
  });
});
