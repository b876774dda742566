import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findQuantities, formatMolar, parseQuantity } from '../../../src/core/quantities/index.js';
import type { Quantity } from '../../../src/core/types.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url), 'utf8');
const brief = (q: Quantity | null): unknown[] | null => (q ? [q.text, q.measure, q.value, q.valueMax, q.error, q.unit, q.molar, q.molarMax] : null);

describe('units', () => {
  it('tells nm (length) from nM (concentration)', () => {
    expect(brief(parseQuantity('10 nm'))).toEqual(['10 nm', null, 10, null, null, 'nm', null, null]);
    expect(brief(parseQuantity('10 nM'))).toEqual(['10 nM', null, 10, null, null, 'nM', 1e-8, null]);
  });

  it('reads µ (U+00B5), μ (U+03BC) and u as the same prefix, written μ', () => {
    for (const written of ['3 µM', '3 μM', '3 uM', '3 μ M', '3 µ M', '3 μmol/L']) {
      expect([parseQuantity(written)?.unit, parseQuantity(written)?.molar]).toEqual(['μM', 3e-6]);
    }
    expect(parseQuantity('5 ug/mL')?.unit).toBe('μg/mL');
  });

  it('does not read a unit glued to a longer word', () => {
    expect(parseQuantity('4 Mg-ATP')).toBeNull();
    expect(parseQuantity('3 mice')).toBeNull();
    expect(parseQuantity('5 sets')).toBeNull();
  });

  it('reads the other units of methods sections', () => {
    const units = ['10 mg/kg', '2 ng/mL', '1 mol/L', '100 pM', '3 fM', '5 MOhm', '12 pA', '0.5 nA', '20 Hz', '250 ms', '37 °C', '2 L', '3 min', '1.5 h', '2.1-fold'];
    expect(units.map((u) => parseQuantity(u)?.unit)).toEqual(['mg/kg', 'ng/mL', 'M', 'pM', 'fM', 'MΩ', 'pA', 'nA', 'Hz', 'ms', '°C', 'L', 'min', 'h', 'fold']);
  });
});

describe('numbers, errors and ranges', () => {
  it('reads thousands separators, exponents and minus signs', () => {
    expect(brief(parseQuantity('10,000 x g'))).toEqual(['10,000 x g', null, 10000, null, null, '× g', null, null]);
    expect(brief(parseQuantity('1.5e-6 M'))).toEqual(['1.5e-6 M', null, 1.5e-6, null, null, 'M', 1.5e-6, null]);
    expect(brief(parseQuantity('2 × 10⁻⁶ M'))).toEqual(['2 × 10⁻⁶ M', null, 2e-6, null, null, 'M', 2e-6, null]);
    expect(brief(parseQuantity('−3 mV'))).toEqual(['−3 mV', null, -3, null, null, 'mV', null, null]);
  });

  it('reads ranges with hyphen, en dash, "to", and a unit at each end', () => {
    expect(brief(parseQuantity('10–100 μM'))).toEqual(['10–100 μM', null, 10, 100, null, 'μM', 1e-5, 1e-4]);
    expect(brief(parseQuantity('24 to 48 h'))).toEqual(['24 to 48 h', null, 24, 48, null, 'h', null, null]);
    expect(brief(parseQuantity('0.1 nM–10 μM'))).toEqual(['0.1 nM–10 μM', null, 0.1, 10000, null, 'nM', 1e-10, 1e-5]);
  });

  it('keeps a number without a unit out', () => {
    expect(parseQuantity('Table 1')).toBeNull();
    expect(parseQuantity('in 2025')).toBeNull();
    expect(parseQuantity('[12]')).toBeNull();
    expect(parseQuantity('CA1 neurons')).toBeNull();
  });
});

