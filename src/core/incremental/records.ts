/**
 * Records table by table. A table's records depend on the table, its index and the entity mentions
 * and citations that overlap it (found by other stages, new objects each analysis): they are
 * remembered per table reading with those mentions and citations, compared by value relative to
 * the table on reuse.
 */
import { buildRecords, firstInSpan, inSpan, moveRecord, tableRecords, type RecordContext } from '../records/index.js';
import type { Citation, DataRecord, EntityMention, Span, Table } from '../types.js';
import type { IncrementalState } from './state.js';
import { tableReading } from './tables.js';

interface Remembered {
  /** The records where the table last sat, as the `index`-th table, starting at `at`. */
  records: readonly DataRecord[];
  index: number;
  at: number;
  /** The mentions and citations that overlapped the table when it started at `seenAt`. */
  readonly mentions: readonly EntityMention[];
  readonly citations: readonly Citation[];
  readonly seenAt: number;
}

/** Records by the table reading they were built from (a reading belongs to one document's memo). */
const recordsOf = new WeakMap<object, Remembered>();

/** The same records as `buildRecords(tables, context)`, building only those of changed tables. */
export function recordsByTable(tables: readonly Table[], context: RecordContext, state: IncrementalState | undefined): DataRecord[] {
  if (!state) return buildRecords(tables, context);
  const out: DataRecord[] = [];
  tables.forEach((table, index) => {
    for (const record of recordsOfTable(table, index, context)) out.push(record);
  });
  return out;
}

function recordsOfTable(table: Table, index: number, context: RecordContext): readonly DataRecord[] {
  const reading = tableReading(table);
  if (!reading) return tableRecords(table, index, context);
  const remembered = recordsOf.get(reading);
  const at = table.start;
  if (
    !remembered ||
    !sameInTable(context.entities, table, remembered.mentions, remembered.seenAt, sameMention) ||
    !sameInTable(context.citations, table, remembered.citations, remembered.seenAt, sameCitation)
  ) {
    const records = tableRecords(table, index, context);
    recordsOf.set(reading, { records, index, at, mentions: inSpan(context.entities, table), citations: inSpan(context.citations, table), seenAt: at });
    return records;
  }
  if (remembered.at !== at || remembered.index !== index) {
    const by = at - remembered.at;
    remembered.records = remembered.records.map((r) => moveRecord(r, by, index));
    remembered.at = at;
    remembered.index = index;
  }
  return remembered.records;
}

/**
 * True when the items (sorted by start) overlapping `table` now are, one for one, those seen when
 * it started at `thenAt`: at the same place relative to the table, and `alike`.
 */
function sameInTable<T extends Span>(items: readonly T[], table: Table, then: readonly T[], thenAt: number, alike: (now: T, old: T) => boolean): boolean {
  const by = table.start - thenAt;
  let j = 0;
  for (let i = firstInSpan(items, table); i < items.length; i++) {
    const now = items[i]!;
    if (now.start >= table.end) break;
    if (now.end <= table.start) continue;
    const old = then[j++];
    if (!old || now.start !== old.start + by || now.end !== old.end + by || !alike(now, old)) return false;
  }
  return j === then.length;
}

/** Mentions that read the same: kind, id and text. */
const sameMention = (now: EntityMention, old: EntityMention): boolean => now.kind === old.kind && now.id === old.id && now.text === old.text;
/** Citations that read the same: their numbers. */
const sameCitation = (now: Citation, old: Citation): boolean => sameNumbers(now.numbers, old.numbers);

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
