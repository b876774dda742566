import { describe, expect, it } from 'vitest';
import { alignReferences } from '../../eval/score/references.js';
import { scoreRecords } from '../../eval/score/records.js';
import { analysis, gold, goldRecord, goldRef, sysRecord, sysRef } from './helpers.js';

function score(g: ReturnType<typeof gold>, a: ReturnType<typeof analysis>) {
  return scoreRecords(g, a, alignReferences(g, a));
}

describe('scoring quantitative records', () => {
  it('finds a record by overlap, ligand contained in the other name and the same value in a compatible unit', () => {
    const g = gold({ records: [goldRecord(100, 160, { ligand: 'haloperidol decanoate', value: 1.4, unit: 'nM' })] });
    const s = score(g, analysis({ records: [sysRecord(120, 170, { value: 0.0014, unit: 'µM' })] }));
    expect(s.counts).toEqual({ gold: 1, system: 1, foundGold: 1, correctSystem: 1 });
    expect(s.attributes.target).toEqual({ correct: 1, total: 1 });
  });

  it('does not find a record with another value, and names why', () => {
    const g = gold({ records: [goldRecord(100, 160)] });
    const s = score(g, analysis({ records: [sysRecord(100, 160, { value: 14 })] }));
    expect(s.counts).toEqual({ gold: 1, system: 1, foundGold: 0, correctSystem: 0 });
    expect(s.findings.map((f) => f.key)).toEqual(['value or unit differs', 'no gold record']);
  });

  it('matches an effect-only record by its effect value', () => {
    const effect = { value: 56.5, error: 4.87, unit: '%', direction: 'potentiation' };
    const g = gold({ records: [goldRecord(0, 60, { ligand: '(+)-pentazocine', value: null, unit: null, measure: null, effect })] });
    const sysEffect = { value: 56.5, error: 4.87, unit: '%', direction: 'potentiation' as const, text: '+56.5 ± 4.87%' };
    const s = score(g, analysis({ records: [sysRecord(0, 60, { ligand: { text: '(+)-Pentazocine', id: null, start: 0, end: 15 }, value: 1, unit: 'μM', effect: sysEffect })] }));
    expect(s.counts.foundGold).toBe(1);
  });

  it('skips optional gold records both ways and matches one to one', () => {
    const g = gold({ records: [goldRecord(0, 50), goldRecord(60, 110, { value: 2, optional: true })] });
    const s = score(g, analysis({ records: [sysRecord(0, 50), sysRecord(10, 40), sysRecord(60, 110, { value: 2 })] }));
    expect(s.counts).toEqual({ gold: 1, system: 2, foundGold: 1, correctSystem: 1 });
  });

  it('reports target, measure and references as attribute accuracy over found records', () => {
    const g = gold({ references: [goldRef('4', 800, 900)], records: [goldRecord(0, 50, { target: 'NMDA receptor', measure: 'IC50', references: ['4'] })] });
    const a = analysis({ references: [sysRef(4, 800, 900)], records: [sysRecord(0, 50, { measure: 'IC50', references: [4] })] });
    const s = score(g, a);
    expect(s.attributes).toEqual({ target: { correct: 0, total: 1 }, measure: { correct: 1, total: 1 }, references: { correct: 1, total: 1 } });
  });

  it('neither rewards nor punishes records outside the regions', () => {
    const g = gold({ regions: [{ start: 0, end: 100, label: 'Results' }], records: [] });
    expect(score(g, analysis({ records: [sysRecord(200, 260)] })).counts).toEqual({ gold: 0, system: 0, foundGold: 0, correctSystem: 0 });
  });
});
