/**
 * Protein families and the written forms of gene names beyond the keys: the family nouns of
 * HGNC's approved names (name-roots.ts), family roots and symbols written as proteins, species
 * initials, Greek letters closed up, model-organism symbols, receptor head nouns, the Guide to
 * Pharmacology's gene-product peptides (database.ts, gene-grammar.ts), and ChEBI's plant hormones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const text = readFileSync(path.join(root, 'test/fixtures/entities/protein-families.md'), 'utf8');
const analysis = analyze(text, { lexicon });
const lines = text.split('\n');
/** The mentions on line `n` (0-based): text, kind, id. */
const line = (n: number) => {
  const start = lines.slice(0, n).join('\n').length + (n > 0 ? 1 : 0);
  const end = start + lines[n]!.length;
  return analysis.entities.filter((m) => m.start >= start && m.start < end).map((m) => [m.text, m.kind, m.id]);
};

describe('protein families and the forms of gene names', () => {
  it('reads the family noun of approved names, its plural and its lettered subfamily as targets, and no generic noun', () => {
    expect(line(2)).toEqual([
      ['collagen', 'target', 'target:collagen'],
      ['cyclins', 'target', 'target:cyclin'],
      ['cyclin E', 'target', 'target:cyclin-e'],
    ]);
    expect(analysis.entityInfo['target:collagen']!.class).toBe('Collagens (protein family)');
  });

  it('reads symbols and family roots written as proteins inside a sentence, and no root that is also a word', () => {
    expect(line(4)).toEqual([
      ['Fos', 'target', 'target:fos'],
      ['Ras', 'target', 'target:ras'],
      ['Smad', 'target', 'target:smad'],
    ]);
  });

  it('reads bacterial proteins in Demerec form, Greek letters closed up and NF - kappa B as its family', () => {
    expect(line(6)).toEqual([
      ['RecA protein', 'target', 'target:reca'],
      ['TNFalpha', 'target', 'target:tnfalpha'],
      ['IkappaB', 'target', 'target:ikappab'],
      ['NF - kappa B', 'target', 'target:nfkb'],
    ]);
  });

  it('reads model-organism symbols in a sentence about genes, and no measure written alike', () => {
    expect(line(8).filter(([, kind]) => kind === 'target')).toEqual([
      ['cdc2', 'target', 'target:cdc2'],
      ['unc-30', 'target', 'target:unc-30'],
    ]);
  });

  it('reads a receptor with the words that qualify it as one target, and not after a word that only counts', () => {
    expect(line(10)).toEqual([
      ['thyroid hormone receptor', 'target', 'target:thyroid-hormone-receptor'],
      ['LDL receptor', 'target', 'target:ldl-receptor'],
    ]);
  });

  it('reads a species initial before a family root, a peptide named by its gene as the gene, and RAS as the family over a drug abbreviation', () => {
    expect(line(12)).toEqual([
      ['hDlg', 'target', 'target:dlg'],
      ['IL-6', 'target', 'target:il6'],
      ['RAS', 'target', 'target:ras'],
    ]);
  });

  it('reads a weak symbol written as a protein before a gene word, and a receptor phrase that begins with a known name', () => {
    expect(line(16)).toEqual([
      ['Shc', 'target', 'target:shc1'],
      ['dopamine neurotransmitter receptor', 'target', 'target:dopamine-neurotransmitter-receptor'],
      ['IL-6 receptor', 'target', 'target:il6r'],
    ]);
  });

  it("reads ChEBI's plant hormone roles as ligands with their ChEBI ids", () => {
    expect(line(14)).toEqual([
      ['auxin', 'ligand', 'ligand:auxin'],
      ['cytokinins', 'ligand', 'ligand:cytokinin'],
    ]);
    expect(analysis.entityInfo['ligand:auxin']!.identifiers).toEqual({ chebi: 'CHEBI:22676' });
  });
});
