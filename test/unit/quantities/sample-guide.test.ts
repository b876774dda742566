import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findQuantities } from '../../../src/core/quantities/index.js';
import type { Quantity } from '../../../src/core/types.js';

const text = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const quantities = findQuantities(parseDocument(text));
const byText = (written: string): Quantity[] => quantities.filter((q) => q.text === written);
const brief = (q: Quantity): unknown[] => [q.measure, q.value, q.valueMax, q.error, q.unit, q.molar, q.molarMax];

describe('quantities of the sample guide', () => {
  it('spans the source text exactly, in order, without overlaps', () => {
    for (const q of quantities) expect(text.slice(q.start, q.end)).toBe(q.text);
    for (let i = 1; i < quantities.length; i++) expect(quantities[i]!.start).toBeGreaterThanOrEqual(quantities[i - 1]!.end);
  });

  it('reads concentrations written with a space after μ', () => {
    const [first] = byText('1 μ M');
    expect([first!.start, first!.end, ...brief(first!)]).toEqual([6769, 6774, null, 1, null, null, 'μM', 1e-6, null]);
    expect(brief(byText('10 μ M')[0]!)).toEqual([null, 10, null, null, 'μM', 1e-5, null]);
  });

  it('reads a range with its unit once', () => {
    expect(brief(byText('10-100 μM')[0]!)).toEqual([null, 10, 100, null, 'μM', 1e-5, 1e-4]);
  });

  it('reads IC50 written in LaTeX and covers the whole math span', () => {
    const ic50 = byText('$\\text{IC}_{50} = 61 \\mu\\text{M}$');
    expect(ic50.map((q) => [q.start, q.end, ...brief(q)])).toEqual([[7136, 7169, 'IC50', 61, null, null, 'μM', 6.1e-5, null]]);
    expect(brief(byText('$\\text{IC}_{50} = 6 \\mu\\text{M}$')[0]!)).toEqual(['IC50', 6, null, null, 'μM', 6e-6, null]);
  });

  it('reads signed values with ± errors', () => {
    expect(brief(byText('+56.5 ± 4.87%')[0]!)).toEqual([null, 56.5, null, 4.87, '%', null, null]);
    expect(brief(byText('163 ± 24%')[0]!)).toEqual([null, 163, null, 24, '%', null, null]);
    expect(brief(byText('-70 mV')[0]!)).toEqual([null, -70, null, null, 'mV', null, null]);
    expect(brief(byText('+40 mV')[0]!)).toEqual([null, 40, null, null, 'mV', null, null]);
  });

  it('reads the units of the protocols', () => {
    expect(brief(byText('10,000 \\times g')[0]!)).toEqual([null, 10000, null, null, '× g', null, null]);
    expect(byText('4°C').map((q) => q.unit)).toEqual(['°C', '°C', '°C', '°C', '°C', '°C']);
    expect(brief(byText('3-5 M Ω')[0]!)).toEqual([null, 3, 5, null, 'MΩ', null, null]);
    expect(brief(byText('500 μ L')[0]!)).toEqual([null, 500, null, null, 'μL', null, null]);
    expect(brief(byText('300 μ m')[0]!)).toEqual([null, 300, null, null, 'μm', null, null]);
    expect(brief(byText('1-2 μ g')[0]!)).toEqual([null, 1, 2, null, 'μg', null, null]);
    expect(brief(byText('95%')[0]!)).toEqual([null, 95, null, null, '%', null, null]);
    expect(brief(byText('1-10 nm')[0]!)).toEqual([null, 1, 10, null, 'nm', null, null]);
    expect(brief(byText('24-48 hours')[0]!)).toEqual([null, 24, 48, null, 'h', null, null]);
    expect(brief(byText('50 mM')[0]!)).toEqual([null, 50, null, null, 'mM', 0.05, null]);
  });

  it('finds no quantity in table captions, years, reference numbers, CA1 or a code name with a thousands comma', () => {
    const inText = (s: string): boolean => quantities.some((q) => q.text.includes(s));
    expect(inText('Table')).toBe(false);
    expect(quantities.some((q) => /^(2025|1|4|12|17|20)$/.test(q.text))).toBe(false);
    expect(inText('CA1')).toBe(false);
    expect(inText('10,047')).toBe(false);
    expect(inText('7.5')).toBe(false); // pH 7.5
  });

  it('finds every concentration of the tables and protocols', () => {
    expect(quantities.filter((q) => q.molar !== null).map((q) => q.text)).toEqual([
      '1 μ M',
      '10 μ M',
      '$\\text{IC}_{50} = 6 \\mu\\text{M}$',
      '$\\text{IC}_{50} = 61 \\mu\\text{M}$',
      '10-100 μM',
      '1 µM',
      '1 µM',
      '50 mM',
      '150 mM',
      '1 mM',
      '10 mM',
      '1 μ M',
    ]);
  });
});
