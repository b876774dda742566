import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { referencesInSelection, toCslItems } from '../../../src/core/references/csl.js';
import { isReferenceLinkUrl, referenceLinks } from '../../../src/core/references/open.js';
import { formatReferences } from '../../../src/export/references.js';
import { readDocument } from '../analyze/golden.js';

const expected = (name: string) => readFileSync(new URL(`../../fixtures/export/${name}`, import.meta.url), 'utf8');
const guide = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');

/** The entries to export: the list without the entries that repeat an earlier one. */
const exported = (text: string) => toCslItems(analyze(text).references.filter((r) => r.duplicateOf === null));

describe('exporting a reference list', () => {
  const review = readDocument('review-numbered-references.md');

  for (const [format, extension] of [['bibtex', 'bib'], ['ris', 'ris'], ['csl-json', 'json']] as const) {
    it(`writes ${format} exactly as reviewed, each work once`, () => {
      expect(formatReferences(exported(review), format)).toBe(expected(`review-numbered-references.${extension}`));
      expect(formatReferences(exported(guide), format)).toBe(expected(`sample-guide.${extension}`));
    });
  }

  it('gives every entry a citation key, unique among them', () => {
    const keys = exported(review).map((i) => i['citation-key']);
    expect(keys).toEqual(['smith2012', 'garcia2015', 'okafor2016', 'weber2018', 'tanaka2019', 'ivanova2020', 'dubois2011']);
    const guideKeys = exported(guide).map((i) => i.id);
    expect(new Set(guideKeys).size).toBe(guideKeys.length);
  });

  it('exports the entries cited in a selection and those it covers in the list', () => {
    const a = analyze(review);
    const first = a.citations[0]!;
    expect(referencesInSelection(a, first.start, first.end).map((r) => r.number)).toEqual(first.numbers.filter((n) => a.references.some((r) => r.number === n)));
    const second = a.references[1]!;
    expect(referencesInSelection(a, second.start + 2, second.start + 3).map((r) => r.number)).toEqual([2]);
    expect(referencesInSelection(a, 0, 1)).toEqual([]);
  });

  it('writes an empty list as an empty file (an empty array in CSL-JSON)', () => {
    expect([formatReferences([], 'bibtex'), formatReferences([], 'ris'), formatReferences([], 'csl-json')]).toEqual(['', '', '[]\n']);
  });
});

describe('opening the work an entry lists', () => {
  const fieldsOf = (source: string) => analyze(`# T\n\nSee [1].\n\n## References\n\n1. ${source}\n`).references[0]!.fields;

  it('links a DOI to doi.org, a PMID to PubMed and a PMCID to PMC', () => {
    expect(referenceLinks(fieldsOf('Weber A. Functional selectivity. Neuropharmacology. 2018;135:1-10. doi:10.1016/S0006-3495(99)77260-2. PMID: 29550000. PMCID: PMC6012345'))).toEqual([
      { kind: 'doi', label: 'doi:10.1016/s0006-3495(99)77260-2', url: 'https://doi.org/10.1016/s0006-3495%2899%2977260-2' },
      { kind: 'pubmed', label: 'PMID 29550000', url: 'https://pubmed.ncbi.nlm.nih.gov/29550000/' },
      { kind: 'pmc', label: 'PMC6012345', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6012345/' },
    ]);
  });

  it('offers a PubMed search by title when the entry has no identifier', () => {
    expect(referenceLinks(fieldsOf('Tanaka H, Muller S. Biased signalling at dopamine receptors: "G" & β-arrestin. Trends Pharmacol Sci. 2019;40(5):300-12.'))).toEqual([
      { kind: 'search', label: 'Search PubMed for the title', url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Biased%20signalling%20at%20dopamine%20receptors%3A%20%22G%22%20%26%20%CE%B2-arrestin' },
    ]);
    expect(referenceLinks(fieldsOf('iovs.arvojournals.org [iovs.arvojournals.org]'))).toEqual([]);
  });

  it('builds only addresses its validator accepts, and the validator refuses everything else', () => {
    const a = analyze(guide);
    for (const r of a.references) for (const link of referenceLinks(r.fields)) expect(isReferenceLinkUrl(link.url)).toBe(true);
    for (const bad of ['http://doi.org/10.1/x', 'https://evil.example/doi.org/', 'https://doi.org/a b', 'javascript:alert(1)', 'https://doi.org/x"onmouseover', 'command:marginalia.revealReference']) {
      expect(isReferenceLinkUrl(bad)).toBe(false);
    }
  });
});

describe('duplicates read from the fields', () => {
  const doc = (entries: string[]) => analyze(`# T\n\nSee [1].\n\n## References\n\n${entries.map((e, i) => `${i + 1}. ${e}`).join('\n')}\n`);

  it('are the same DOI however differently the entries are written', () => {
    const a = doc([
      'Smith J, Lee K. Sigma receptors and channels. J Biol. 2015;1:2. doi:10.1000/ABC.123',
      'J. Smith and K. Lee, "Sigma-1 receptors, ion channels," J. Biol. 1 (2015) 2. https://doi.org/10.1000/abc.123',
    ]);
    expect(a.references.map((r) => r.duplicateOf)).toEqual([null, 1]);
  });

  it('are the same title and year, not the same title in another year', () => {
    const a = doc([
      'Smith J. Sigma receptors in pain. J Biol. 2015;1:2.',
      'Smith J. Sigma receptors in pain. J Biol. 2016;2:3.',
      'Smith, J. (2015). Sigma receptors in pain. Journal of Biology, 1, 2.',
    ]);
    expect(a.references.map((r) => r.duplicateOf)).toEqual([null, null, 1]);
  });
});
