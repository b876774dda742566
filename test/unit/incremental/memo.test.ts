/** The memo behind incremental analysis: it keeps what analyses use and forgets the rest. */
import { describe, expect, test } from 'vitest';
import { TextMemo } from '../../../src/core/incremental/memo.js';

/** One "analysis" that uses `keys` (remembering a missing key as its length). */
function analyse(memo: TextMemo<number>, keys: readonly string[]): number {
  let misses = 0;
  for (const key of keys) {
    if (memo.get(key) === undefined) {
      misses++;
      memo.set(key, key.length);
    }
  }
  memo.sweep();
  return misses;
}

const paragraphs = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `paragraph ${from + i}`);

describe('TextMemo', () => {
  test('a second analysis of the same blocks finds every one remembered', () => {
    const memo = new TextMemo<number>();
    expect(analyse(memo, paragraphs(0, 500))).toBe(500);
    expect(analyse(memo, paragraphs(0, 500))).toBe(0);
    expect(memo.get('paragraph 7')).toBe('paragraph 7'.length);
  });

  test('forgets the blocks analyses stopped using once they outnumber the used ones', () => {
    const memo = new TextMemo<number>();
    analyse(memo, paragraphs(0, 500));
    analyse(memo, paragraphs(500, 700));
    // 500 unused against 200 used (+64 slack): the unused ones go.
    expect(memo.size).toBe(200);
    expect(analyse(memo, paragraphs(0, 10))).toBe(10);
  });

  test('keeps a few unused blocks around (an edit undone finds its old block again)', () => {
    const memo = new TextMemo<number>();
    analyse(memo, paragraphs(0, 500));
    analyse(memo, [...paragraphs(0, 499), 'paragraph 499, edited']);
    expect(analyse(memo, paragraphs(0, 500))).toBe(0);
  });

  test('a new context empties it; the same context keeps it', () => {
    const memo = new TextMemo<number>();
    memo.useContext('references 1–20');
    analyse(memo, paragraphs(0, 5));
    memo.useContext('references 1–20');
    expect(memo.size).toBe(5);
    memo.useContext('references 1–21');
    expect(memo.size).toBe(0);
  });
});
