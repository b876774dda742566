/**
 * The grammar of target names (src/core/entities/affixes.ts, weak-context.ts): head nouns read
 * with the name before them, kind from the phrase, conjuncts and ranges sharing a head, and gene
 * symbols too weak to stand alone read where their context says they name a gene.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const analysis = analyze(readFileSync(path.join(root, 'test/fixtures/entities/target-grammar.md'), 'utf8'), { lexicon });
const found = analysis.entities.map((m) => [m.text, m.kind, m.source, m.id]);

describe('the grammar of target names', () => {
  it('reads a ligand before a head noun as a target, and the ligand alone as a ligand', () => {
    expect(found.slice(0, 2)).toEqual([
      ['Capsaicin', 'ligand', 'lexicon', 'ligand:capsaicin'],
      ['capsaicin receptor', 'target', 'lexicon', 'target:trpv1'],
    ]);
  });

  it('reads a head noun with the name before it as one target: a known whole, the receptor the databases name after it, else a target related to the name', () => {
    expect(found.slice(2, 5)).toEqual([
      ['EGF receptor', 'target', 'lexicon', 'target:egfr'],
      ['p53', 'target', 'lexicon', 'target:tp53'],
      ['dopamine D2 receptors', 'target', 'lexicon', 'target:drd2'],
    ]);
  });

  it('reads conjuncts sharing a head and ranges of numbered members as one mention, names written whole as two', () => {
    expect(found.slice(5, 10)).toEqual([
      ['μ- and δ-opioid receptors', 'target', 'lexicon', 'target:oprd1'],
      ['Notch1–4', 'target', 'lexicon', 'target:notch1'],
      ['HER2/3/4', 'target', 'lexicon', 'target:erbb2'],
      ['PDE4', 'target', 'lexicon', 'target:pde4'],
      ['PDE5', 'target', 'lexicon', 'target:pde5a'],
    ]);
  });

  it('reads a weak gene symbol with the gene word after it, then everywhere in the document, but not the word it spells', () => {
    expect(found.slice(10)).toEqual([
      ['CAT gene', 'target', 'pattern', 'target:cat'],
      ['CAT', 'target', 'lexicon', 'target:cat'],
    ]);
  });
});

describe('receptors named after their ligands', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/entities/receptor-names.md'), 'utf8');
  const receptors = analyze(text, { lexicon }).entities.map((m) => [m.text, m.id]);

  it('reads "X receptor" as the receptor HGNC names after X, and a family HGNC names no one receptor after as a new target', () => {
    expect(receptors).toEqual([
      ['IGF-1 receptor', 'target:igf1r'],
      ['EPO receptor', 'target:epor'],
      ['IL-6 receptor', 'target:il6r'],
      ['TNF receptor', 'target:tnf-receptor'],
    ]);
  });
});

describe('enzyme names', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/entities/enzyme-names.md'), 'utf8');
  const enzymes = analyze(text, { lexicon });

  it('reads a name ending in -ase as the enzyme, a target, where a drug database lists it as a medicine, related to that entry', () => {
    expect(enzymes.entities.map((m) => [m.text, m.kind, m.source, m.id])).toEqual([
      ['L-asparaginase', 'target', 'pattern', 'target:l-asparaginase'],
      ['DNase I', 'target', 'pattern', 'target:dnase-i'],
      ['pegaspargase', 'target', 'pattern', 'target:pegaspargase'],
    ]);
    expect(enzymes.entityInfo['target:dnase-i']!.related).toEqual(['ligand:deoxyribonuclease-i']);
  });
});

describe('hormones given as medicines', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/entities/ligand-uses.md'), 'utf8');
  const uses = analyze(text, { lexicon });

  it('reads a hormone gene the document gives as a medicine (EPO-treated) as the ligand in every block, except where a gene word follows', () => {
    expect(uses.entities.map((m) => [m.text, m.kind, m.source, m.id])).toEqual([
      ['EPO', 'ligand', 'pattern', 'ligand:epo'],
      ['EPO gene', 'target', 'lexicon', 'target:epo'],
      ['EPO', 'ligand', 'pattern', 'ligand:epo'],
    ]);
    expect(uses.entityInfo['ligand:epo']!.related).toEqual(['target:epo']);
  });

  it('leaves a hormone gene no sentence gives as a medicine a target', () => {
    expect(analyze('EPO levels rose with hypoxia.', { lexicon }).entities.map((m) => [m.text, m.kind])).toEqual([['EPO', 'target']]);
  });
});

describe('gene families named by their root', () => {
  const text = readFileSync(path.join(root, 'test/fixtures/entities/family-roots.md'), 'utf8');
  const families = analyze(text, { lexicon });

  it('reads a root that HGNC approved symbols share (CREB1, CREB3…) as the family, a short root only before a gene word', () => {
    expect(families.entities.map((m) => [m.text, m.kind, m.id])).toEqual([
      ['CREB', 'target', 'target:creb'],
      ['FGFR', 'target', 'target:fgfr'],
      ['ATF', 'target', 'target:atf'],
      ['RXR', 'target', 'target:rxr'],
    ]);
    expect(families.entityInfo['target:creb']!.class).toBe('Basic leucine zipper proteins (gene family: CREB1, CREB3, CREB5)');
  });
});

describe('a ligand and a receptor or transporter head', () => {
  it('reads the ligand with its subtype and head as a target no list names, related to the ligand; the ligand alone stays a ligand', () => {
    const read = analyze('A glycine transporter inhibitor and a 5-hydroxytryptamine 2A receptor inverse agonist; glycine was given.', { lexicon });
    expect(read.entities.map((m) => [m.text, m.kind, m.source])).toEqual([
      ['glycine transporter', 'target', 'pattern'],
      ['5-hydroxytryptamine 2A receptor', 'target', 'pattern'],
      ['glycine', 'ligand', 'lexicon'],
    ]);
    expect(read.entityInfo['target:glycine-transporter']!.related).toEqual(['ligand:glycine']);
  });
});
