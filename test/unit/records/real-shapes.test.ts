/**
 * Records from tables and text as converters write them (test/fixtures/records/): a MinerU HTML
 * table with rowspan, colspan and a row heading a group of rows; a marker pipe table whose
 * sub-header sits under the header; a tab table with a stacked header; a table run into one
 * paragraph; structure–activity tables of numbered compounds against several targets; and records
 * stated in sentences. Read through the whole analysis (lexicon included).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import type { Analysis, DataRecord } from '../../../src/core/types.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8');

/** Who, what and how much: ligand, target, measure, relation, value, error, unit. */
const brief = (r: DataRecord): unknown[] => [r.ligand?.text ?? null, r.target?.text ?? null, r.measure, r.relation, r.value, r.error, r.unit];

describe('a MinerU HTML table with rowspan, colspan and a group row', () => {
  const text = fixture('mineru-html-spans.md');
  const analysis = analyze(text);
  const [table, transposed] = analysis.tables;
  const records = analysis.records.filter((r) => r.table === 0);

  it('reads the two header rows into a header path over each column, and the group row stays a body row', () => {
    expect(table!.headerRows!.map((r) => r.cells.map((c) => c.plain))).toEqual([
      ['Compound', '5-HT transporter', 'PDE4B'],
      ['Ki (nM)', 'nH', 'IC50 (nM)', 'nH'],
    ]);
    expect(table!.columns!.map((c) => c.header)).toEqual(['Compound', '5-HT transporter › Ki (nM)', '5-HT transporter › nH', 'PDE4B › IC50 (nM)', 'PDE4B › nH']);
    expect(table!.rows.map((r) => (r.columns ?? r.cells)[0]!.plain)).toEqual(['Mesembrine-type alkaloids', 'Mesembrine', 'Mesembrenone', 'Mesembranol', 'Δ7-Mesembrenone']);
    expect(table!.note!.text).toBe('ᵃ Nd, not determined. Values are means of three experiments.');
  });

  it('gives Mesembrine a Ki of 1.4 nM at the 5-HT transporter and an IC50 of 7800 nM at PDE4B, the nH columns as extras', () => {
    expect(records.slice(0, 2).map(brief)).toEqual([
      ['Mesembrine', '5-HT transporter', 'Ki', '=', 1.4, null, 'nM'],
      ['Mesembrine', 'PDE4B', 'IC50', '=', 7800, null, 'nM'],
    ]);
    expect(records.slice(0, 2).map((r) => r.extra)).toEqual([{ '5-HT transporter › nH': '1.0' }, { 'PDE4B › nH': '1.3' }]);
    expect(records.slice(0, 2).map((r) => [r.molar, r.pValue, r.standardType, r.origin])).toEqual([
      [1.4e-9, 8.85, 'Ki', 'table'],
      [7.8e-6, 5.11, 'IC50', 'table'],
    ]);
  });

  it('keeps qualifiers, errors and thousands separators: >10,000, 62 ± 9, 16,000; Nd gives no record', () => {
    expect(records.slice(2).map(brief)).toEqual([
      ['Mesembrenone', '5-HT transporter', 'Ki', '=', 27, null, 'nM'],
      ['Mesembrenone', 'PDE4B', 'IC50', '=', 470, null, 'nM'],
      ['Mesembranol', '5-HT transporter', 'Ki', '=', 62, 9, 'nM'],
      ['Δ7-Mesembrenone', '5-HT transporter', 'Ki', '>', 10000, null, 'nM'],
      ['Δ7-Mesembrenone', 'PDE4B', 'IC50', '=', 16000, null, 'nM'],
    ]);
    // No pValue for a bound; the qualifier stays in the row's extras, as written.
    expect(records[5]!.pValue).toBeNull();
    expect(records[4]!.extra).toEqual({ '5-HT transporter › nH': '1.2', 'PDE4B › IC50 (nM)': 'Nd' });
  });

  it('keeps the cell each record came from, with its exact span, and spans the record over its row', () => {
    for (const r of records) {
      expect(text.slice(r.cell!.start, r.cell!.end)).toBe(r.cell!.text);
      expect(r.cell!.start >= r.start && r.cell!.end <= r.end).toBe(true);
    }
    expect(records.map((r) => r.cell!.text)).toEqual(['1.4', '7,800', '27', '470', '62 ± 9', '&gt;10,000', '16,000']);
    expect(text.slice(records[0]!.start, records[0]!.end)).toBe('<tr><td>Mesembrine</td><td>1.4</td><td>1.0</td><td>7,800</td><td>1.3</td></tr>');
  });

  it('reads a transposed table: ligands head the columns, each row names a target, the unit from the caption', () => {
    expect(transposed!.header.map((c) => c.plain)).toEqual(['Target', 'Mesembrine', 'Mesembrenone']);
    expect(analysis.records.filter((r) => r.table === 1).map(brief)).toEqual([
      ['Mesembrine', 'PDE4B', 'IC50', '=', 7.8, null, 'μM'],
      ['Mesembrenone', 'PDE4B', 'IC50', '=', 0.47, null, 'μM'],
      ['Mesembrine', 'PDE4D', 'IC50', '>', 50, null, 'μM'],
      ['Mesembrenone', 'PDE4D', 'IC50', '~', 2, null, 'μM'],
    ]);
  });

  it('reads no record from a concentration used without a result', () => {
    expect(analysis.records.filter((r) => r.origin === 'prose')).toEqual([]);
  });
});

