/** Quantities found block by block, each block's findings remembered by its content. */
import type { ParsedDocument } from '../parse/index.js';
import { findQuantities, moveQuantity } from '../quantities/index.js';
import type { Quantity } from '../types.js';
import { perBlock, singleBlock, type Remembered } from './blocks.js';
import type { IncrementalState } from './state.js';

/** The same quantities as `findQuantities(doc)`, reading only the blocks not seen before. */
export function quantitiesByBlock(doc: ParsedDocument, state: IncrementalState | undefined): Quantity[] {
  const all = perBlock(doc, (block) => findQuantities(singleBlock(doc, block)), moveQuantity, state?.memo<Remembered<Quantity>>('quantities'));
  // findQuantities drops a quantity that overlaps the one before it, across blocks too.
  const out: Quantity[] = [];
  for (const q of all) {
    const previous = out[out.length - 1];
    if (!previous || previous.end <= q.start) out.push(q);
  }
  return out;
}
