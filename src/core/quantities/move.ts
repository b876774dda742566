/** Moves the quantities found in a block to where the block now sits. */
import type { Quantity } from '../types.js';
import { quantityAt } from './quantity.js';

/** A copy of `q` with its offsets moved by `by`. */
export function moveQuantity(q: Quantity, by: number): Quantity {
  return quantityAt(q.start + by, q.end + by, q.text, q);
}
