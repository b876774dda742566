import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readDocument, readGolden } from '../analyze/golden.js';

const golden = readGolden('sample-guide.expected.json');
const text = readDocument(golden.document);
const analysis = analyze(text);
const refs = analysis.references;

describe('reference list of the sample guide', () => {
  it('finds the list under its plain "References" heading, split by a blank line, as one numeric list', () => {
    expect(analysis.referenceList).toEqual({ start: 15128, end: 17996, headingStart: 15128, headingEnd: 15138, scheme: 'numeric' });
    expect(refs.map((r) => r.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  it('stops before the unnumbered "To cite this document" item', () => {
    const last = refs[25]!;
    expect(text.slice(last.end, last.end + 20)).toBe('\n- To cite this docu');
  });

  it('gives each entry the span of its written number', () => {
    for (const r of refs) expect(text.slice(r.labelStart, r.labelEnd)).toBe(String(r.number));
    expect(refs[9]).toMatchObject({ labelStart: 16157, labelEnd: 16159 });
  });

  it('reads the [host] each web extraction appends', () => {
    expect(refs.map((r) => r.host)).toEqual([
      'frontiersin.org', 'pmc.ncbi.nlm.nih.gov', 'frontiersin.org', 'pmc.ncbi.nlm.nih.gov', 'frontiersin.org',
      'iovs.arvojournals.org', 'pmc.ncbi.nlm.nih.gov', 'pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov',
      'pubmed.ncbi.nlm.nih.gov', 'jneurosci.org', 'jneurosci.org', 'pmc.ncbi.nlm.nih.gov', 'frontiersin.org',
      'semanticscholar.org', 'semanticscholar.org', 'iovs.arvojournals.org', 'mdpi.com', 'pmc.ncbi.nlm.nih.gov',
      'pubmed.ncbi.nlm.nih.gov', 'journals.physiology.org', 'iovs.arvojournals.org', 'iovs.arvojournals.org',
      'assaygenie.com', 'med.emory.edu', 'pmc.ncbi.nlm.nih.gov',
    ]);
  });

  it('reads the site or journal named before or after the title', () => {
    expect(refs.map((r) => r.source)).toEqual([
      'Frontiers', 'PMC', 'Frontiers', 'PMC', 'Frontiers', null, 'PMC', 'PubMed', 'PMC', 'PubMed',
      'Journal of Neuroscience', 'Journal of Neuroscience', 'PMC', 'Frontiers', 'Semantic Scholar', 'Semantic Scholar',
      null, null, 'PMC', 'PubMed', null, null, null, null, null, 'PMC',
    ]);
  });

  it('reads titles without the site, the [PDF] tag or the host, and none for a bare host name', () => {
    const expected = golden.expected.references.map((r) => r.title);
    expect(refs.map((r) => r.title)).toEqual(expected);
    expect(refs.filter((r) => r.title === null).map((r) => r.number)).toEqual([6, 17, 18, 21, 22, 23, 24, 25]);
    expect(refs[14]!.title).toBe(refs[11]!.title);
    expect(refs[14]!.text.startsWith('[PDF] ')).toBe(true);
    for (const r of refs) if (r.title) expect(r.title).not.toMatch(/\[|\||- PMC$/);
  });

  it('marks the three duplicate groups {2,5}, {4,10,16} and {12,13,15}, each copy pointing at the first', () => {
    const duplicates = Object.fromEntries(refs.filter((r) => r.duplicateOf !== null).map((r) => [r.number, r.duplicateOf]));
    expect(duplicates).toEqual({ 5: 2, 10: 4, 13: 12, 15: 12, 16: 4 });
  });

  it('never treats entries without a title as duplicates of each other', () => {
    for (const n of [6, 17, 22, 23]) expect(refs[n - 1]!.duplicateOf).toBeNull();
  });

  it('links each entry to the markers citing it', () => {
    expect(refs.map((r) => r.citedBy.length)).toEqual([9, 1, 4, 12, 3, 5, 6, 2, 3, 4, 1, 7, 3, 1, 3, 2, 3, 3, 4, 6, 3, 3, 2, 6, 1, 2]);
    for (const r of refs) for (const i of r.citedBy) expect(analysis.citations[i]!.numbers).toContain(r.number);
  });

  it('reports the duplicates as warnings at the later entry, related to the first', () => {
    const warnings = analysis.diagnostics.filter((d) => d.code === 'duplicate-reference');
    expect(warnings.map((d) => [d.number, d.severity, d.message])).toEqual([
      [5, 'warning', 'Reference 5 lists the same work as reference 2'],
      [10, 'warning', 'Reference 10 lists the same work as reference 4'],
      [13, 'warning', 'Reference 13 lists the same work as reference 12'],
      [15, 'warning', 'Reference 15 lists the same work as reference 12'],
      [16, 'warning', 'Reference 16 lists the same work as reference 4'],
    ]);
    expect(warnings[0]!).toMatchObject({ start: 15694, end: 15695, related: [{ start: 15276, end: 15277, message: 'First listed as reference 2' }] });
  });

  it('finds every entry cited, so no entry is reported uncited', () => {
    expect(analysis.diagnostics.filter((d) => d.code === 'uncited-reference')).toEqual([]);
  });
});
