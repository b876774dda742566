import { describe, expect, it } from 'vitest';
import { entityColumnOf } from '../../../src/core/records/index.js';

describe('columns naming ligands and targets', () => {
  it('reads the ligand and target words of headers, blockers, toxins and kinases included', () => {
    expect(['Compound', 'S1R Agonist', 'Channel blocker', 'Toxin', 'Receptor', 'Kinase', 'Target'].map(entityColumnOf)).toEqual([
      'ligand', 'ligand', 'ligand', 'ligand', 'target', 'target', 'target',
    ]);
  });

  it('gives no entity kind to columns that hold values, effects, context or references', () => {
    expect(['Ki (nM)', 'Ligand concentration', 'Effect', 'Cell line', 'Refs', 'Notes'].map(entityColumnOf)).toEqual([null, null, null, null, null, null]);
  });
});
