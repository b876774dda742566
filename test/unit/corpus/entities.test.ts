import { describe, expect, it } from 'vitest';
import { scoreEntities } from '../../eval/score/entities.js';
import { CORPUS_KINDS, scoredMentions } from '../../eval/system.js';
import { analysis, gold, goldEntity, mention } from './helpers.js';

const score = (g: ReturnType<typeof gold>, mentions: ReturnType<typeof mention>[], kinds = CORPUS_KINDS) => scoreEntities(g, scoredMentions(analysis({ entities: mentions }), kinds));
const counts = (gold: number, system: number, foundGold: number, correctSystem: number) => ({ gold, system, foundGold, correctSystem });

describe('scoring entity mentions', () => {
  it('counts an exact span with the same kind as found both ways', () => {
    const s = score(gold({ entities: [goldEntity(10, 19, 'ligand')] }), [mention(10, 19, 'ligand')]);
    expect(s.exact.ligand).toEqual(counts(1, 1, 1, 1));
    expect(s.overlap.ligand).toEqual(counts(1, 1, 1, 1));
    expect(s.findings).toEqual([]);
  });

  it('counts a span off by one as wrong for exact and right for overlap', () => {
    const s = score(gold({ entities: [goldEntity(10, 28, 'target')] }), [mention(11, 28, 'target')]);
    expect(s.exact.target).toEqual(counts(1, 1, 0, 0));
    expect(s.overlap.target).toEqual(counts(1, 1, 1, 1));
    expect(s.findings.map((f) => f.type)).toEqual(['wrong']);
  });

  it('lets one system span that overlaps two gold spans find both (recall from gold, precision from system)', () => {
    const s = score(gold({ entities: [goldEntity(0, 5, 'target'), goldEntity(10, 15, 'target')] }), [mention(3, 12, 'target')]);
    expect(s.overlap.target).toEqual(counts(2, 1, 2, 1));
    expect(s.exact.target).toEqual(counts(2, 1, 0, 0));
  });

  it('skips optional gold both ways: neither a miss nor a false positive', () => {
    const s = score(gold({ entities: [goldEntity(0, 4, 'ligand', true), goldEntity(20, 29, 'ligand')] }), [mention(0, 4, 'ligand')]);
    expect(s.exact.ligand).toEqual(counts(1, 0, 0, 0));
    expect(s.findings.map((f) => f.type)).toEqual(['miss']);
  });

  it('neither rewards nor punishes mentions outside the regions', () => {
    const g = gold({ regions: [{ start: 0, end: 100, label: 'Results' }], entities: [goldEntity(50, 60, 'ligand')] });
    const s = score(g, [mention(50, 60, 'ligand'), mention(150, 160, 'ligand'), mention(120, 130, 'target')]);
    expect(s.exact.ligand).toEqual(counts(1, 1, 1, 1));
    expect(s.exact.target).toEqual(counts(0, 0, 0, 0));
  });

  it('counts the wrong kind as a miss and a false positive per kind, and as found for all kinds together', () => {
    const s = score(gold({ entities: [goldEntity(0, 18, 'target')] }), [mention(0, 18, 'ligand')]);
    expect(s.exact.target).toEqual(counts(1, 0, 0, 0));
    expect(s.exact.ligand).toEqual(counts(0, 1, 0, 0));
    expect(s.exact.all).toEqual(counts(1, 1, 1, 1));
    expect(s.findings.map((f) => f.text)).toEqual(['target "eeeeeeeeeeeeeeeeee" (found as ligand "mmmmmmmmmmmmmmmmmm")', 'ligand "mmmmmmmmmmmmmmmmmm" (gold: target "eeeeeeeeeeeeeeeeee")']);
  });

  it('ignores system mentions of kind chemical on the corpus and scores them as chemicals on BC5CDR', () => {
    const g = gold({ entities: [goldEntity(0, 7, 'ligand')] });
    expect(score(g, [mention(0, 7, 'chemical')]).exact.ligand).toEqual(counts(1, 0, 0, 0));
    expect(score(g, [mention(0, 7, 'chemical'), mention(20, 25, 'target')], { ligand: ['ligand', 'chemical'] }).exact.all).toEqual(counts(1, 1, 1, 1));
  });
});
