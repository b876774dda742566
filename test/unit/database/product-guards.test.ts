/**
 * Product names spelled like entities (src/core/entities/product-guards.ts, data in
 * src/core/lexicon/product-guards.json): a family name written with a version, or in a block that
 * speaks of such products, is no entity anywhere in the document; elsewhere it is read as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const found = (file: string) => analyze(readFileSync(path.join(root, 'test/fixtures/entities', file), 'utf8'), { lexicon }).entities.map((m): [string, string, string] => [m.text, m.kind, m.id]);

describe('product names spelled like entities', () => {
  it('reads language-model names with a version, or beside a context word, as products everywhere in the document', () => {
    expect(found('product-guards.md')).toEqual([
      ['atorvastatin', 'ligand', 'ligand:atorvastatin'],
      ['atorvastatin', 'ligand', 'ligand:atorvastatin'],
    ]);
  });

  it('keeps the gene symbol where nothing says product, and a number the gene takes (GPT2)', () => {
    expect(found('product-guards-clinical.md').filter(([text]) => text.startsWith('GPT'))).toEqual([
      ['GPT', 'target', 'target:gpt'],
      ['GPT2', 'target', 'target:gpt2'],
    ]);
  });
});
