/** Moves a record to where its table now sits, as the `index`-th table of the document. */
import type { DataRecord, RecordEntityRef } from '../types.js';

function moveRef(ref: RecordEntityRef | null, by: number): RecordEntityRef | null {
  return ref && { text: ref.text, id: ref.id, start: ref.start + by, end: ref.end + by };
}

/**
 * A copy of `record` with its offsets moved by `by` and its table index set to `index`. Fields
 * are listed in the order `rowRecord` builds them, so that the copy serialises the same.
 */
export function moveRecord(record: DataRecord, by: number, index: number): DataRecord {
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
    table: index,
    extra: record.extra,
  };
}
