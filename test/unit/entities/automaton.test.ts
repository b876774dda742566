import { readFileSync } from 'node:fs';
import { AhoCorasick } from '@monyone/aho-corasick';
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../../src/core/entities/automaton.js';
import { builtinLexicon, compile } from '../../../src/core/entities/lexicon.js';
import { matchText, patternText } from '../../../src/core/entities/normalize.js';

describe('the automaton the recogniser matches with', () => {
  it('finds the matches of the package it builds on, in the same order, where keywords overlap and nest', () => {
    const keywords = ['he', 'she', 'his', 'hers', 'a', 'ab', 'bab', 'abc', 'b', 'c'];
    for (const text of ['ushers', 'abababc', 'hishershe', '', 'xyz', 'cab', 'she sells abc']) {
      expect(new Automaton(keywords).matchInText(text), text).toEqual(new AhoCorasick(keywords).matchInText(text));
    }
    expect(new Automaton(['he', 'she', 'hers']).matchInText('ushers')).toEqual([
      { begin: 1, end: 4, keyword: 'she' },
      { begin: 2, end: 4, keyword: 'he' },
      { begin: 2, end: 6, keyword: 'hers' },
    ]);
  });

  it("finds the package's matches of the built-in lexicon's spellings in a real document's folded text", () => {
    const keys = [...compile(builtinLexicon()).keys.keys()];
    const folded = matchText(patternText(readFileSync('seeds/sigma1-receptor-nmda-ion-channels.md', 'utf8')), true);
    const ours = new Automaton(keys).matchInText(folded);
    expect(ours.length).toBeGreaterThan(100);
    expect(ours).toEqual(new AhoCorasick(keys).matchInText(folded));
  });
});
