/** Binary searches over sorted arrays: spans by start, offsets ascending. */
import type { PlainText } from './parse/document.js';
import type { Span } from './types.js';

/**
 * The first index of `items` for which `before` is false, where `before` holds for a prefix of
 * the items and for none after it (the partition point); only the first `end` items are searched.
 */
export function partitionPoint<T>(items: ArrayLike<T>, before: (item: T) => boolean, end = items.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span of `spans` (sorted, disjoint) that holds offset `at`, end excluded. */
export function spanHolding<T extends Span>(spans: readonly T[], at: number): T | undefined {
  const i = partitionPoint(spans, (s) => s.end <= at);
  const s = spans[i];
  return s && s.start <= at ? s : undefined;
}

/** The index of the first character of `plain` that comes from source offset `at` or later (its length when none does). */
export function plainIndex(plain: PlainText, at: number): number {
  // The offsets have one more entry than the text (its end): characters only are searched.
  return partitionPoint(plain.offsets, (offset) => offset < at, plain.text.length);
}
