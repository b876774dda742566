/**
 * Chemical formulas and ions by their grammar (src/core/entities/formulas.ts; the periodic table
 * and the rules in src/core/lexicon/elements.json): other chemicals, never ligands or targets.
 */
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../../src/core/entities/formulas.js';
import { read, recognise } from './helpers.js';

const chemicals = recognise(read('test/fixtures/entities/formulas.md'))
  .mentions.filter((m) => m.kind === 'chemical')
  .map((m) => [m.text, m.id]);

describe('chemical formulas and ions', () => {
  it('reads salts, hydrates and bracketed groups as other chemicals, without the brackets of the sentence', () => {
    expect(chemicals.slice(0, 7)).toEqual([
      ['ZnSO₄', 'chemical:znso4'],
      ['ZnSO4', 'chemical:znso4'],
      ['CuCl2', 'chemical:cucl2'],
      ['NaCl', 'chemical:nacl'],
      ['CaCl2·2H2O', 'chemical:cacl2-2h2o'],
      ['Ca(NO3)2', 'chemical:ca-no3-2'],
      ['H2O', 'chemical:h2o'],
    ]);
  });

  it('reads an element or formula with a charge as an ion; a charge written apart is not part of it', () => {
    expect(chemicals.slice(7)).toEqual([
      ['Ca²⁺', 'chemical:ca2'],
      ['K+', 'chemical:k'],
      ['Cl-', 'chemical:cl'],
      ['HCO3-', 'chemical:hco3'],
      ['Ca2+', 'chemical:ca2'],
      ['Ca', 'chemical:ca2'],
    ]);
  });

  it('parses only element symbols, counts and balanced brackets', () => {
    expect(parseFormula('Ca(NO3)2')).toMatchObject({ symbols: 3, twoLetter: true, counts: 2, one: false });
    expect(parseFormula('CD4')).toBeNull();
    expect(parseFormula('Ca(NO3')).toBeNull();
    expect(parseFormula('PKCa')).toBeNull();
  });
});
