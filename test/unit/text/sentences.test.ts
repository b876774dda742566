import { describe, expect, test } from 'vitest';
import { endsAbbreviation, isSentenceEnd } from '../../../src/core/text/sentences.js';

/** Offsets of the sentence ends of `text`. */
function ends(text: string): number[] {
  return [...text].flatMap((_, i) => (isSentenceEnd(text, i) ? [i] : []));
}

describe('sentence ends', () => {
  test('a full stop, question or exclamation mark before white space ends a sentence', () => {
    expect(ends('It binds. Does it block? Yes! 3.5 μM')).toEqual([8, 23, 28]);
  });

  test('the full stops of "et al.", "e.g." and "Fig." do not', () => {
    const text = 'Smith et al. showed it (e.g. in Fig. 2). It held.';
    expect(ends(text)).toEqual([text.indexOf('2).') + 2, text.length - 1]);
    expect(endsAbbreviation(text, text.indexOf('al.') + 2)).toBe(true);
  });

  test('a sentence ending in a word that merely contains an abbreviation still ends', () => {
    expect(ends('It was tested in vivo. Then again.')).toEqual([21, 33]);
    expect(ends('Block lasted 10 min. Recovery was full.')).toEqual([19, 38]);
  });
});
