import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findQuantities } from '../../../src/core/quantities/index.js';
import { buildRecords, directionOf, readColumns } from '../../../src/core/records/index.js';
import { findTables } from '../../../src/core/tables/index.js';
import type { DataRecord } from '../../../src/core/types.js';

function recordsOf(name: string): DataRecord[] {
  const text = readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url), 'utf8');
  const doc = parseDocument(text);
  return buildRecords(findTables(doc), { entities: [], citations: [], quantities: findQuantities(doc) });
}

const brief = (r: DataRecord): unknown[] => [r.ligand?.text ?? null, r.target?.text ?? null, r.measure, r.value, r.valueMax, r.unit, r.molar];

describe('records of a GFM pipe-table review', () => {
  const records = recordsOf('dopamine-ligands-pipe.md');

  it('reads Ki in nM from the header unit, the other measure column kept in extra', () => {
    expect(records.slice(0, 5).map(brief)).toEqual([
      ['Spiperone', 'D2', 'Ki', 0.06, null, 'nM', 6e-11],
      ['Raclopride', 'D2', 'Ki', 1.8, null, 'nM', 1.8e-9],
      ['Aripiprazole', 'D3', 'Ki', 0.8, null, 'nM', 8e-10],
      ['Clozapine', 'D4', 'Ki', 21, null, 'nM', 2.1e-8],
      ['Sulpiride', 'D3', 'Ki', 14, null, 'nM', 1.4e-8],
    ]);
    expect(records.slice(0, 5).map((r) => r.extra)).toEqual([{ pKi: '10.2' }, { pKi: '8.74' }, { pKi: '9.1' }, { pKi: '7.68' }, { pKi: '7.85' }]);
  });

  it('reads bracketed lists and ranges of reference numbers from the reference cell', () => {
    expect(records.slice(0, 5).map((r) => r.references)).toEqual([[1], [2], [1, 3], [3, 4, 5], [2]]);
    expect(records[0]!.context).toBe('[³H]spiperone, CHO cells');
  });

  it('reads measures named in the cell, p-values and mixed-unit ranges', () => {
    expect(records.filter((r) => r.table === 1 && r.measure !== 'Emax').map(brief)).toEqual([
      ['Quinpirole', 'D2', 'EC50', 4.5, null, 'nM', 4.5e-9],
      ['Ropinirole', 'D3', 'pEC50', 8.4, null, null, 10 ** -8.4],
      ['Apomorphine', 'D2', 'EC50', 0.1, 10000, 'nM', 1e-10],
    ]);
  });

  it('gives an Emax column its own records, the unit read from "(% of dopamine)"', () => {
    expect(records.filter((r) => r.measure === 'Emax').map((r) => [r.ligand?.text, r.value, r.error, r.unit, r.relation, r.pValue, r.cell?.text])).toEqual([
      ['Quinpirole', 100, null, '%', '=', null, '100'],
      ['Ropinirole', 92, 3, '%', '=', null, '92 ± 3'],
      ['Apomorphine', 87, null, '%', '=', null, '87'],
    ]);
  });

  it('gives no record for a table of parameters that names no ligand and no measure', () => {
    // "Holding potential | -70 mV": a number with a unit, but no ligand it is reported for.
    expect(records.filter((r) => r.table === 2)).toEqual([]);
  });
});

describe('records of an HTML table', () => {
  const records = recordsOf('ion-channel-blockers-html.md');

  it('reads IC50 in μM from the header, entities decoded, comparison signs dropped', () => {
    expect(records.map(brief)).toEqual([
      ['Dofetilide', 'hERG', 'IC50', 0.012, null, 'μM', 1.2e-8],
      ['Flecainide', 'Na<sub>v</sub>1.5', 'IC50', 5.5, null, 'μM', 5.5e-6],
      ['Mexiletine', 'Na<sub>v</sub>1.5', 'IC50', 100, null, 'μM', 1e-4],
    ]);
  });

  it('reads effects, context and references written as superscripts or lists', () => {
    expect(records.map((r) => [r.effect?.direction, r.effect?.value, r.effect?.unit, r.effect?.text, r.context, r.references])).toEqual([
      ['inhibition', null, null, 'Inhibition', 'HEK293', [12]],
      ['inhibition', null, null, 'Use-dependent block', 'CHO', [13, 14]],
      ['no-effect', 10, 'μM', 'No effect at 10 &micro;M', 'CHO', [15]],
    ]);
  });
});

