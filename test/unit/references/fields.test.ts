import { describe, expect, it } from 'vitest';
import { parseEntry, parseEntryFields } from '../../../src/core/references/index.js';

describe('reading the fields of a reference entry', () => {
  it('reads a web extraction "Site | Title [host]"', () => {
    expect(parseEntryFields('Frontiers | Opioid receptor trafficking in neurons [frontiersin.org]')).toMatchObject({
      title: 'Opioid receptor trafficking in neurons', source: 'Frontiers', host: 'frontiersin.org', authors: [], year: null,
    });
  });

  it('reads "Title - PMC [host]" and "Title | Journal [host]"', () => {
    expect(parseEntryFields('Kappa agonists and pruritus - PMC [pmc.ncbi.nlm.nih.gov]')).toMatchObject({ title: 'Kappa agonists and pruritus', source: 'PMC', host: 'pmc.ncbi.nlm.nih.gov' });
    expect(parseEntryFields('A model of receptor reserve | British Journal of Pharmacology [bpspubs.onlinelibrary.wiley.com]')).toMatchObject({
      title: 'A model of receptor reserve', source: 'British Journal of Pharmacology', host: 'bpspubs.onlinelibrary.wiley.com',
    });
  });

  it('drops a leading [PDF] tag and gives a bare host name no title', () => {
    expect(parseEntryFields('[PDF] Agonist bias at GPCRs | Semantic Scholar [semanticscholar.org]')).toMatchObject({ title: 'Agonist bias at GPCRs', source: 'Semantic Scholar' });
    expect(parseEntryFields('www.example.org [www.example.org]')).toMatchObject({ title: null, source: null, host: 'www.example.org' });
  });

  it('reads a Vancouver entry with DOI and PMID, ignoring trailing database links', () => {
    expect(parseEntryFields('Kenakin T, Christopoulos A. Signalling bias in new drug discovery. Nat Rev Drug Discov. 2013;12(3):205-16. doi: 10.1038/nrd3954. PMID: 23411724 [CrossRef] [PubMed] [Google Scholar]')).toEqual({
      authors: ['Kenakin T', 'Christopoulos A'],
      title: 'Signalling bias in new drug discovery',
      source: 'Nat Rev Drug Discov',
      year: 2013,
      doi: '10.1038/nrd3954',
      pmid: '23411724',
      pmcid: null,
      url: null,
      host: null,
    });
  });

  it('reads an APA entry with a DOI URL and a PMCID', () => {
    expect(parseEntryFields('Black, J. W., & Leff, P. (1983). Operational models of pharmacological agonism. Proceedings of the Royal Society B, 220(1219), 141–162. https://doi.org/10.1098/rspb.1983.0093 PMCID: PMC1234567')).toEqual({
      authors: ['Black, J. W.', 'Leff, P.'],
      title: 'Operational models of pharmacological agonism',
      source: 'Proceedings of the Royal Society B',
      year: 1983,
      doi: '10.1098/rspb.1983.0093',
      pmid: null,
      pmcid: 'PMC1234567',
      url: 'https://doi.org/10.1098/rspb.1983.0093',
      host: null,
    });
  });

  it('splits author lists and finds family names', () => {
    const families = (s: string) => parseEntry(s).fields.authors.map((a) => a.family);
    expect(families('Smith, J., Jones, A. B., & van der Berg, C. (2015). A title. J Biol, 1, 2.')).toEqual(['Smith', 'Jones', 'van der Berg']);
    expect(families('Smith J, Jones AB, Lee C, et al. A title. J Biol. 2015;1:2.')).toEqual(['Smith', 'Jones', 'Lee']);
    expect(parseEntryFields('Smith J, Jones AB, Lee C, et al. A title. J Biol. 2015;1:2.').authors).toEqual(['Smith J', 'Jones AB', 'Lee C']);
  });
});
