import { describe, expect, it } from 'vitest';
import { readSequences, readVolume, referenceListDocument, sequenceFields } from '../../eval/build/anystyle.js';
import { evenRuns, iobDocument, readIob } from '../../eval/build/iob.js';
import { splitAuthorList } from '../../eval/build/names.js';

describe('rebuilding IOB benchmarks as documents', () => {
  const iob = 'Ketamine\tB-Chemical\nand\tO\nnor\tB-Chemical\n-\tI-Chemical\nketamine\tI-Chemical\n.\tO\n\nThe\tO\nNMDA\tI-Chemical\nsite\tO\n';

  it('joins tokens by single spaces, a sentence per paragraph, and reads B-/I- runs as mentions', () => {
    const doc = iobDocument(readIob(iob));
    expect(doc.text).toBe('Ketamine and nor - ketamine .\n\nThe NMDA site\n');
    expect(doc.mentions).toEqual([
      { start: 0, end: 8, text: 'Ketamine' },
      { start: 13, end: 27, text: 'nor - ketamine' },
      { start: 35, end: 39, text: 'NMDA' }, // an I- after O starts a mention, as conlleval reads it
    ]);
  });

  it('cuts a split into runs of nearly equal length', () => {
    expect(evenRuns([1, 2, 3, 4, 5], 2).map((r) => r.length)).toEqual([1, 2, 2]);
    expect(evenRuns([], 250)).toEqual([[]]);
  });
});

describe('rebuilding tagged reference strings as a reference list', () => {
  const xml = `<?xml version="1.0"?><dataset>
  <sequence>
    <citation-number>7</citation-number>
    <author>Moreau, P. L., Okafor, B. &amp; Lindqvist, A.</author>
    <title>Gating of a model channel.</title>
    <journal>J. Membr. Models,</journal>
    <date>2011,</date>
    <volume>12(3):101–109.</volume>
    <doi>doi:10.9999/JMM.2011.12</doi>
  </sequence>
</dataset>`;

  it('numbers the entries itself and maps tags to fields', () => {
    const doc = referenceListDocument(readSequences(xml));
    expect(doc.text).toBe('# References\n\n1. Moreau, P. L., Okafor, B. & Lindqvist, A. Gating of a model channel. J. Membr. Models, 2011, 12(3):101–109. doi:10.9999/JMM.2011.12\n');
    expect(doc.entries[0]).toMatchObject({ id: '1', start: 14, end: doc.text.length - 1 });
    expect(doc.entries[0]!.fields).toEqual({
      authors: [{ family: 'Moreau', given: 'P. L.' }, { family: 'Okafor', given: 'B.' }, { family: 'Lindqvist', given: 'A.' }],
      year: '2011', title: 'Gating of a model channel', container: 'J. Membr. Models', volume: '12', issue: '3', pages: '101-109', doi: '10.9999/jmm.2011.12',
    });
    expect(sequenceFields([['note', 'PMCID: 1234567.']]).pmcid).toBe('PMC1234567');
  });

  it('reads the volume segments as they come: with issue and pages, prefixed, issue only, roman, counts of volumes', () => {
    expect(['14(2):974–983,', 'Vol. 11, No. 4,', '2009;108(2):', '95, (2),', 'n°59.', 'XIII', '2 vols.', 'v. 24,', '43:17:', 'VI'].map(readVolume)).toEqual([
      { volume: '14', issue: '2', pages: '974–983' },
      { volume: '11', issue: '4', pages: null },
      { volume: '108', issue: '2', pages: null },
      { volume: '95', issue: '2', pages: null },
      { volume: null, issue: '59', pages: null },
      { volume: 'XIII', issue: null, pages: null },
      { volume: null, issue: null, pages: null },
      { volume: '24', issue: null, pages: null },
      { volume: '43', issue: '17', pages: null },
      { volume: 'VI', issue: null, pages: null },
    ]);
  });

  it('splits author lists into family and given names, whichever order they are written in', () => {
    const families = (s: string) => splitAuthorList(s).map((a) => a.family);
    expect(families('Moreau, P. L., Okafor, B., & Lindqvist, A.')).toEqual(['Moreau', 'Okafor', 'Lindqvist']);
    expect(families('P. L. Moreau, B. Okafor, and A. Lindqvist,')).toEqual(['Moreau', 'Okafor', 'Lindqvist']);
    expect(families('Moreau PL, Okafor B, Lindqvist A.')).toEqual(['Moreau', 'Okafor', 'Lindqvist']);
    expect(families('Moreau, Paul and Bola Okafor.')).toEqual(['Moreau', 'Okafor']);
    expect(families('Moreau, Paul L.; Okafor, Bola; & Lindqvist, Anna')).toEqual(['Moreau', 'Okafor', 'Lindqvist']);
    expect(families('Van den Berg, Lotte.')).toEqual(['Van den Berg']);
    expect(families('Moreau, Paul Louis.')).toEqual(['Moreau']);
    expect(families('Anna Lindqvist, Sven van der Berg, and Bo Li.')).toEqual(['Lindqvist', 'van der Berg', 'Li']);
    expect(families('Moreau, Paul, Jr.')).toEqual(['Moreau']);
    expect(families('P. Mor- eau, B. Okafor, et al.')).toEqual(['Mor- eau', 'Okafor']);
    expect(families('———.')).toEqual([]);
    expect(splitAuthorList('Moreau, P. L.')).toEqual([{ family: 'Moreau', given: 'P. L.' }]);
  });
});
