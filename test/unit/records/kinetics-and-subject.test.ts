/**
 * Records of kinetic tables and of prose that leaves the ligand unnamed (test/fixtures/records/):
 * Km columns beside ratio and frequency columns, a chart read into a table, stacked cells, numbers
 * beside a Unit column under target headers, a caption naming a substrate and an inhibitor, an
 * enzyme's own Km; sentences stating the document subject's IC50, EC50 and Emax without naming it.
 * Read through the whole analysis with the full lexicon.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import type { DataRecord } from '../../../src/core/types.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const lexicon = fullLexicon(path.resolve(__dirname, '../../../src/core/lexicon/compiled'));
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8');

/** Who, what and how much: ligand, target, measure, relation, value, error, unit. */
const brief = (r: DataRecord): unknown[] => [r.ligand?.text ?? null, r.target?.text ?? null, r.measure, r.relation, r.value, r.error, r.unit];

describe('kinetic tables', () => {
  const text = fixture('kinetic-tables.md');
  const analysis = analyze(text, { lexicon });
  const ofTable = (t: number): unknown[] => analysis.records.filter((r) => r.table === t).map(brief);

  it('reads Km (μM) as a measure, the variant named as written, and neither Vmax/Km (a ratio), a frequency in % nor a Vmax in pmol/min as records', () => {
    expect(ofTable(0)).toEqual([
      ['fluoxetine', 'CYP2D6.1', 'Km', '=', 46.3, 4.9, 'μM'],
      ['fluoxetine', 'CYP2D6.10', 'Km', '=', 205.6, 21.1, 'μM'],
    ]);
  });

  it('marks a captionless table right under a figure image as a chart reading, which gives no record', () => {
    expect(analysis.tables.map((t) => t.chart ?? false)).toEqual([false, true, false, false, false, false, false]);
    expect(ofTable(1)).toEqual([]);
  });

  it('reads stacked cells line by line (Vmax, Km over two units and two values), the lead naming the compound', () => {
    expect(ofTable(2)).toEqual([
      ['Norfluoxetine', 'CYP2D6', 'Km', '=', 4.34, null, 'μM'],
      ['Norfluoxetine', 'CYP3A4', 'Ki', '=', 1.3, null, 'μM'],
    ]);
    // The stacked record keeps the cell it came from, as written.
    const stacked = analysis.records.find((r) => r.table === 2)!;
    expect(stacked.cell!.text).toBe('78.6<br />4.34');
    expect(text.slice(stacked.cell!.start, stacked.cell!.end)).toBe('78.6<br />4.34');
  });

  it('reads numbers beside a Unit column under target headers, and only the rows naming a measure', () => {
    expect(ofTable(3)).toEqual([
      ['fluoxetine', 'CYP3A4', 'Km', '=', 23.1, null, 'μM'],
      ['fluoxetine', 'CYP2C9', 'Km', '=', 9.6, null, 'μM'],
    ]);
  });

  it("gives the subject a Ki with no target named, and reads no year from a 'Value Origin' column", () => {
    expect(ofTable(4)).toEqual([['fluoxetine', null, 'Ki', '=', 0.28, null, 'μM']]);
  });

  it('gives Km values to the substrate a caption names beside its activity, IC50 values to the inhibitor', () => {
    expect(ofTable(5)).toEqual([
      ['dextromethorphan', 'CYP2D6*1', 'Km', '=', 10.61, 1.58, 'μM'],
      ['quinidine', 'CYP2D6*1', 'IC50', '=', 0.19, 0.05, 'μM'],
      ['dextromethorphan', 'CYP2D6*10', 'Km', '=', 22.13, 1.29, 'μM'],
      ['quinidine', 'CYP2D6*10', 'IC50', '=', 2.39, 0.03, 'μM'],
    ]);
  });

  it('gives an enzyme named like a drug no Km of its own', () => {
    expect(ofTable(6)).toEqual([]);
  });
});

