import { describe, expect, it } from 'vitest';
import { familyList, familyOf, normaliseField, normaliseText, normaliseUnit, sameQuantity } from '../../eval/normalise.js';
import { scoreFields } from '../../eval/score/fields.js';
import { alignReferences } from '../../eval/score/references.js';
import { analysis, gold, goldRef, sysRef } from './helpers.js';

describe('normalising what is written before comparing', () => {
  it('folds case, whitespace, dashes, surrounding punctuation and markdown', () => {
    expect(normaliseText('  *Sigma-1 receptors*  and\nNMDA   currents. ')).toBe('sigma-1 receptors and nmda currents');
    expect(normaliseText('“[Opioid trafficking](https://x.org) in neurons,”')).toBe('opioid trafficking in neurons');
    expect(normaliseField('pages', 'pp. 1021–1033.')).toBe('1021-1033');
    expect(normaliseField('doi', 'https://doi.org/10.1523/JNEUROSCI.1234-16.2017')).toBe('10.1523/jneurosci.1234-16.2017');
    expect(normaliseField('doi', 'doi: 10.1038/nrd3954.')).toBe('10.1038/nrd3954');
    expect(normaliseField('pmcid', '5296795')).toBe('pmc5296795');
    expect(normaliseField('year', '(2015a)')).toBe('2015');
    expect(normaliseField('volume', 'Vol. 37')).toBe('37');
    expect(normaliseField('title', null)).toBeNull();
  });

  it('takes the family name from the author strings of today’s contract', () => {
    expect(['Kenakin T', 'Black, J. W.', 'J. W. Black', 'Christopoulos AB', 'WHO', 'van der Graaf PH'].map(familyOf)).toEqual(['Kenakin', 'Black', 'Black', 'Christopoulos', 'WHO', 'van der Graaf']);
    expect(familyList(['Smith', ' Lee ', 'Martín-López'])).toBe('smith; lee; martín-lópez');
    expect(familyList([])).toBeNull();
  });

  it('reads μ, µ and u as one prefix and compares molar concentrations across units', () => {
    expect(['µM', 'uM', 'μM', 'ug/ml', 'mg/kg'].map(normaliseUnit)).toEqual(['μM', 'μM', 'μM', 'μg/mL', 'mg/kg']);
    expect(sameQuantity(1.4, 'μM', 1400, 'nM')).toBe(true);
    expect(sameQuantity(1.4, 'uM', 1.4000001, 'µM')).toBe(true);
    expect(sameQuantity(1.4, 'μM', 1.4, 'nM')).toBe(false);
    expect(sameQuantity(10, 'mg/kg', 10, '%')).toBe(false);
    expect(sameQuantity(7.2, null, 7.2, null)).toBe(true);
  });
});

describe('scoring reference fields', () => {
  const entry = goldRef('12', 100, 300, {
    authors: [{ family: 'Smith', given: 'J' }, { family: 'Lee', given: 'K A' }],
    year: '2017', title: 'Sigma-1 receptors and NMDA currents', container: 'J Neurosci', volume: '37', pages: '1021-1033', doi: '10.1523/jneurosci.1234-16.2017',
  });

  it('reads today’s fields (authors as strings, source as container) when the entry has no `fields`', () => {
    const a = analysis({
      references: [sysRef(12, 100, 300, [], { authors: ['Smith J', 'Lee KA'], year: 2017, title: 'Sigma-1 receptors and NMDA currents.', source: 'J. Neurosci', doi: '10.1523/JNEUROSCI.1234-16.2017' })],
    });
    const g = gold({ references: [entry] });
    const s = scoreFields(g, a, alignReferences(g, a));
    expect(s.micro).toEqual({ gold: 7, system: 5, foundGold: 4, correctSystem: 4 });
    expect(s.perField.container).toEqual({ gold: 1, system: 1, foundGold: 0, correctSystem: 0 });
    expect(s.perField.volume).toEqual({ gold: 1, system: 0, foundGold: 0, correctSystem: 0 });
    expect(s.findings.map((f) => f.key)).toEqual(['container: different value', 'volume: not read', 'pages: not read']);
  });

  it('reads the contract’s `fields` when present, and counts a field the entry lacks as a false positive', () => {
    const at = { start: 0, end: 1 };
    const fields = {
      authors: [{ family: 'Smith', given: 'J', ...at }, { family: 'Lee', given: 'KA', ...at }],
      year: { value: '2017', ...at }, title: { value: 'Sigma-1 receptors and NMDA currents', ...at }, container: { value: 'J Neurosci', ...at },
      volume: { value: '37', ...at }, issue: { value: '4', ...at }, pages: { value: '1021–33', ...at }, doi: null, pmid: null, pmcid: null, arxiv: null, url: null,
    };
    const a = analysis({ references: [{ ...sysRef(12, 100, 300), fields } as never] });
    const g = gold({ references: [entry] });
    const s = scoreFields(g, a, alignReferences(g, a));
    expect(s.micro).toEqual({ gold: 7, system: 7, foundGold: 5, correctSystem: 5 });
    expect(s.findings.map((f) => f.key)).toEqual(['issue: read where there is none', 'pages: different value', 'doi: not read']);
  });

  it('compares authors as the whole list of family names', () => {
    const a = analysis({ references: [sysRef(12, 100, 300, [], { authors: ['Smith J'] })] });
    const g = gold({ references: [entry] });
    expect(scoreFields(g, a, alignReferences(g, a)).perField.authors).toEqual({ gold: 1, system: 1, foundGold: 0, correctSystem: 0 });
  });

  it('scores only aligned entries', () => {
    const a = analysis({ references: [sysRef(1, 400, 500, [], { title: 'Elsewhere' })] });
    const g = gold({ references: [entry] });
    expect(scoreFields(g, a, alignReferences(g, a)).micro).toEqual({ gold: 0, system: 0, foundGold: 0, correctSystem: 0 });
  });
});