describe('measures', () => {
  it('reads IC50 in its written forms', () => {
    for (const written of ['IC50 = 6 μM', 'IC50 of 6 μM', 'IC50: 6 μM', 'IC₅₀ = 6 μM', 'IC_{50} = 6 μM']) {
      const q = parseQuantity(written);
      expect([q?.measure, q?.value, q?.unit, q?.molar]).toEqual(['IC50', 6, 'μM', 6e-6]);
    }
    expect(brief(parseQuantity('(IC50 = 6 μM)'))).toEqual(['IC50 = 6 μM', 'IC50', 6, null, null, 'μM', 6e-6, null]);
  });

  it('reads the constants and p-values, a p-value standing for 10^-value M', () => {
    expect(['Ki = 3 nM', 'Kd of 2 nM', 'KD = 1 nM', 'Kb: 4 nM', 'EC50 = 30 nM', 'Emax = 85%'].map((s) => parseQuantity(s)?.measure)).toEqual(['Ki', 'Kd', 'Kd', 'Kb', 'EC50', 'Emax']);
    const p = parseQuantity('pIC50 5.22');
    expect([p?.measure, p?.value, p?.unit]).toEqual(['pIC50', 5.22, null]);
    expect(p?.molar).toBeCloseTo(6.0256e-6, 9);
    expect(['pKi = 8.2', 'pKb 7.1', 'pA2 = 8.0', 'pEC50 6.5'].map((s) => parseQuantity(s)?.measure)).toEqual(['pKi', 'pKb', 'pA2', 'pEC50']);
  });

  it('takes unit and measure from a column header for bare numbers', () => {
    expect(brief(parseQuantity('12 ± 3', { unit: 'nM', measure: 'Ki' }))).toEqual(['12 ± 3', 'Ki', 12, null, 3, 'nM', 1.2e-8, null]);
    expect(parseQuantity('8.5', { measure: 'pKi' })?.molar).toBeCloseTo(3.162e-9, 11);
    expect(parseQuantity('12 ± 3')).toBeNull();
  });
});

describe('quantities of the fixture documents', () => {
  it('reads measures in prose and HTML table cells, with HTML subscripts and entities', () => {
    const text = read('ion-channel-blockers-html.md');
    const qs = findQuantities(parseDocument(text));
    expect(qs.map((q) => brief(q))).toEqual([
      ['IC<sub>50</sub> of 5.5 &mu;M', 'IC50', 5.5, null, null, 'μM', 5.5e-6, null],
      ['10 &micro;M', null, 10, null, null, 'μM', 1e-5, null],
      ['22 °C', null, 22, null, null, '°C', null, null],
      ['2–4 MΩ', null, 2, 4, null, 'MΩ', null, null],
    ]);
  });

  it('reads Ki, pKi and ranges in a pipe-table review', () => {
    const text = read('dopamine-ligands-pipe.md');
    const qs = findQuantities(parseDocument(text));
    expect(qs.map((q) => q.text)).toEqual(['Ki = 125 nM', 'pKi 10.2', '10 µM', '4.5 nM', 'pEC50 8.4', '0.1 nM–10 μM', '-70 mV', '32 °C']);
    expect(qs[1]!.molar).toBeCloseTo(6.31e-11, 13);
  });

  it('reads a CRLF document with spans into it', () => {
    const text = read('cannabinoid-tab-crlf.md');
    const qs = findQuantities(parseDocument(text));
    expect(qs.map((q) => [q.text, q.unit, q.value])).toEqual([
      ['2 mL', 'mL', 2],
      ['1 uM', 'μM', 1],
      ['1 uM', 'μM', 1],
      ['−42 ± 5%', '%', -42],
      ['0.1 nM–10 μM', 'nM', 0.1],
      ['2 µM', 'μM', 2],
      ['135 ± 9%', '%', 135],
      ['100 nM', 'nM', 100],
      ['2.1-fold', 'fold', 2.1],
      ['20 min', 'min', 20],
    ]);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('formatMolar', () => {
  it('writes a concentration in its best unit and the neighbouring one', () => {
    expect(formatMolar(6e-6)).toBe('6 μM = 6,000 nM');
    expect(formatMolar(5e-9)).toBe('5 nM = 0.005 μM');
    expect(formatMolar(1e-3)).toBe('1 mM = 1,000 μM');
    expect(formatMolar(10 ** -5.22)).toBe('6.03 μM = 6,030 nM');
    expect(formatMolar(2.5e-10)).toBe('250 pM = 0.25 nM');
    expect(formatMolar(0)).toBe('');
    expect(formatMolar(Number.NaN)).toBe('');
  });
});

describe('ranges that are not ranges', () => {
  it('reads 10^-6 flattened to "10-6" as a power of ten, and refuses descending ranges', () => {
    expect(brief(parseQuantity('10-6 M'))).toEqual(['10-6 M', null, 1e-6, null, null, 'M', 1e-6, null]);
    expect(brief(parseQuantity('30-20 min'))).toEqual(['20 min', null, 20, null, null, 'min', null, null]);
    expect(brief(parseQuantity('10-15 min'))).toEqual(['10-15 min', null, 10, 15, null, 'min', null, null]);
  });

  it('reads measures followed by "values were"', () => {
    expect(brief(parseQuantity('Ki values were 3.2 ± 0.4 nM'))).toEqual(['Ki values were 3.2 ± 0.4 nM', 'Ki', 3.2, null, 0.4, 'nM', 3.2e-9, null]);
  });
});
