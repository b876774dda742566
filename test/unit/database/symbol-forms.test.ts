/**
 * Gene symbols read by their written form: bacterial genes in Demerec's form (three small
 * letters and a capital; three small letters before "genes" or "operon"; gene-grammar.json), and a human symbol or alias written in the protein
 * style (a capital, small letters, its number) read as the all-capital key (database.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const text = readFileSync(path.join(root, 'test/fixtures/entities/symbol-forms.md'), 'utf8');
const found = analyze(text, { lexicon }).entities.map((m) => [m.text, m.kind, m.id]);

describe('gene symbols by their written form', () => {
  it('reads bacterial gene symbols in Demerec form as targets, and no nucleic-acid word', () => {
    expect(found.slice(0, 3)).toEqual([
      ['lpxO', 'target', 'target:lpxo'],
      ['ipiB', 'target', 'target:ipib'],
      ['lacZ', 'target', 'target:lacz'],
    ]);
  });

  it('reads a symbol or alias written in the protein style as the target of its all-capital key', () => {
    expect(found.slice(3, 5)).toEqual([
      ['Nopp140', 'target', 'target:nolc1'],
      ['Nurr1', 'target', 'target:nr4a2'],
    ]);
  });

  it('reads three small letters before "genes" or "operon" as a bacterial gene, everywhere in the document, and no ordinary word', () => {
    expect(found.slice(5)).toEqual([
      ['lux', 'target', 'target:lux'],
      ['luc', 'target', 'target:luc'],
      ['luc', 'target', 'target:luc'],
    ]);
  });
});
