/** Items of a start-sorted list (entity mentions, citations) that overlap a span. */
import { partitionPoint } from '../sorted.js';
import type { Span } from '../types.js';

/** True when `a` and `b` share a character. */
function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Index of the first item that may overlap `span` (binary search); items from there on that start
 * before `span.end` are the candidates.
 */
export function firstInSpan(items: readonly Span[], span: Span): number {
  let lo = partitionPoint(items, (item) => item.end <= span.start);
  // Items sorted by start with no nesting have sorted ends too; step back over any that still overlap.
  while (lo > 0 && items[lo - 1]!.end > span.start) lo--;
  return lo;
}

/** Items of a start-sorted list that overlap `span`. */
export function inSpan<T extends Span>(items: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = firstInSpan(items, span); i < items.length && items[i]!.start < span.end; i++) if (overlaps(items[i]!, span)) out.push(items[i]!);
  return out;
}
