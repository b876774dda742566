import { describe, expect, it } from 'vitest';
import { read, recognise } from './helpers.js';

const text = read('test/fixtures/entities/product-names.md');
const spans = () => recognise(text).mentions.map((m) => [m.text, m.kind, m.id, text.slice(m.start, m.end)]);

describe('product names the document introduces', () => {
  it('reads a trade-marked name beside a dosing phrase as a ligand, everywhere in the document, without the mark', () => {
    const found = spans().filter(([t]) => t === 'Bactocin');
    expect(found).toEqual([
      ['Bactocin', 'ligand', 'ligand:bactocin', 'Bactocin'],
      ['Bactocin', 'ligand', 'ligand:bactocin', 'Bactocin'],
    ]);
  });

  it('leaves a trade-marked name with no dosing phrase (software, instruments) unread', () => {
    expect(spans().filter(([t]) => t === 'Fitsoft' || t === 'Plotware')).toEqual([]);
  });

  it('reads an unmarked unknown name beside an amount or a placebo as a ligand', () => {
    expect(spans().filter(([t]) => t === 'Calmex').map(([, kind]) => kind)).toEqual(['ligand', 'ligand']);
  });

  it('reads the "?" a converter leaves for a lost mark, and not a percentage of people as a dose', () => {
    expect(spans().filter(([t]) => t === 'Neurix').map(([, kind]) => kind)).toEqual(['ligand', 'ligand']);
    expect(spans().some(([t]) => t === 'Durban')).toBe(false);
  });
});
