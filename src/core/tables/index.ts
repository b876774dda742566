/** Tables of the document: GFM pipe tables, tab-separated tables, HTML tables, continued rows. */
import type { ParsedDocument } from '../parse/index.js';
import type { Table } from '../types.js';

// STUB (owner: core-tables helper)
export function findTables(_doc: ParsedDocument): Table[] {
  return [];
}