describe('a marker pipe table with a sub-header row under its header', () => {
  const analysis = analyze(fixture('marker-pipe-stacked.md'));
  const [affinities, functional] = analysis.tables;

  it('takes the empty cells after a group name as the group, and the sub-header row out of the body', () => {
    expect(affinities!.columns!.map((c) => c.header)).toEqual(['Compound', 'D2 receptor › Ki (nM)', 'D2 receptor › n', 'D3 receptor › Ki (nM)', 'D3 receptor › n', 'Ref.']);
    expect(affinities!.rows.map((r) => r.cells[0]!.plain)).toEqual(['Haloperidol', 'Clozapine', 'Sulpiride', 'Raclopride']);
  });

  it('gives one record per receptor, n from its n column, references from the converter links', () => {
    const records = analysis.records.filter((r) => r.table === 0);
    expect(records.map((r) => [...brief(r), r.n, r.references])).toEqual([
      ['Haloperidol', 'D2 receptor', 'Ki', '=', 1.2, 0.3, 'nM', 4, [4]],
      ['Haloperidol', 'D3 receptor', 'Ki', '=', 7.5, 1.1, 'nM', 3, [4]],
      ['Clozapine', 'D2 receptor', 'Ki', '=', 126, null, 'nM', 3, [5]],
      ['Clozapine', 'D3 receptor', 'Ki', '=', 473, null, 'nM', 3, [5]],
      ['Sulpiride', 'D2 receptor', 'Ki', '~', 15, null, 'nM', 2, [5]],
      ['Sulpiride', 'D3 receptor', 'Ki', '<', 10, null, 'nM', 2, [5]],
      ['Raclopride', 'D3 receptor', 'Ki', '=', 3.5, null, 'nM', 4, [6]],
    ]);
  });

  it('reads a group written twice (marker repeats spanned text), the error kind from "± SEM" and % of control as the effect', () => {
    expect(functional!.columns!.map((c) => c.header)).toEqual(['Compound', '5-HT2A receptor › IC50 ± SEM (μM)', '5-HT2A receptor › % of control']);
    const records = analysis.records.filter((r) => r.table === 1);
    expect(records.map((r) => [...brief(r), r.errorKind, r.pValue, r.effect?.value, r.effect?.direction])).toEqual([
      ['Ketanserin', '5-HT2A receptor', 'IC50', '=', 0.0012, 0.0003, 'μM', 'SEM', 8.92, 12, 'downregulation'],
      ['Ritanserin', '5-HT2A receptor', 'IC50', '=', 0.0031, 0.0008, 'μM', 'SEM', 8.51, 18, 'downregulation'],
    ]);
  });
});

