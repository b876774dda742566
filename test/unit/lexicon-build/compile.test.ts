import { describe, expect, it } from 'vitest';
import { compileFiles, keyIndex, serialise, type SourceMeta } from '../../../src/core/lexicon/build/compile.js';
import { parseDrugbank } from '../../../src/core/lexicon/build/drugbank.js';
import { isChemicalName, isFormula, judgeSpelling } from '../../../src/core/lexicon/build/filters.js';
import { parseGtopdbLigands, parseGtopdbTargets } from '../../../src/core/lexicon/build/gtopdb.js';
import { handLayer } from '../../../src/core/lexicon/build/hand.js';
import { parseHgnc } from '../../../src/core/lexicon/build/hgnc.js';
import { databaseVariantKeys, gapped } from '../../../src/core/lexicon/build/keys.js';
import { mergeSources } from '../../../src/core/lexicon/build/merge.js';
import { parseWordRanks } from '../../../src/core/lexicon/build/words.js';
import { fixture } from './helpers.js';

const ranks = parseWordRanks(fixture('words.txt'));

describe('the precision rules', () => {
  it('keeps gene symbols that are English words (CAT, SET) and short symbols (AR) from standing alone', () => {
    expect(judgeSpelling('CAT', 'symbol', ranks)).toBe('weak');
    expect(judgeSpelling('SET', 'symbol', ranks)).toBe('weak');
    expect(judgeSpelling('AR', 'symbol', ranks)).toBe('weak');
    expect(judgeSpelling('DRD2', 'symbol', ranks)).toBe('keep');
  });

  it('keeps a very common word as a drug name weak, a rarer one not', () => {
    expect(judgeSpelling('Water', 'name', ranks)).toBe('weak');
    expect(judgeSpelling('Alcohol', 'name', ranks)).toBe('weak');
    expect(judgeSpelling('Propranolol', 'name', ranks)).toBe('keep');
  });

  it('keeps abbreviations of two capitals weak, and alias names made of common words', () => {
    expect(judgeSpelling('DA', 'synonym', ranks)).toBe('weak');
    expect(judgeSpelling('AZT', 'synonym', ranks)).toBe('keep');
    expect(judgeSpelling('5-FU', 'synonym', ranks)).toBe('keep');
    expect(judgeSpelling('heart attack', 'alias-name', ranks)).toBe('weak');
  });

  it('reads formula-like aliases (CO2, NO) as chemicals, and ions, salts and systematic names as kind chemical', () => {
    expect(judgeSpelling('COX2', 'alias-symbol', ranks)).toBe('keep');
    expect([isFormula('CO2'), isFormula('NO'), isFormula('COX2'), isFormula('DRD2')]).toEqual([true, true, false, false]);
    expect([isChemicalName('Sodium chloride'), isChemicalName('Calcium'), isChemicalName('1,10-Phenanthroline'), isChemicalName('Propranolol')]).toEqual([true, true, true, false]);
  });

  it('makes the keys of a database spelling as the matcher reads text', () => {
    expect(databaseVariantKeys('dopamine receptor D2', 'target', false)).toEqual(['dopamine receptor d2']);
    expect(databaseVariantKeys('Mesna', 'ligand', false)).toEqual(['mesna']);
    expect(databaseVariantKeys('SP1', 'target', true, true)).toEqual(['^SP1', '^Sp1']);
    expect(databaseVariantKeys('catalase', 'target', false)).toEqual(['catalase', 'catalases']);
    expect(gapped('her2 / neu')).toBe('her2/neu');
  });
});

const hand = handLayer([
  {
    version: 'test',
    entries: [
      { id: 'target:drd2', kind: 'target', name: 'D2 receptor', synonyms: ['DRD2'], identifiers: { hgnc: 'HGNC:3023' } },
      { id: 'ligand:propranolol', kind: 'ligand', name: 'propranolol' },
    ],
  },
  { version: 'test', names: ['HEPES'] },
]);
const meta = (source: 'hgnc' | 'drugbank' | 'gtopdb'): SourceMeta => ({ source, title: source, version: '1', licence: 'test', attribution: 'test', provenance: `${source} 1` });
const metas = { hgnc: meta('hgnc'), drugbank: meta('drugbank'), gtopdb: meta('gtopdb') };

