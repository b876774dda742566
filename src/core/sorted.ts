/** Binary searches over sorted arrays: spans by start, offsets ascending. */
import type { Span } from './types.js';

/**
 * The first index of `items` for which `before` is false, where `before` holds for a prefix of
 * the items and for none after it (the partition point).
 */
export function partitionPoint<T>(items: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
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