describe('a tab table with a stacked header', () => {
  const analysis = analyze(fixture('tab-stacked.md'));

  it('reads both header rows, a trailing tab of the group row included', () => {
    expect(analysis.tables[0]!.columns!.map((c) => c.header)).toEqual(['Compound', 'CB1 receptor › Ki (nM)', 'CB1 receptor › EC50 (nM)', 'CB2 receptor › Ki (nM)', 'CB2 receptor › EC50 (nM)']);
  });

  it('gives a record for each value, none for — and n.d.', () => {
    expect(analysis.records.map(brief)).toEqual([
      ['WIN55,212-2', 'CB1 receptor', 'Ki', '=', 1.9, null, 'nM'],
      ['WIN55,212-2', 'CB1 receptor', 'EC50', '=', 14, 2, 'nM'],
      ['WIN55,212-2', 'CB2 receptor', 'Ki', '=', 0.3, null, 'nM'],
      ['WIN55,212-2', 'CB2 receptor', 'EC50', '=', 1.2, null, 'nM'],
      ['Rimonabant', 'CB1 receptor', 'Ki', '=', 2, null, 'nM'],
      ['Rimonabant', 'CB2 receptor', 'Ki', '>', 1000, null, 'nM'],
      ['AM251', 'CB1 receptor', 'Ki', '=', 7.5, null, 'nM'],
      ['AM251', 'CB2 receptor', 'Ki', '=', 2290, null, 'nM'],
    ]);
  });
});

describe('a table run into one paragraph', () => {
  const text = fixture('flattened.md');
  const analysis = analyze(text);
  const flattened = analysis.records.filter((r) => r.origin === 'flattened');

  it('reads each label with its value under the header’s measure, unit and error kind, reported as flattened', () => {
    expect(flattened.map((r) => [...brief(r), r.errorKind, r.table])).toEqual([
      ['A', null, 'IC50', '>', 50, null, 'μM', null, null],
      ['B', null, 'IC50', '=', 13.89, 2.7, 'μM', 'SD', null],
      ['C', null, 'IC50', '=', 7.79, 1.73, 'μM', 'SD', null],
      ['D', null, 'IC50', '=', 24.5, 15.7, 'μM', 'SD', null],
      ['F', null, 'IC50', '=', 3.2, 0.41, 'μM', 'SD', null],
    ]);
    expect(flattened.map((r) => text.slice(r.start, r.end))).toEqual(['A >50', 'B 13.89 ± 2.70', 'C 7.79 ± 1.73', 'D 24.5 ± 15.7', 'F 3.20 ± 0.41']);
    expect(analysis.tables).toEqual([]);
  });

  it('still reads the prose after it', () => {
    expect(analysis.records.filter((r) => r.origin === 'prose').map((r) => [...brief(r), r.references])).toEqual([['galantamine', null, 'IC50', '=', 1.2, 0.2, 'μM', [8]]]);
  });
});

