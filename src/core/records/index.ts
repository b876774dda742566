/** Quantitative records: one per table row. */
import type { Citation, DataRecord, EntityMention, Quantity, Table } from '../types.js';

export interface RecordContext {
  readonly entities: readonly EntityMention[];
  readonly citations: readonly Citation[];
  readonly quantities: readonly Quantity[];
}

// STUB (owner: core-tables helper)
export function buildRecords(_tables: readonly Table[], _context: RecordContext): DataRecord[] {
  return [];
}
