import { AhoCorasick } from '@monyone/aho-corasick';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeyAutomaton } from '../../../src/core/entities/automaton.js';
import { builtinLexicon } from '../../../src/core/entities/index.js';
import { compile } from '../../../src/core/entities/lexicon.js';
import { matchText, patternText } from '../../../src/core/entities/normalize.js';

const sample = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const keys = [...compile(builtinLexicon()).keys.keys()];

describe('the lexicon automaton', () => {
  it('finds what @monyone/aho-corasick finds, in the same order, over the built-in spellings', () => {
    const folded = matchText(patternText(sample), true);
    const ours = new KeyAutomaton(keys).matchInText(folded);
    expect(ours).toEqual(new AhoCorasick(keys).matchInText(folded));
    expect(ours.length).toBeGreaterThan(0);
  });

  it('reports overlapping keywords by end offset, the longest first', () => {
    expect(new KeyAutomaton(['he', 'she', 'his', 'hers']).matchInText('ushers')).toEqual([
      { begin: 1, end: 4, keyword: 'she' },
      { begin: 2, end: 4, keyword: 'he' },
      { begin: 2, end: 6, keyword: 'hers' },
    ]);
  });

  it('matches code units beyond Latin (μ, Greek letters) and finds nothing with no keywords', () => {
    expect(new KeyAutomaton(['μm', 'α1']).matchInText('5 μm α1')).toEqual([
      { begin: 2, end: 4, keyword: 'μm' },
      { begin: 5, end: 7, keyword: 'α1' },
    ]);
    expect(new KeyAutomaton([]).matchInText('anything')).toEqual([]);
  });
});