describe('records stated in sentences', () => {
  const text = fixture('prose-records.md');
  const analysis: Analysis = analyze(text);
  const records = analysis.records;
  const sentence = (r: DataRecord) => text.slice(r.start, r.end);

  it('reads a measure with its value, the ligand and target from the sentence, the markers as references', () => {
    expect([...brief(records[0]!), records[0]!.references, records[0]!.pValue]).toEqual(['Haloperidol', 'dopamine D2 receptor', 'IC50', '=', 7.79, 1.73, 'μM', [3], 5.11]);
    expect(sentence(records[0]!)).toBe('Haloperidol inhibited the dopamine D2 receptor with an IC50 of 7.79 ± 1.73 μM [3].');
  });

  it('takes the ligand of the sentence before when the sentence says "it"', () => {
    expect([...brief(records[1]!), records[1]!.references]).toEqual(['Haloperidol', 'sigma-1 receptor', 'Ki', '=', 3.2, null, 'nM', [4]]);
    expect(sentence(records[1]!)).toBe('It also bound the sigma-1 receptor with a Ki of 3.2 nM [4].');
  });

  it('pairs listed values with the ligands in parentheses after them, or in order with "respectively"', () => {
    expect(records.slice(2, 4).map(brief)).toEqual([
      ['fluoxetine', 'serotonin transporter', 'Ki', '=', 1.4, null, 'nM'],
      ['paroxetine', 'serotonin transporter', 'Ki', '=', 27, null, 'nM'],
    ]);
    expect(records.slice(6, 8).map((r) => [...brief(r), r.cell!.text])).toEqual([
      ['ketamine', 'NMDA receptor', 'IC50', '=', 3.5, null, 'μM', '3.5'],
      ['memantine', 'NMDA receptor', 'IC50', '=', 12, null, 'μM', '12 μM'],
    ]);
  });

  it('reads a concentration and the effect it had, the phrase kept as the record’s cell', () => {
    expect(records.slice(4, 6).map((r) => [...brief(r), r.effect?.direction, r.effect?.value, r.effect?.error, r.effect?.unit, r.cell!.text])).toEqual([
      ['Rolipram', 'PDE4', null, '=', 10, null, 'μM', 'downregulation', 40, null, '%', 'Rolipram (10 μM) reduced PDE4 activity by 40%'],
      // A percent inhibition is the measure "inhibition" (ChEMBL's Inhibition) at that concentration.
      ['roflumilast', 'PDE4', 'inhibition', '=', 1, null, 'nM', 'inhibition', 62, 5, '%', 'roflumilast (1 nM) inhibited PDE4 activity by 62 ± 5%'],
    ]);
    expect([records[8]!.ligand!.text, records[8]!.value, records[8]!.unit, records[8]!.effect!.value, records[8]!.effect!.error, records[8]!.references]).toEqual(['(+)-Pentazocine', 1, 'μM', 56.5, 4.87, [8]]);
  });

  it('reads no record from a dose or concentration given without a result', () => {
    expect(records).toHaveLength(9);
    expect(records.every((r) => r.origin === 'prose' && r.table === null)).toBe(true);
    for (const r of records) expect(text.slice(r.cell!.start, r.cell!.end)).toBe(r.cell!.text);
  });
});

describe('sentences that state no record', () => {
  it('reads none from concentrations used, doses given, a ligand after the value that is a substrate, or a value with no ligand', () => {
    const analysis = analyze(fixture('prose-negatives.md'));
    expect(analysis.entities.filter((e) => e.kind === 'ligand').map((e) => e.text)).toEqual(['ibrutinib', 'Haloperidol', 'clozapine', 'midazolam', 'fluoxetine']);
    expect(analysis.records).toEqual([]);
  });
});

describe('tables of model parameters: a label column naming the measure, a unit column, the ligand above', () => {
  const text = fixture('parameter-tables.md');
  const analysis = analyze(text);

  it('reads the rows whose label names a measure, the unit from the unit column, the target from the label', () => {
    expect(analysis.records.map((r) => [r.table, ...brief(r), r.cell!.text])).toEqual([
      [0, 'Itraconazole', 'CYP3A4', 'Ki', '=', 1.3, null, 'nM', '1.3'],
      // An empty label cell is the label of the row above.
      [0, 'Itraconazole', 'CYP3A4', 'Ki', '=', 2.1, null, 'nM', '2.1'],
      [0, 'Itraconazole', 'P-gp', 'Ki', '=', 8, null, 'nM', '8.0'],
      [1, 'Hydroxy-Itraconazole', 'CYP3A4', 'IC50', '=', 0.44, null, 'μM', '0.44'],
      [2, 'fluvoxamine', 'CYP1A2', 'Ki', '=', 35, null, 'nM', '35'],
      [4, 'fluvoxamine', 'CYP2C9', 'Ki', '=', 6.4, null, 'μM', '6.4'],
      [4, 'fluvoxamine', 'CYP2C19', 'Ki', '=', 0.7, null, 'μM', '0.7'],
    ]);
  });

  it('takes the ligand from the heading above (the whole name when the heading is one name around a known one), the paragraph above, or the caption', () => {
    expect(analysis.tables.slice(0, 3).map((t) => t.lead?.text)).toEqual(['Itraconazole', 'Hydroxy-Itraconazole', 'The physico-chemical properties of fluvoxamine are listed below.']);
    expect(analysis.records.map((r) => r.ligand!.id)).toEqual(['ligand:itraconazole', 'ligand:itraconazole', 'ligand:itraconazole', null, 'ligand:fluvoxamine', 'ligand:fluvoxamine', 'ligand:fluvoxamine']);
    expect(analysis.tables[4]!.lead).toBeUndefined();
  });

  it('gives no record for rows naming no measure (MW, logP, fu, solubility, lipophilicity)', () => {
    expect(analysis.records.some((r) => r.table === 3)).toBe(false);
    expect(analysis.records.map((r) => r.value)).not.toContain(705.6);
  });
});

