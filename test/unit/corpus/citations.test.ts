import { describe, expect, it } from 'vitest';
import { scoreCitations } from '../../eval/score/citations.js';
import { alignReferences, scoreReferences } from '../../eval/score/references.js';
import { analysis, gold, goldCite, goldRef, sysCite, sysRef } from './helpers.js';

function score(g: ReturnType<typeof gold>, a: ReturnType<typeof analysis>) {
  const alignment = alignReferences(g, a);
  return { citations: scoreCitations(g, a, alignment), references: scoreReferences(g, a, alignment) };
}

/** Three gold entries 12–14 at 500–600, 600–700, 700–800. */
const entries = [goldRef('12', 500, 599), goldRef('13', 600, 699), goldRef('14', 700, 799)];

describe('scoring citation markers as (marker, reference) pairs', () => {
  it('expands a marker standing for a range into one pair per entry', () => {
    const g = gold({ references: entries, citations: [goldCite(10, 17, ['12', '13', '14'])] });
    const a = analysis({ citations: [sysCite(10, 17, [12, 13, 14])], references: [sysRef(12, 500, 599, [0]), sysRef(13, 600, 699, [0]), sysRef(14, 700, 799, [0])] });
    expect(score(g, a).citations.counts).toEqual({ gold: 3, system: 3, foundGold: 3, correctSystem: 3 });
  });

  it('matches a group the system splits into two markers by overlap', () => {
    const g = gold({ references: entries, citations: [goldCite(10, 18, ['12', '14'])] }); // "[12][14]"
    const a = analysis({ citations: [sysCite(10, 14, [12]), sysCite(14, 18, [14])], references: [sysRef(12, 500, 599, [0]), sysRef(13, 600, 699), sysRef(14, 700, 799, [1])] });
    expect(score(g, a).citations.counts).toEqual({ gold: 2, system: 2, foundGold: 2, correctSystem: 2 });
  });

  it('counts a range read short: the pairs it holds are found, the others missed', () => {
    const g = gold({ references: entries, citations: [goldCite(10, 17, ['12', '13', '14'])] });
    const a = analysis({ citations: [sysCite(10, 13, [12])], references: [sysRef(12, 500, 599, [0]), sysRef(13, 600, 699), sysRef(14, 700, 799)] });
    const s = score(g, a).citations;
    expect(s.counts).toEqual({ gold: 3, system: 1, foundGold: 1, correctSystem: 1 });
    expect(s.findings.map((f) => f.text)).toEqual(['xxxxxxx → 13, 14 (marker found, resolved otherwise)']);
  });

  it('resolves through the one-to-one alignment of entries, not through the numbers', () => {
    // The system numbers the entries 1–3 where the gold writes 12–14: pairs still align by span.
    const g = gold({ references: entries, citations: [goldCite(10, 14, ['13'])] });
    const a = analysis({ citations: [sysCite(10, 14, [2])], references: [sysRef(1, 500, 599), sysRef(2, 600, 699, [0]), sysRef(3, 700, 799)] });
    const s = score(g, a);
    expect(s.citations.counts.foundGold).toBe(1);
    expect(s.references.counts).toEqual({ gold: 3, system: 3, foundGold: 0, correctSystem: 0 });
    expect(s.references.findings.map((f) => f.key)).toEqual(['numbered differently', 'numbered differently', 'numbered differently']);
  });

  it('aligns one to one: two system entries over one gold entry leave the second unaligned', () => {
    const g = gold({ references: [goldRef('1', 100, 200)] });
    const a = analysis({ references: [sysRef(1, 100, 150), sysRef(2, 150, 200)] });
    const alignment = alignReferences(g, a);
    expect(alignment.systemOf).toEqual([0]);
    expect(scoreReferences(g, a, alignment).counts).toEqual({ gold: 1, system: 2, foundGold: 1, correctSystem: 1 });
  });

  it('prefers the entry that overlaps most when aligning', () => {
    const g = gold({ references: [goldRef('1', 100, 200), goldRef('2', 200, 300)] });
    const a = analysis({ references: [sysRef(1, 100, 210), sysRef(2, 210, 300)] });
    expect(alignReferences(g, a).systemOf).toEqual([0, 1]);
  });

  it('scores missing numbers as pairs (marker, missing n)', () => {
    const g = gold({ references: entries, citations: [goldCite(10, 12, [], [23])] });
    const a = analysis({ citations: [sysCite(10, 12, [23])], references: [sysRef(12, 500, 599)] });
    expect(score(g, a).citations.counts).toEqual({ gold: 1, system: 1, foundGold: 1, correctSystem: 1 });
  });

  it('scores keys with nothing to resolve to as pairs found by an unresolved marker over them', () => {
    // "(Wang 2013; Lee 2016)" with no list: two keys, one system marker naming no number.
    const g = gold({ referenceList: null, references: [], citations: [goldCite(10, 30, [], ['Wang 2013', 'Lee 2016'])] });
    const a = analysis({ citations: [sysCite(10, 30, [], { style: 'author-year', label: 'Wang 2013; Lee 2016' })], references: [] });
    expect(score(g, a).citations.counts).toEqual({ gold: 2, system: 2, foundGold: 2, correctSystem: 2 });
  });

  it('reads author–year keys through the entries they resolve to', () => {
    const g = gold({
      referenceList: { scheme: 'author-year' },
      references: [goldRef('Lee 2016', 500, 560), goldRef('Smith 2017a', 560, 620)],
      citations: [goldCite(10, 31, ['Smith 2017a'])],
    });
    const a = analysis({ citations: [sysCite(10, 31, [2], { style: 'author-year', label: 'Smith et al., 2017a' })], references: [sysRef(1, 500, 560), sysRef(2, 560, 620, [0])] });
    const s = score(g, a);
    expect(s.citations.counts.foundGold).toBe(1);
    expect(s.references.counts.foundGold).toBe(2);
  });

  it('compares footnote entries by label', () => {
    const g = gold({ referenceList: { scheme: 'footnote' }, references: [goldRef('note', 500, 560)] });
    const a = analysis({ references: [sysRef(1, 500, 560, [], { label: 'note' })] });
    expect(score(g, a).references.counts.foundGold).toBe(1);
  });

  it('on a document with no reference list, counts references invented and markers reported as resolved', () => {
    const g = gold({ referenceList: null, citations: [goldCite(10, 13, [], [4])] });
    const a = analysis({ citations: [sysCite(10, 13, [4]), sysCite(40, 43, [5])], references: [sysRef(4, 900, 950, [0])] });
    const s = score(g, a);
    expect(s.citations.noList).toEqual({ invented: 1, resolved: 1 });
    expect(s.citations.counts).toEqual({ gold: 1, system: 2, foundGold: 0, correctSystem: 0 });
    expect(s.references.findings.map((f) => f.key)).toEqual(['entry invented (no reference list)']);
  });
});
