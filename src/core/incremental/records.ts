/**
 * Records table by table and block by block. A table's records depend on the table, its index and
 * the entity mentions and citations that overlap it (found by other stages, new objects each
 * analysis): they are remembered per table reading with those mentions and citations, compared by
 * value relative to the table on reuse. A block's records (prose, flattened tables) depend on the
 * block's text and the mentions and citations inside it: remembered by the block's key with them.
 */
import type { ParsedDocument } from '../parse/index.js';
import {
  blockRecords,
  findRecords,
  firstInSpan,
  inSpan,
  mergeRecords,
  moveRecord,
  readsBlock,
  subjectMention,
  tableCover,
  tableRecords,
  withMolarMasses,
  type RecordContext,
} from '../records/index.js';
import type { Citation, DataRecord, EntityMention, Span, Table } from '../types.js';
import { blockKeys } from './blocks.js';
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
  /** The document's subject ligand the records were built with (its id, or null), and where it was when a record took it. */
  readonly subject: string | null;
  readonly subjectAt: string | null;
}

/** Records by the table reading they were built from (a reading belongs to one document's memo). */
const recordsOf = new WeakMap<object, Remembered>();

/** The same records as `findRecords(doc, tables, context)`, building only those of changed tables and blocks. */
export function recordsByTable(doc: ParsedDocument, tables: readonly Table[], context: RecordContext, state: IncrementalState | undefined): DataRecord[] {
  if (!state) return findRecords(doc, tables, context);
  const out: DataRecord[] = [];
  const mention = subjectMention(context.entities);
  const withSubject = { ...context, subject: mention && { text: mention.text, id: mention.id, start: mention.start, end: mention.end } };
  tables.forEach((table, index) => {
    for (const record of recordsOfTable(table, index, withSubject)) out.push(record);
  });
  // Molar masses the document gives anywhere make its mass concentrations molar (a cheap pass, only when some need one).
  return withMolarMasses(mergeRecords(out, recordsByBlock(doc, tables, context, state, mention)), doc, tables, context.entities);
}

/** A block's records where it last sat (`at`), with the mentions and citations inside it when it sat at `seenAt`. */
interface BlockRemembered {
  records: readonly DataRecord[];
  at: number;
  readonly mentions: readonly EntityMention[];
  readonly citations: readonly Citation[];
  readonly seenAt: number;
  /** The subject ligand the records were built with (`id@start`), or null. */
  readonly subject: string | null;
}

/** The records of the blocks outside tables, each block's remembered by its key while its mentions and citations read the same. */
function recordsByBlock(doc: ParsedDocument, tables: readonly Table[], context: RecordContext, state: IncrementalState, subject: EntityMention | null): DataRecord[] {
  const memo = state.memo<BlockRemembered>('block-records');
  const keys = blockKeys(doc);
  const inTable = tableCover(tables);
  const subjectKey = subject ? `${subject.id}@${subject.start}` : null;
  const out: DataRecord[] = [];
  doc.blocks.forEach((block, b) => {
    if (!readsBlock(block, context.entities, inTable, doc.origins?.[b], subject)) return;
    const key = keys[b]!;
    let remembered = memo.get(key);
    if (
      !remembered ||
      remembered.subject !== subjectKey ||
      !sameInTable(context.entities, block, remembered.mentions, remembered.seenAt, sameMention) ||
      !sameInTable(context.citations, block, remembered.citations, remembered.seenAt, sameCitation)
    ) {
      const records = blockRecords(block, context.entities, context.citations, subject);
      remembered = { records, at: block.start, mentions: inSpan(context.entities, block), citations: inSpan(context.citations, block), seenAt: block.start, subject: subjectKey };
      memo.set(key, remembered);
    } else if (remembered.at !== block.start) {
      const by = block.start - remembered.at;
      remembered.records = remembered.records.map((r) => moveRecord(r, by));
      remembered.at = block.start;
    }
    for (const r of remembered.records) out.push(r);
  });
  return out;
}

/** Where a table's records read mentions: the table, the lead above it and a caption or note under it. */
function readSpan(table: Table): Span {
  const start = Math.min(table.start, table.lead?.start ?? table.start);
  const end = Math.max(table.end, table.captionEnd ?? table.end, table.note?.end ?? table.end);
  return { start, end };
}

function recordsOfTable(table: Table, index: number, context: RecordContext): readonly DataRecord[] {
  const reading = tableReading(table);
  if (!reading) return tableRecords(table, index, context);
  const remembered = recordsOf.get(reading);
  const at = table.start;
  const span = readSpan(table);
  // Offsets compare relative to the table's start (`seenAt`), which moves with the span.
  const relative = { start: at, end: span.end };
  const subject = context.subject?.id ?? null;
  const subjectAt = context.subject ? `${context.subject.start}:${context.subject.end}` : null;
  if (
    !remembered ||
    remembered.subject !== subject ||
    // A record that took the subject points at its mention elsewhere: it cannot move with the table.
    (remembered.subjectAt !== null && (remembered.subjectAt !== subjectAt || remembered.at !== at)) ||
    !sameInSpan(context.entities, span, at, remembered.mentions, remembered.seenAt, sameMention) ||
    !sameInSpan(context.citations, relative, at, remembered.citations, remembered.seenAt, sameCitation)
  ) {
    const records = tableRecords(table, index, context);
    // Where the subject is named matters only to records that took it as their ligand.
    const took = context.subject ? records.some((r) => r.ligand === context.subject) : false;
    recordsOf.set(reading, { records, index, at, mentions: inSpan(context.entities, span), citations: inSpan(context.citations, relative), seenAt: at, subject, subjectAt: took ? subjectAt : null });
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

/** {@link sameInTable} over any span, offsets compared relative to `at` (now) and `thenAt` (then). */
function sameInSpan<T extends Span>(items: readonly T[], span: Span, at: number, then: readonly T[], thenAt: number, alike: (now: T, old: T) => boolean): boolean {
  const by = at - thenAt;
  let j = 0;
  for (let i = firstInSpan(items, span); i < items.length; i++) {
    const now = items[i]!;
    if (now.start >= span.end) break;
    if (now.end <= span.start) continue;
    const old = then[j++];
    if (!old || now.start !== old.start + by || now.end !== old.end + by || !alike(now, old)) return false;
  }
  return j === then.length;
}

/**
 * True when the items (sorted by start) overlapping `table` now are, one for one, those seen when
 * it started at `thenAt`: at the same place relative to the table, and `alike`.
 */
function sameInTable<T extends Span>(items: readonly T[], table: Span, then: readonly T[], thenAt: number, alike: (now: T, old: T) => boolean): boolean {
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

/** Mentions that read the same: kind, id and text (the very object, for a block that did not move). */
const sameMention = (now: EntityMention, old: EntityMention): boolean => now === old || (now.kind === old.kind && now.id === old.id && now.text === old.text);
/** Citations that read the same: their numbers. */
const sameCitation = (now: Citation, old: Citation): boolean => now === old || sameNumbers(now.numbers, old.numbers);

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
