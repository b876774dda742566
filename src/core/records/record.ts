/** The one shape every record is built in, and moving a record to where its source now sits. */
import type { DataRecord, RecordEntityRef } from '../types.js';

/**
 * A record with the fields of `r`, built field by field in one order (so that every record has one
 * shape, and copies serialise alike).
 */
export function makeRecord(r: DataRecord): DataRecord {
  return {
    start: r.start,
    end: r.end,
    ligand: r.ligand,
    target: r.target,
    measure: r.measure,
    value: r.value,
    valueMax: r.valueMax,
    unit: r.unit,
    molar: r.molar,
    effect: r.effect,
    context: r.context,
    references: r.references,
    table: r.table,
    extra: r.extra,
    relation: r.relation,
    error: r.error,
    errorKind: r.errorKind,
    n: r.n,
    standardType: r.standardType,
    pValue: r.pValue,
    origin: r.origin,
    cell: r.cell,
  };
}

function moveRef(ref: RecordEntityRef | null, by: number): RecordEntityRef | null {
  return ref && { text: ref.text, id: ref.id, start: ref.start + by, end: ref.end + by };
}

/**
 * A copy of `record` with its offsets moved by `by`; a table record also takes the index `index`
 * of its table (records of prose and flattened tables keep `null`). Fields in the order of
 * {@link makeRecord}, written out: records after an edit are moved by the thousand.
 */
export function moveRecord(record: DataRecord, by: number, index: number | null = record.table): DataRecord {
  const cell = record.cell;
  return {
    start: record.start + by,
    end: record.end + by,
    ligand: moveRef(record.ligand, by),
    target: moveRef(record.target, by),
    measure: record.measure,
    value: record.value,
    valueMax: record.valueMax,
    unit: record.unit,
    molar: record.molar,
    effect: record.effect,
    context: record.context,
    references: record.references,
    table: record.table === null ? null : index,
    extra: record.extra,
    relation: record.relation,
    error: record.error,
    errorKind: record.errorKind,
    n: record.n,
    standardType: record.standardType,
    pValue: record.pValue,
    origin: record.origin,
    cell: cell && { start: cell.start + by, end: cell.end + by, text: cell.text },
  };
}