describe('prose stating the subject’s values without naming it', () => {
  const analysis = analyze(fixture('prose-subject.md'), { lexicon });
  const records = analysis.records.map(brief);

  it('gives measures of sentences that name no ligand to the document subject, Greek capital mu read as M', () => {
    expect(records.slice(0, 5)).toEqual([
      ['Propafenone', null, 'IC50', '=', 70.3, 9.3, 'μM'],
      ['Propafenone', null, 'IC50', '=', 54.9, 10.1, 'μM'],
      ['Propafenone', null, 'IC50', '=', 13.2, 2.6, 'μM'],
      ['Propafenone', null, 'IC50', '=', 0.91, 0.35, 'μM'],
      ['Propafenone', null, 'IC50', '=', 2.77, 0.57, 'μM'],
    ]);
  });

  it('gives "the IC50 value of X in Y metabolism" to X, not to the substrate named nearer the value', () => {
    expect(records[5]).toEqual(['quinidine', null, 'IC50', '=', 0.19, 0.05, 'μM']);
  });

  it('reads Emax written as a bare number and as a parenthesised list, and an EC50 list in parentheses', () => {
    expect(records.slice(6, 12)).toEqual([
      ['Propafenone', 'CYP3A4', 'EC50', '=', 0.8, null, 'μM'],
      ['Propafenone', 'CYP3A4', 'Emax', '=', 9, null, null],
      ['Propafenone', null, 'EC50', '=', 0.77, null, 'μM'],
      ['Propafenone', null, 'EC50', '=', 0.8, null, 'μM'],
      ['Propafenone', null, 'Emax', '=', 7, null, null],
      ['Propafenone', null, 'Emax', '=', 10, null, null],
    ]);
  });

  it('gives a list value introduced by a name to that name (read by its chemical ending), reads gIC50, and no Km from a percent change', () => {
    expect(records.slice(12, 15)).toEqual([
      ['quinidine', null, 'IC50', '=', 470, null, 'nM'],
      ['mesembrinol', null, 'IC50', '=', 7800, null, 'nM'],
      ['quinidine', null, 'gIC50', '=', 30, null, 'nM'],
    ]);
  });

  it('reads a labelled list ("IC50: WT/WT = 4.4 μM and KO = 9.1 μM") as values of one measure', () => {
    expect(records.slice(15, 17)).toEqual([
      ['propafenone', null, 'IC50', '=', 4.4, null, 'μM'],
      ['propafenone', null, 'IC50', '=', 9.1, null, 'μM'],
    ]);
  });

  it('reads "X inhibited Y by 90% at 10 μM" as a percent inhibition at a concentration, and "could not inhibit" as none', () => {
    const [inhibited] = analysis.records.slice(17);
    expect(brief(inhibited!)).toEqual(['Pargyline', 'MAO-B', 'inhibition', '=', 10, null, 'μM']);
    expect(inhibited!.effect).toEqual({ direction: 'inhibition', value: 90, error: null, unit: '%', text: 'Pargyline inhibited MAO-B by 90% at 10 μM' });
  });

  it('reads a measure glossed in parentheses: "an IC50 (half-maximal inhibitory concentration) value of 0.05 μM"', () => {
    expect(records.slice(18, 19)).toEqual([['Pargyline', 'MAO-B', 'IC50', '=', 0.05, null, 'μM']]);
  });

  it('carries a measure to values compared with it: "46.3 μM, similar to that of CYP2C9 (31.7 μM)"', () => {
    expect(records.slice(19, 22)).toEqual([
      ['pargyline', 'CYP2D6', 'Km', '=', 46.3, null, 'μM'],
      ['pargyline', 'CYP2C9', 'Km', '=', 31.7, null, 'μM'],
      ['pargyline', 'CYP2C19', 'Km', '=', 97.6, null, 'μM'],
    ]);
  });

  it('ties "a X concentration of 8 nM" to X and its effect "by >90%", and reads a measure "from" a value', () => {
    expect(records.slice(22)).toEqual([
      ['propafenone', 'Nav1.5', 'inhibition', '=', 8, null, 'nM'],
      ['propafenone', null, 'gIC50', '=', 263, null, 'nM'],
    ]);
    expect(analysis.records[22]!.effect).toMatchObject({ direction: 'inhibition', value: 90, unit: '%' });
  });
});
