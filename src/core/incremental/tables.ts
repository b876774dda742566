/** Tables, with what their reading may remember between versions. */
import type { ParsedDocument } from '../parse/index.js';
import { findTables } from '../tables/index.js';
import type { Table } from '../types.js';
import type { IncrementalState } from './state.js';

/** The same tables as `findTables(doc)`. */
export function tablesByBlock(doc: ParsedDocument, _state: IncrementalState | undefined): Table[] {
  return findTables(doc);
}