describe('records of a CRLF tab-separated table', () => {
  const records = recordsOf('cannabinoid-tab-crlf.md');

  it('gives one record per row, the continued row included', () => {
    expect(records.map(brief)).toEqual([
      ['WIN55,212-2', 'CB1', null, 1, null, 'μM', 1e-6],
      ['Rimonabant', 'CB1', null, 0.1, 10000, 'nM', 1e-10],
      ['AM251', 'CB1', null, 2, null, 'μM', 2e-6],
      ['JZL184', 'MAGL', null, 100, null, 'nM', 1e-7],
    ]);
  });

  it('reads negative effects, no effect, increases relative to control and fold changes', () => {
    expect(records.map((r) => [r.effect?.direction, r.effect?.value, r.effect?.error, r.effect?.unit])).toEqual([
      ['suppression', -42, 5, '%'],
      ['no-effect', null, null, null],
      ['upregulation', 135, 9, '%'],
      ['potentiation', 2.1, null, 'fold'],
    ]);
    expect(records.map((r) => r.context)).toEqual(['Mouse; Hippocampal slices', 'Rat; Cerebellar slices', 'Rat; Striatal slices', 'Mouse; Hippocampal slices']);
    expect(records.map((r) => r.references)).toEqual([[7], [8], [9], [10]]);
  });
});

describe('column roles and effect words', () => {
  const header = (texts: string[]) => texts.map((t, i) => ({ start: i, end: i, text: t, plain: t }));

  it('maps headers by their words, the header unit and measure read too', () => {
    const columns = readColumns(header(['Drug', 'Receptor subtype', 'IC50 (µM)', 'Response', 'Species', 'Refs', 'Notes', 'KI [nM]']));
    expect(columns.map((c) => [c.role, c.unit, c.measure])).toEqual([
      ['ligand', null, null],
      ['target', null, null],
      ['measure', 'μM', 'IC50'],
      ['effect', null, null],
      ['context', null, null],
      ['references', null, null],
      [null, null, null],
      ['measure', 'nM', 'Ki'],
    ]);
  });

  it('reads directions from effect words, "no effect" first', () => {
    expect(['Potentiation', 'Reduced firing', 'Upregulated', 'Blocked', 'No effect on potentiation', 'Binding', 'Activates', 'Expression'].map(directionOf)).toEqual([
      'potentiation',
      'downregulation',
      'upregulation',
      'inhibition',
      'no-effect',
      'binding',
      'activation',
      null,
    ]);
  });
});

describe('records of small tables', () => {
  const recordsOfText = (text: string): DataRecord[] => {
    const doc = parseDocument(text);
    return buildRecords(findTables(doc), { entities: [], citations: [], quantities: findQuantities(doc) });
  };

  it('takes a measure named in the effect cell as the value when no column gives one', () => {
    const [r] = recordsOfText('| Drug | Channel | Effect |\n|---|---|---|\n| X | Y | Inhibition (IC50 = 3 μM, −80 ± 4%) |\n');
    expect([r!.measure, r!.value, r!.unit, r!.molar]).toEqual(['IC50', 3, 'μM', 3e-6]);
    expect([r!.effect!.direction, r!.effect!.value, r!.effect!.error, r!.effect!.unit]).toEqual(['inhibition', -80, 4, '%']);
  });

  it('reads below 100% of control as downregulation', () => {
    const [r] = recordsOfText('| Treatment | Protein | Level (% of control) |\n|---|---|---|\n| X | Y | 64 ± 7 % |\n');
    expect([r!.effect!.direction, r!.effect!.value, r!.effect!.error]).toEqual(['downregulation', 64, 7]);
  });

  it('falls back on citations anywhere in the row without a reference column', () => {
    const text = '| Drug | Dose |\n|---|---|\n| X [3] | 1 mg/kg |\n';
    const doc = parseDocument(text);
    const start = text.indexOf('[3]');
    const citations = [{ start, end: start + 3, text: '[3]', numbers: [3], parts: [], style: 'bracket' as const }];
    const [r] = buildRecords(findTables(doc), { entities: [], citations, quantities: [] });
    expect([r!.references, r!.value, r!.unit, r!.molar]).toEqual([[3], 1, 'mg/kg', null]);
  });
});
