/**
 * The grammar of derived names (src/core/entities/affixes.ts, src/core/lexicon/affixes.json):
 * salts, forms and stereo descriptors of a ligand, metabolite prefixes, allele and variant marks
 * and phospho prefixes of a target, each read with the known name as one mention.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const analysis = analyze(readFileSync(path.join(root, 'test/fixtures/entities/derived-names.md'), 'utf8'), { lexicon });
const found = analysis.entities.map((m) => [m.text, m.kind, m.source, m.id]);

describe('derived names', () => {
  it('reads a metabolite prefix and its locants with the ligand as a new ligand related to it', () => {
    expect(found.slice(0, 2)).toEqual([
      ['N-desmethyl-clozapine', 'ligand', 'pattern', 'ligand:n-desmethyl-clozapine'],
      ['4-hydroxy-propranolol', 'ligand', 'pattern', 'ligand:4-hydroxy-propranolol'],
    ]);
    expect(analysis.entityInfo['ligand:4-hydroxy-propranolol']!.related).toEqual(['ligand:propranolol']);
  });

  it('reads salts, N-oxides and stereo descriptors as the same substance', () => {
    expect(found.slice(2, 6)).toEqual([
      ['olanzapine N-oxide', 'ligand', 'lexicon', 'ligand:olanzapine'],
      ['metoprolol succinate', 'ligand', 'lexicon', 'ligand:metoprolol'],
      ['d,l-propranolol', 'ligand', 'lexicon', 'ligand:propranolol'],
      ['imatinib mesylate', 'ligand', 'lexicon', 'ligand:imatinib'],
    ]);
  });

  it('reads star alleles, variant superscripts, hyphenated members and phospho prefixes as mentions of the target, not pKa', () => {
    expect(found.slice(6, 12)).toEqual([
      ['CYP2D6\\*4', 'target', 'lexicon', 'target:cyp2d6'],
      ['CYP2C9\\*3', 'target', 'lexicon', 'target:cyp2c9'],
      ['KRAS^G12D^', 'target', 'lexicon', 'target:kras'],
      ['PDE-4B', 'target', 'lexicon', 'target:pde4'],
      ['pAkt', 'target', 'lexicon', 'target:akt'],
      ['p-STAT3', 'target', 'lexicon', 'target:stat3'],
    ]);
  });

  it('leaves a salt word that heads another name ("sodium channel") out of the ligand', () => {
    expect(found.slice(12, 14)).toEqual([
      ['Amiloride', 'ligand', 'lexicon', 'ligand:amiloride'],
      ['sodium', 'chemical', 'lexicon', 'chemical:sodium-cation'],
    ]);
  });

  it('reads an abbreviation defined in spaced parentheses, as tokenised text writes it', () => {
    expect(found.slice(14, 17)).toEqual([
      ['Doxycycline', 'ligand', 'lexicon', 'ligand:doxycycline'],
      ['DOXY', 'ligand', 'abbreviation', 'ligand:doxycycline'],
      ['DOXY', 'ligand', 'abbreviation', 'ligand:doxycycline'],
    ]);
  });
});

describe('what the document says a name is not', () => {
  it('keeps an abbreviation the document spells out by its initials as something else from every mention, and eponymous diseases and kinetic constants from genes', () => {
    expect(mentions('TMR intake fell.')).toEqual([['TMR', 'ligand']]);
    expect(mentions('Alzheimer disease (AD) raised the Km and Ki of the AD enzyme.')).toEqual([]);
    expect(found.slice(17, 20)).toEqual([
      ['tranylcypromine', 'ligand', 'lexicon', 'ligand:tranylcypromine'],
      ['TCP', 'ligand', 'abbreviation', 'ligand:tranylcypromine'],
      ['TCP', 'ligand', 'abbreviation', 'ligand:tranylcypromine'],
    ]);
  });

  it('keeps the first definition of an abbreviation when it spells out no entity: a later entity defined with the same letters does not take every mention', () => {
    const text = "Early Alzheimer's dementia (AD) was studied; AD progressed.\n\nAdenylate cyclase (AD) makes cAMP; AD was lower.";
    expect(mentions(text)).toEqual([['Adenylate cyclase', 'target']]);
  });

  it('reads no compound in a code name whose letters the document counts as a plural noun (LVs: LV116 is a latent variable)', () => {
    expect(mentions('### LVs predict pairs\n\nLV116 and LV931 rose with niacin.\n\nOther LVs fell.')).toEqual([['niacin', 'ligand']]);
    expect(mentions('LV116 and SB203580 rose with niacin.')).toEqual([['LV116', 'ligand'], ['SB203580', 'ligand'], ['niacin', 'ligand']]);
  });

  it('reads a drug-class noun that a database lists as a gene alias (statin: EEF1A2) as no target, unless a gene word follows', () => {
    expect(mentions('Statins and statin-like molecules lower LDL; rosuvastatin is the most potent statin.')).toEqual([['rosuvastatin', 'ligand']]);
    expect(mentions('The statin gene was cloned.')).toEqual([['statin gene', 'target']]);
  });

  it('reads unescaped star alleles, which Markdown would take for emphasis, with their stars', () => {
    expect(found.slice(20, 23)).toEqual([
      ['CYP2C9*2', 'target', 'lexicon', 'target:cyp2c9'],
      ['CYP2C9*3', 'target', 'lexicon', 'target:cyp2c9'],
      ['CYP2C9*8', 'target', 'lexicon', 'target:cyp2c9'],
    ]);
  });
});

describe('names known by their form or use', () => {
  it('reads a long word no list holds by its chemical ending, but not an ordinary or biological word ending alike', () => {
    expect(found.slice(23, 25)).toEqual([
      ['tanshinlactone', 'ligand', 'pattern', 'ligand:tanshinlactone'],
      ['hexadecane', 'ligand', 'pattern', 'ligand:hexadecane'],
    ]);
    expect(analysis.entityInfo['ligand:hexadecane']!.class).toBe('chemical (alkane, by its ending)');
  });
});

describe('tokenised text', () => {
  it('reads stereo descriptors and metabolite prefixes joined by spaced hyphens and commas, and no unit as a chemical', () => {
    expect(found.slice(25, 27)).toEqual([
      ['d , l - propranolol', 'ligand', 'lexicon', 'ligand:propranolol'],
      // Closed up, the name is the lexicon's (N-methyl-D-aspartate is a spelling of NMDA).
      ['N - methyl - D - aspartate', 'ligand', 'lexicon', 'ligand:nmda'],
    ]);
  });
});

describe('allele names', () => {
  it('reads PharmVar suballeles, a star allele with its amino-acid change and a star written before the change as mentions of the target', () => {
    expect(found.slice(27)).toEqual([
      ['CYP2C19.1', 'target', 'lexicon', 'target:cyp2c19'],
      ['CYP2C19.2H', 'target', 'lexicon', 'target:cyp2c19'],
      ['CYP2C19.3C', 'target', 'lexicon', 'target:cyp2c19'],
      ['CYP2D6\\*96/Q424X', 'target', 'lexicon', 'target:cyp2d6'],
      ['CYP2D6\\*F164L', 'target', 'lexicon', 'target:cyp2d6'],
      ['CYP2C19.1', 'target', 'lexicon', 'target:cyp2c19'],
    ]);
  });
});

function mentions(text: string) {
  return analyze(text, { lexicon }).entities.map((m) => [m.text, m.kind]);
}