function build() {
  const sources = {
    hgnc: parseHgnc(fixture('hgnc.tsv')),
    drugbank: parseDrugbank(fixture('drugbank.csv')),
    gtopdb: [...parseGtopdbTargets(fixture('gtopdb-targets.csv')), ...parseGtopdbLigands(fixture('gtopdb-ligands.csv'))],
  };
  const { entities } = mergeSources(hand, sources);
  return { entities, files: compileFiles(entities, hand, ranks, metas) };
}

describe('merging with precedence and compiling', () => {
  const { entities, files } = build();
  const [hgnc, drugbank, gtopdb] = files;

  it('adds a database entry to the hand-curated entry it names, by identifier or by name', () => {
    const drd2 = entities.find((e) => e.id === 'target:drd2')!;
    expect([drd2.creator, drd2.parts.map((p) => `${p.source} ${p.key}`)]).toEqual(['hand', ['hgnc HGNC:3023', 'gtopdb target 215']]);
    const propranolol = entities.find((e) => e.id === 'ligand:propranolol')!;
    expect(propranolol.parts.map((p) => `${p.source} ${p.key}`)).toEqual(['drugbank DB00571', 'gtopdb ligand 564']);
  });

  it('makes new entities of the others, with kind chemical for salts', () => {
    expect(entities.filter((e) => e.creator !== 'hand').map((e) => `${e.id} ${e.kind} ${e.creator}`)).toEqual([
      'target:cat target hgnc',
      'target:kmt2d target hgnc',
      'target:mt-co2 target hgnc',
      'ligand:lepirudin ligand drugbank',
      'ligand:cetuximab ligand drugbank',
      'ligand:water ligand drugbank',
      'target:5-ht1a-receptor target gtopdb',
      'ligand:flesinoxan ligand gtopdb',
      'ligand:asenapine ligand gtopdb',
      'chemical:ammonium-carbonate chemical gtopdb',
    ]);
  });

  it('writes each record to its source’s file: a new entity with its name, an extension without', () => {
    expect(hgnc!.records.map((r) => [r[0], r[2], r[5], r[6], r[7]])).toEqual([
      ['target:drd2', '', ['dopamine receptor d2'], [], 'target:drd2'],
      ['target:cat', 'CAT', ['catalase', 'catalases'], ['CAT'], undefined],
      ['target:kmt2d', 'KMT2D', expect.arrayContaining(['^KMT2D', '^Kmt2d', '^MLL4', 'lysine methyltransferase 2d']), [], undefined],
      ['target:mt-co2', 'MT-CO2', ['^COX2', '^MT CO2', '^MTCO2', 'cytochrome c oxidase ii', 'mitochondrially encoded cytochrome c oxidase ii'], ['CO2'], undefined],
    ]);
    expect(drugbank!.records.find((r) => r[0] === 'ligand:water')!.slice(5, 7)).toEqual([['agua', 'aqua', 'dihydrogen oxide', 'purified water', 'sterile water', 'water purified'], ['Water']]);
    // The Guide to Pharmacology names and classes what HGNC made; a hand-curated entry keeps its own.
    expect(gtopdb!.records.filter((r) => r[7] !== undefined).map((r) => [r[0], r[2], r[7]])).toEqual([
      ['target:drd2', '', 'target:drd2'],
      ['ligand:propranolol', '', 'ligand:propranolol'],
    ]);
  });

  it('writes the same bytes for the same input, keys sorted by code units', () => {
    const again = build().files;
    expect(files.map(serialise)).toEqual(again.map(serialise));
    const index = keyIndex(hgnc!);
    const keys = index.keys.split('\n');
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(index.starts.split('\n')).toContain('dopamine');
  });
});
