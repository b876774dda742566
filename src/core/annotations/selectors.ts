/** Builds an annotation's selectors from the text it marks. */
import type { AnnotationTarget } from './model.js';

/** Characters of context kept on each side of the quote (as Hypothesis does). */
export const contextLength = 32;

/** The quote and position selectors of `text[start, end)`. */
export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`not a non-empty range of the text: [${start}, ${end}) of ${text.length}`);
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { start, end },
  };
}
