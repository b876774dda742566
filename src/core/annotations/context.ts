/**
 * How well a stretch of text agrees with a stored one (a quote's prefix or suffix), from 0 to 1:
 * one minus the edit distance over the stored length. Hypothesis scores context the same way.
 */
import search from 'approx-string-match';

/** Similarity of `actual` to `expected`; 1 when equal, 0 when nothing is alike. */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  // The best alignment of the stored text inside the actual one; characters of `actual` outside
  // it cost nothing (the window has the stored length, so they are few).
  const [best] = search(actual, expected, expected.length);
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

/**
 * Agreement of the text around `[start, end)` with the stored prefix and suffix. An empty stored
 * prefix means the passage began the document: it agrees only with a passage that still does.
 */
export function contextScores(text: string, start: number, end: number, prefix: string, suffix: string): { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return {
    prefix: prefix.length === 0 ? (start === 0 ? 1 : 0.5) : similarity(before, prefix),
    suffix: suffix.length === 0 ? (end === text.length ? 1 : 0.5) : similarity(after, suffix),
  };
}