describe('a caption written under its table', () => {
  const text =
    '| Protein | Ki [µmol/L] |\n| --- | --- |\n| CYP2C9 | 6.4 |\n\n**Table 1:** Inhibition constants of fluvoxamine\n\nMore text.\n\n| A | B |\n| --- | --- |\n| x | 1 |\n\nTable 2: Next\n\n| C | D |\n| --- | --- |\n| y | 2 |\n';
  const analysis = analyze(text);

  it('is the caption of the table above it, unless it heads the next table', () => {
    expect(analysis.tables.map((t) => [t.caption, t.captionStart !== null && t.captionStart > t.start])).toEqual([
      ['Table 1: Inhibition constants of fluvoxamine', true],
      [null, false],
      ['Table 2: Next', false],
    ]);
    expect(analysis.records.map((r) => [r.ligand?.text, r.target?.text, r.value, r.unit])).toEqual([['fluvoxamine', 'CYP2C9', 6.4, 'μM']]);
  });
});

describe('tables inside a block quote or a list item', () => {
  const text = '> Table 1. Binding at D2 receptors\n>\n> | Compound | Ki (nM) |\n> |---|---|\n> | Haloperidol | 1.2 |\n\n- Item with a table:\n\n  | Compound | Ki (nM) |\n  |---|---|\n  | Clozapine | 21 |\n';
  const analysis = analyze(text);

  it('are read without the container prefix, a caption line inside the quote included', () => {
    expect(analysis.tables.map((t) => [t.caption, t.header.map((c) => c.text), t.rows.map((r) => text.slice(r.start, r.end))])).toEqual([
      ['Table 1. Binding at D2 receptors', ['Compound', 'Ki (nM)'], ['| Haloperidol | 1.2 |']],
      [null, ['Compound', 'Ki (nM)'], ['| Clozapine | 21 |']],
    ]);
    expect(analysis.records.map(brief)).toEqual([
      ['Haloperidol', 'D2 receptors', 'Ki', '=', 1.2, null, 'nM'],
      ['Clozapine', null, 'Ki', '=', 21, null, 'nM'],
    ]);
  });
});

describe('a document about one ligand', () => {
  const text = fixture('subject-ligand.md');

  it('gives its values against targets to that ligand when the table names none', () => {
    const records = analyze(text).records;
    expect(records.map((r) => [r.ligand?.text, r.ligand?.id, r.target?.text, r.measure, r.value, r.unit])).toEqual([
      ['Rolipram', 'ligand:rolipram', 'PDE4B', 'Ki', 0.13, 'μM'],
      ['Rolipram', 'ligand:rolipram', 'PDE4D', 'Ki', 0.24, 'μM'],
    ]);
    expect(records[0]!.ligand!.start).toBe(text.indexOf('Rolipram'));
  });

  it('gives a table under a heading naming a compound built on that ligand (a metabolite) to that compound', () => {
    const metabolite = `${text}\n#### N-desmethylrolipram\n\n| Parameter | Unit | Value |\n| --- | --- | --- |\n| Ki PDE4B | µmol/L | 2.5 |\n`;
    expect(analyze(metabolite).records.slice(2).map((r) => [r.ligand?.text, r.ligand?.id, r.target?.text, r.value])).toEqual([['N-desmethylrolipram', null, 'PDE4B', 2.5]]);
  });

  it('gives them to no one when no ligand stands out', () => {
    const balanced = text.replace('Rolipram crosses', 'Roflumilast crosses').replace('rolipram was studied', 'roflumilast was studied').replace('rolipram is selective', 'roflumilast is selective');
    expect(analyze(balanced).records).toEqual([]);
  });
});

