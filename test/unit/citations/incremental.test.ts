/**
 * What a paragraph's remembered citation markers depend on besides its own text: the reference
 * list (its numbers, footnote labels and author–year entries), whether the paragraph holds entries,
 * and, for author–year lists, the names just before it. Each edit below changes only another
 * block; re-analysis must still give exactly what a cold analysis gives.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import type { Analysis } from '../../../src/core/types.js';
import { readDocument } from '../analyze/golden.js';

/** Analyses `before`, then `after` with the same cache, checks it against a cold analysis and returns it. */
function reanalyse(before: string, after: string): Analysis {
  const cache = new ChunkCache();
  analyze(before, { cache });
  const incremental = analyze(after, { cache });
  expect(JSON.stringify(incremental)).toBe(JSON.stringify(analyze(after)));
  return incremental;
}

const markers = (a: Analysis): [string, readonly number[]][] => a.citations.map((c) => [c.text, c.numbers]);

describe('remembered citation markers', () => {
  it('drop a footnote marker whose definition was renamed elsewhere', () => {
    const before = readDocument('footnotes-gfm.md');
    const after = before.replace('[^note]: Moreno', '[^notes]: Moreno');
    expect(markers(analyze(before))).toContainEqual(['[^note]', [3]]);
    expect(markers(reanalyse(before, after)).map(([text]) => text)).toEqual(['[^1]', '[^2]', '[^1]', '[^1]', '[^2]']);
  });

  it('follow a paragraph that stops holding reference entries when its heading changes', () => {
    const before = [
      '# D3 receptor ligands',
      '',
      'Binding was high [1] and selective [2].',
      '',
      '## References',
      '',
      '[1] Smith J, Brown K. Dopamine D3 receptor ligands [2]. J Med Chem. 2012;55(3):1020-35.',
      '',
    ].join('\n');
    const after = before.replace('## References', '## Appendix');
    expect(markers(analyze(before))).toEqual([['[1]', [1]], ['[2]', [2]]]);
    const moved = reanalyse(before, after);
    expect(moved.references).toEqual([]);
    expect(markers(moved)).toEqual([['[1]', [1]], ['[2]', [2]], ['[1]', [1]], ['[2]', [2]]]);
    expect(markers(reanalyse(after, before))).toEqual([['[1]', [1]], ['[2]', [2]]]);
  });

  it('follow the reference list to another unchanged paragraph with the same entry numbers', () => {
    const before = [
      '# D3 receptor ligands',
      '',
      'Binding was high [1] and selective [2].',
      '',
      '## References',
      '',
      '[1] Smith J, Brown K. Dopamine D3 receptor ligands. J Med Chem. 2012;55(3):1020-35.',
      '[2] Garcia M, Chen L. Radioligand binding to D3 receptors. Br J Pharmacol. 2015;172(2):455-67.',
      '',
      '## Notes',
      '',
      '[1] Okafor N, Patel R. Partial agonism at D3 receptors. Mol Pharmacol. 2016;89:12-24.',
      '[2] Weber A, Rossi F. Functional selectivity of D3 ligands in vivo. Neuropharmacology. 2018;135:1-10.',
      '',
    ].join('\n');
    const after = before.replace('## Notes', '## Remarks');
    const cited = (a: Analysis): [number, string][] => a.citations.map((c) => [c.start, c.text]);
    const body: [number, string][] = [[before.indexOf('[1]'), '[1]'], [before.indexOf('[2]'), '[2]']];
    expect(cited(analyze(before))).toEqual([...body, [before.indexOf('[1] Smith'), '[1]'], [before.indexOf('[2] Garcia'), '[2]']]);
    const moved = reanalyse(before, after);
    expect(moved.references.map((r) => r.title)).toEqual(['Dopamine D3 receptor ligands', 'Radioligand binding to D3 receptors']);
    expect(cited(moved)).toEqual([...body, [after.indexOf('[1] Okafor'), '[1]'], [after.indexOf('[2] Weber'), '[2]']]);
  });

  it('renumber author–year markers in an unchanged paragraph when an entry is removed', () => {
    const before = readDocument('author-year.md');
    const after = before.replace(/Jones, A\., & Lee, K\. \(2015a\)[^\n]*\n\n/, '');
    expect(markers(analyze(before))[0]).toEqual(['(Smith et al., 2017)', [5]]);
    expect(markers(reanalyse(before, after))[0]).toEqual(['(Smith et al., 2017)', [4]]);
  });

  it('read the names before a paragraph that opens with a year in parentheses', () => {
    const before = readDocument('author-year.md').replace(
      'Sample sizes were small',
      'Clinical data came from Lee\n\n(2016). Sample sizes were small',
    );
    const after = before.replace('came from Lee\n', 'came from Kim\n');
    expect(markers(analyze(before))).toContainEqual(['Lee\n\n(2016)', [2]]);
    expect(markers(reanalyse(before, after)).map(([text]) => text)).not.toContain('Lee\n\n(2016)');
    expect(markers(reanalyse(after, before))).toContainEqual(['Lee\n\n(2016)', [2]]);
  });
});
