/** Records, with what their building may remember between versions. */
import { buildRecords, type RecordContext } from '../records/index.js';
import type { DataRecord, Table } from '../types.js';
import type { IncrementalState } from './state.js';

/** The same records as `buildRecords(tables, context)`. */
export function recordsByTable(tables: readonly Table[], context: RecordContext, _state: IncrementalState | undefined): DataRecord[] {
  return buildRecords(tables, context);
}
