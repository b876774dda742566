/**
 * The lexicon's automaton answers exactly as @monyone/aho-corasick, the library it replaces: the
 * same matches in the same order, on the built-in lexicon's keys over every corpus document and the
 * sample guide, and on keys that share prefixes and suffixes.
 */
import { AhoCorasick } from '@monyone/aho-corasick';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinLexicon } from '../../../src/core/entities/index.js';
import { compile } from '../../../src/core/entities/lexicon.js';
import { Automaton } from '../../../src/core/entities/automaton.js';
import { matchText } from '../../../src/core/entities/normalize.js';
import { root } from '../robustness/corpus.js';

const plain = (matches: readonly { begin: number; end: number; keyword: string }[]) => matches.map((m) => `${m.begin}:${m.end}:${m.keyword}`);

describe('the lexicon automaton', () => {
  test('finds overlapping keywords by end, the longest first at one end, as the library does', () => {
    const keys = ['he', 'she', 'his', 'hers', 'h', 'e'];
    const text = 'ushers his shes';
    expect(plain(new Automaton(keys).matchInText(text))).toEqual(plain(new AhoCorasick(keys).matchInText(text)));
    expect(plain(new Automaton(keys).matchInText('ushers')).slice(0, 5)).toEqual(['2:3:h', '1:4:she', '2:4:he', '3:4:e', '2:6:hers']);
  });

  test("matches the library on the built-in lexicon's keys over every corpus document and the sample guide", () => {
    const keys = [...compile(builtinLexicon()).keys.keys()];
    const ours = new Automaton(keys);
    const theirs = new AhoCorasick(keys);
    const dir = path.join(root, 'test/corpus/docs');
    const files = [...readdirSync(dir).map((f) => path.join(dir, f)), path.join(root, 'seeds/sigma1-receptor-nmda-ion-channels.md')];
    let total = 0;
    for (const file of files) {
      const text = matchText(readFileSync(file, 'utf8'), true);
      const expected = plain(theirs.matchInText(text));
      expect(plain(ours.matchInText(text)), file).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(10_000);
  });

  test('matches nothing in an empty text, and skips the empty keyword', () => {
    expect(new Automaton(['a', '']).matchInText('')).toEqual([]);
    expect(plain(new Automaton(['', 'ab']).matchInText('xab'))).toEqual(['1:3:ab']);
  });
});
