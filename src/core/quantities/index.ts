/** Numbers with units, errors, ranges and measures (IC50, Ki, …). */
import type { ParsedDocument } from '../parse/index.js';
import type { Quantity } from '../types.js';

// STUB (owner: core-tables helper)
export function findQuantities(_doc: ParsedDocument): Quantity[] {
  return [];
}
