/** Offsets to (line, character), for a summary that must locate things without its text. */
import type { Located } from './types.js';

/** Offsets where each line starts (after `\n`; `\r\n` ends a line at its `\n` too). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A locator over one text: `locate(start, end)` gives the span with its line and character. */
export function locator(text: string): (start: number, end: number) => Located {
  const starts = lineStarts(text);
  return (start, end) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    return { start, end, line: lo, character: start - starts[lo]! };
  };
}
