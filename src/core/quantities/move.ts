/** Moves the quantities found in a block to where the block now sits. */
import type { Quantity } from '../types.js';

/** A copy of `q` with its offsets moved by `by` (a quantity holds no other offsets; fields keep their order). */
export function moveQuantity(q: Quantity, by: number): Quantity {
  return { ...q, start: q.start + by, end: q.end + by };
}
