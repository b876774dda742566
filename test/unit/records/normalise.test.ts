/** Values read as ChEMBL curates them: relation, value, error, n, standard type and pValue. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { headerMeasure, headerUnit, isQualifier, pValueOf, readValue, standardType } from '../../../src/core/records/index.js';
import { labelRemainder } from '../../../src/core/records/columns.js';

const nM = { unit: 'nM', measure: 'Ki' };

describe('reading a value as a cell writes it', () => {
  it('keeps the relation written before the number', () => {
    expect(['>50', '<10', '~2', '≥ 3', '<=0.5', '≈ 7', '12'].map((t) => [readValue(t, nM)?.relation, readValue(t, nM)?.value])).toEqual([
      ['>', 50], ['<', 10], ['~', 2], ['≥', 3], ['≤', 0.5], ['~', 7], ['=', 12],
    ]);
  });

  it('reads thousands separators, errors, ranges and n', () => {
    const read = (t: string) => {
      const v = readValue(t, nM)!;
      return [v.value, v.valueMax, v.error, v.n, v.unit, v.molar];
    };
    expect(read('16,000')).toEqual([16000, null, null, null, 'nM', 1.6e-5]);
    expect(read('24.5 ± 15.7')).toEqual([24.5, null, 15.7, null, 'nM', 2.45e-8]);
    expect(read('3.1 ± 0.4 (n = 5)')).toEqual([3.1, null, 0.4, 5, 'nM', 3.1e-9]);
    expect(read('2.5 μM')).toEqual([2.5, null, null, null, 'μM', 2.5e-6]);
  });

  it('recognises qualifiers that stand for no number', () => {
    expect(['Nd', 'n.d.', 'ND', '—', '-', 'NA', 'inactive', 'n.t.', '12', '>50'].map(isQualifier)).toEqual([true, true, true, true, true, true, true, true, false, false]);
    expect(['Nd', 'n.d.', '—', 'NA'].map((t) => readValue(t, nM))).toEqual([null, null, null, null]);
  });

  it('reads a bare number under a named measure even without a unit, and none without either', () => {
    expect(readValue('87', { unit: null, measure: 'Emax' })).toMatchObject({ value: 87, unit: null, measure: 'Emax' });
    expect(readValue('87', { unit: null, measure: null })).toBeNull();
  });
});

describe('measures and units from headers, captions and notes', () => {
  it('reads the measure a header names, % inhibition included', () => {
    expect(['Ki (nM)', 'IC50 ± S.D. (μM)', 'pKi', 'KB (nM)', '% Inhibition at 10 μM', 'Inhibition (%)', 'MIC (μg/mL)', 'GI50', 'Cell line'].map(headerMeasure)).toEqual([
      'Ki', 'IC50', 'pKi', 'Kb', 'inhibition', 'inhibition', 'MIC', 'GI50', null,
    ]);
  });

  it('reads the unit in parentheses, brackets, after a comma, or a leading %', () => {
    expect(['Ki (nM)', 'IC50 ± S.D. (μM)', '(μM, n = 3)', 'Emax (% of dopamine)', 'KI [nM]', 'IC50, μM', '% of control', 'nM', 'Compound'].map(headerUnit)).toEqual([
      'nM', 'μM', 'μM', '%', 'nM', 'μM', '%', 'nM', null,
    ]);
  });

  it('takes the unit from the caption when the header has none', () => {
    const text = 'Table 1. Binding affinities (Ki, nM) at dopamine receptors\n\n| Compound | D2 | D3 |\n|---|---|---|\n| Haloperidol | 1.2 | 7.5 |\n';
    const records = analyze(text).records;
    expect(records.map((r) => [r.ligand?.text, r.target?.text, r.measure, r.value, r.unit])).toEqual([
      ['Haloperidol', 'D2', 'Ki', 1.2, 'nM'],
      ['Haloperidol', 'D3', 'Ki', 7.5, 'nM'],
    ]);
  });

  it('takes the target named in the caption when no column names one', () => {
    const text = 'Table 2. Inhibition of [3H]citalopram binding to the serotonin transporter\n\n| Compound | Ki (nM) |\n|---|---|\n| Fluoxetine | 1.4 |\n| Paroxetine | 0.1 |\n';
    expect(analyze(text).records.map((r) => [r.ligand?.text, r.target?.text, r.value])).toEqual([
      ['Fluoxetine', 'serotonin transporter', 1.4],
      ['Paroxetine', 'serotonin transporter', 0.1],
    ]);
  });
});

describe('row labels naming a measure and a target', () => {
  it('leave the target once the measure and its qualifiers are taken out', () => {
    expect(['Ki CYP3A4', 'CYP1A2 Ki,u', 'Ki_CYP2C19 (free)', 'IC50 CYP3A4†', 'Pgp non-competitive Ki', 'Ki', 'MW'].map(labelRemainder)).toEqual([
      'CYP3A4', 'CYP1A2', 'CYP2C19', 'CYP3A4', 'Pgp non-competitive', null, null,
    ]);
  });
});

describe('standard type and pValue', () => {
  it('reduces p-forms to their base type and names % inhibition Inhibition', () => {
    expect(['pKi', 'pIC50', 'pEC50', 'pA2', 'Ki', 'inhibition', 'Emax', null].map(standardType)).toEqual(['Ki', 'IC50', 'EC50', 'pA2', 'Ki', 'Inhibition', 'Emax', null]);
  });

  it('gives −log10 molar for exact potencies, the value itself for p-measures, nothing for bounds or efficacies', () => {
    expect(pValueOf('IC50', '=', 6, 6e-6)).toBe(5.22);
    expect(pValueOf('Ki', '=', 1.4, 1.4e-9)).toBe(8.85);
    expect(pValueOf('pKi', '=', 10.2, 10 ** -10.2)).toBe(10.2);
    expect(pValueOf('Ki', '>', 10000, 1e-5)).toBeNull();
    expect(pValueOf('Emax', '=', 87, null)).toBeNull();
    expect(pValueOf('IC50', '=', 5, null)).toBeNull();
  });
});

describe('mass concentrations', () => {
  it('become molar only where the document gives the molar mass, in a column or a sentence', () => {
    const text = [
      '| Compound | MW | IC50 (μg/mL) |',
      '|---|---|---|',
      '| Haloperidol | 375.9 | 3.76 |',
      '| Clozapine | | 3.3 |',
      '',
      'Fluoxetine (molecular weight 309.3 g/mol) inhibited the serotonin transporter with an IC50 of 0.31 μg/mL.',
      '',
    ].join('\n');
    const records = analyze(text).records;
    expect(records.map((r) => [r.ligand?.text, r.value, r.unit, r.molar === null ? null : Number(r.molar.toPrecision(4)), r.pValue])).toEqual([
      ['Haloperidol', 3.76, 'μg/mL', 1.0e-5, 5],
      ['Clozapine', 3.3, 'μg/mL', null, null],
      ['Fluoxetine', 0.31, 'μg/mL', 1.002e-6, 6],
    ]);
  });
});

describe('rows that are not records', () => {
  it('gives no record for a row with neither a value nor an effect', () => {
    const text = '| Compound | Receptor | Ki (nM) |\n|---|---|---|\n| Haloperidol | D2 | n.d. |\n| Clozapine | D4 | 21 |\n';
    expect(analyze(text).records.map((r) => r.ligand?.text)).toEqual(['Clozapine']);
  });

  it('never puts a number in the target: a receptor column of numbers holds values under that header', () => {
    const text = '| Compound | D2 receptor | Reference |\n|---|---|---|\n| Haloperidol | 1.2 nM | [1] |\n';
    const [r] = analyze(text).records;
    expect([r!.target?.text, r!.value, r!.unit]).toEqual(['D2 receptor', 1.2, 'nM']);
  });
});