describe('structure–activity tables of numbered compounds against several targets (MinerU HTML)', () => {
  const text = fixture('sar-kinase-table.md');
  const analysis = analyze(text);
  const of = (table: number): unknown[][] => analysis.records.filter((r) => r.table === table).map(brief);

  it('reads a row of target names under a spanned measure header as a header row, `Compd` as the ligand column, `IC5o` as IC50; a row shifted into the unnamed last column moves back', () => {
    expect(analysis.tables[0]!.columns!.map((c) => c.header)).toEqual([
      'Compd',
      'X',
      'R',
      'Kinase inhibitory activity* (IC5o, nM) › ABL1',
      'Kinase inhibitory activity* (IC5o, nM) › JAK2',
      'Kinase inhibitory activity* (IC5o, nM) › EGFR',
      'Kinase inhibitory activity* (IC5o, nM) › KDR',
      'Kinase inhibitory activity* (IC5o, nM)',
    ]);
    expect(of(0)).toEqual([
      ['3a', 'ABL1', 'IC50', '>', 10000, null, 'nM'],
      ['3a', 'JAK2', 'IC50', '>', 10000, null, 'nM'],
      ['3a', 'EGFR', 'IC50', '=', 1500, null, 'nM'],
      ['3a', 'KDR', 'IC50', '=', 12.4, null, 'nM'],
      ['3b', 'ABL1', 'IC50', '=', 640.5, null, 'nM'],
      ['3b', 'JAK2', 'IC50', '>', 10000, null, 'nM'],
      ['3b', 'EGFR', 'IC50', '=', 2300, null, 'nM'],
      ['3b', 'KDR', 'IC50', '=', 7, null, 'nM'],
      ['12', 'ABL1', 'IC50', '=', 3.1, null, 'nM'],
      ['12', 'JAK2', 'IC50', '=', 2.2, null, 'nM'],
      ['12', 'EGFR', 'IC50', '=', 5, null, 'nM'],
      ['12', 'KDR', 'IC50', '=', 250.3, null, 'nM'],
    ]);
  });

  it('reads cell lines under a "Cell growth inhibition" group as no target, with errors after ±', () => {
    expect(of(1)).toEqual([
      ['3a', null, 'IC50', '=', 0.22, 0.13, 'μM'],
      ['3a', null, 'IC50', '>', 10, null, 'μM'],
      ['12', null, 'IC50', '=', 0.32, 0.14, 'μM'],
      ['12', null, 'IC50', '=', 3.76, 2.35, 'μM'],
    ]);
  });

  it('drops a title row across the table, aligns a header narrower than its rows to the right, and reads numbered rows as compounds', () => {
    expect(analysis.tables[2]!.columns!.map((c) => c.header)).toEqual(['No. R', '', 'IC50 › CTSK (nM)', 'IC50 › CTSL (μM)', 'IC50 › CTSS (μM)']);
    expect(of(2)).toEqual([
      ['1411a', 'CTSK', 'IC50', '=', 215.5, null, 'nM'],
      ['1411a', 'CTSL', 'IC50', '>', 100, null, 'μM'],
      ['1411a', 'CTSS', 'IC50', '=', 41.2, 3.1, 'μM'],
      ['15', 'CTSK', 'IC50', '=', 3.4, null, 'nM'],
      ['15', 'CTSL', 'IC50', '>', 100, null, 'μM'],
    ]);
  });
});

describe('sentences of a structure–activity paper: spaced-out LaTeX and compounds named by number', () => {
  const text = fixture('sar-kinase-table.md');
  const prose = analyze(text).records.filter((r) => r.origin === 'prose');

  it('reads `$\\mathrm { I C } _ { 5 0 }$ … $1 2 . 4 \\ \\mathrm { n M }$` as IC50 12.4 nM of the compound the word "compound" or "inhibitor" numbers', () => {
    expect(prose.map(brief)).toEqual([
      ['3a', 'KDR', 'IC50', '=', 12.4, null, 'nM'],
      ['15', null, 'IC50', '=', 3.4, null, 'nM'],
    ]);
    // A compound's number is no entity (not even one its table's Compd column names): the record points at the label as written.
    expect(prose.map((r) => [r.ligand!.id, text.slice(r.ligand!.start, r.ligand!.end)])).toEqual([
      [null, '3a'],
      [null, '15'],
    ]);
  });
});
