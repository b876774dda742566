/** Moves the citations found in a block to where the block now sits. */
import type { Citation } from '../types.js';

/**
 * A copy of `c` with its offsets moved by `by`. Fields are listed in the order the scanner builds
 * them, so that the copy serialises the same; `numbers` holds no offset and is shared.
 */
export function moveCitation(c: Citation, by: number): Citation {
  const moved = {
    start: c.start + by,
    end: c.end + by,
    text: c.text,
    numbers: c.numbers,
    parts: c.parts.map((p) => ({ number: p.number, start: p.start + by, end: p.end + by })),
    style: c.style,
  };
  return c.label === undefined ? moved : { ...moved, label: c.label };
}
