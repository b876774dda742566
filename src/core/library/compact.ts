/**
 * A document's summary as the library keeps it: columns of numbers in typed arrays and one table
 * of the document's strings, instead of an object per entity, record and reference. A library of
 * 10,000 papers holds millions of these rows; as objects they cost several times their content
 * in headers, boxed numbers and pointers (and the garbage collector walks every one of them).
 * The worker builds it (off the extension host's thread), it crosses to the host as a few typed
 * arrays, and it is what the store persists. {@link expandSummary} gives back the summary it was
 * made from.
 */
import type { EntityIdentifiers, EntityKind, RecordOrigin, RecordRelation } from '../types.js';
import { SUMMARY_FORMAT, type DocumentSummary, type Located, type SummaryCounts, type SummaryEntity, type SummaryRecord, type SummaryRecordEntity, type SummaryReference } from './types.js';

/** Ints per entity: id, kind, name, class, identifiers (string indices), mentions, records, first start, end, line, character. */
export const ENTITY_STRIDE = 11;
/** Ints per ligand or target of a record: id, name, text (string indices). */
export const PARTY_STRIDE = 3;
/** Ints per record: start, end, line, character, ligand, target (party indices), measure, standardType, relation, unit, context, origin (string indices), first reference, reference count. */
export const RECORD_STRIDE = 14;
/** Numbers per record: value, valueMax, molar, pValue, error, n (NaN for none). */
export const NUMBER_STRIDE = 6;
/** Ints per reference entry: start, end, line, character, number, firstAuthor, title, container, doi, pmid, pmcid (string indices). */
export const REFERENCE_STRIDE = 11;

/** No string, no party: -1 in an index column. */
const NONE = -1;

export interface CompactSummary {
  readonly format: typeof SUMMARY_FORMAT;
  readonly title: string | null;
  readonly length: number;
  readonly counts: SummaryCounts;
  /** The document's distinct strings; identifiers are kept as their JSON. Shared with the library's pool once added. */
  readonly strings: string[];
  readonly entities: Int32Array;
  readonly parties: Int32Array;
  readonly records: Int32Array;
  readonly numbers: Float64Array;
  /** The reference numbers of every record, one after the other (see the record's first reference and count). */
  readonly recordReferences: Int32Array;
  readonly references: Int32Array;
  /** Per reference entry: its year (NaN for none). */
  readonly years: Float64Array;
}

export function isCompact(s: DocumentSummary | CompactSummary): s is CompactSummary {
  return s.entities instanceof Int32Array;
}

/** The compact form of a summary. */
export function compactSummary(summary: DocumentSummary): CompactSummary {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const str = (s: string | null): number => {
    if (s === null) return NONE;
    let i = indexOf.get(s);
    if (i === undefined) {
      indexOf.set(s, (i = strings.length));
      strings.push(s);
    }
    return i;
  };
  const entities = new Int32Array(summary.entities.length * ENTITY_STRIDE);
  summary.entities.forEach((e, i) => {
    entities.set([str(e.id), str(e.kind), str(e.name), str(e.class), str(JSON.stringify(e.identifiers)), e.mentions, e.records, e.first.start, e.first.end, e.first.line, e.first.character], i * ENTITY_STRIDE);
  });
  const partyOf = new Map<string, number>();
  const partyInts: number[] = [];
  const party = (p: SummaryRecordEntity | null): number => {
    if (p === null) return NONE;
    const ints = [str(p.id), str(p.name), str(p.text)];
    const key = ints.join(',');
    let i = partyOf.get(key);
    if (i === undefined) {
      partyOf.set(key, (i = partyInts.length / PARTY_STRIDE));
      partyInts.push(...ints);
    }
    return i;
  };
  const records = new Int32Array(summary.records.length * RECORD_STRIDE);
  const numbers = new Float64Array(summary.records.length * NUMBER_STRIDE);
  const referenceNumbers: number[] = [];
  const num = (v: number | null) => (v === null ? NaN : v);
  summary.records.forEach((r, i) => {
    records.set(
      [r.start, r.end, r.line, r.character, party(r.ligand), party(r.target), str(r.measure), str(r.standardType), str(r.relation), str(r.unit), str(r.context), str(r.origin), referenceNumbers.length, r.references.length],
      i * RECORD_STRIDE,
    );
    numbers.set([num(r.value), num(r.valueMax), num(r.molar), num(r.pValue), num(r.error), num(r.n)], i * NUMBER_STRIDE);
    referenceNumbers.push(...r.references);
  });
  const references = new Int32Array(summary.references.length * REFERENCE_STRIDE);
  const years = new Float64Array(summary.references.length);
  summary.references.forEach((r, i) => {
    references.set([r.start, r.end, r.line, r.character, r.number, str(r.firstAuthor), str(r.title), str(r.container), str(r.doi), str(r.pmid), str(r.pmcid)], i * REFERENCE_STRIDE);
    years[i] = num(r.year);
  });
  return {
    format: SUMMARY_FORMAT,
    title: summary.title,
    length: summary.length,
    counts: { ...summary.counts },
    strings,
    entities,
    parties: Int32Array.from(partyInts),
    records,
    numbers,
    recordReferences: Int32Array.from(referenceNumbers),
    references,
    years,
  };
}

/** Longer strings (titles, long contexts) are rarely repeated: not worth a table entry. */
const MAX_SHARED_LENGTH = 80;

/** The strings and identifier objects the documents of one library share. */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly identifiers = new Map<string, EntityIdentifiers>();

  get size(): number {
    return this.strings.size;
  }

  share<T extends string | null>(s: T): T {
    if (s === null || s.length > MAX_SHARED_LENGTH) return s;
    const kept = this.strings.get(s);
    if (kept !== undefined) return kept as T;
    this.strings.set(s, s);
    return s;
  }

  /** The identifiers written as `json`, one object per distinct JSON. */
  identifiersOf(json: string): EntityIdentifiers {
    let kept = this.identifiers.get(json);
    if (!kept) this.identifiers.set(json, (kept = JSON.parse(json) as EntityIdentifiers));
    return kept;
  }

  /** Replaces the summary's strings by the pool's equal ones (in place: the summary is the library's from now on). */
  adopt(summary: CompactSummary): void {
    const { strings, entities } = summary;
    for (let i = 0; i < strings.length; i++) strings[i] = this.share(strings[i]!);
    // Identifiers are long but the same in every document naming the entity: shared whatever their length.
    for (let at = 4; at < entities.length; at += ENTITY_STRIDE) {
      const json = strings[entities[at]!]!;
      let kept = this.strings.get(json);
      if (kept === undefined) this.strings.set(json, (kept = json));
      strings[entities[at]!] = kept;
    }
  }
}

const text = (c: CompactSummary, i: number): string | null => (i === NONE ? null : c.strings[i]!);
const numberAt = (c: CompactSummary, i: number): number | null => {
  const v = c.numbers[i]!;
  return Number.isNaN(v) ? null : v;
};

/** Entity `i` of a compact summary. */
export function entityAt(c: CompactSummary, i: number, identifiersOf: (json: string) => EntityIdentifiers = (json) => JSON.parse(json) as EntityIdentifiers): SummaryEntity {
  const e = c.entities;
  const at = i * ENTITY_STRIDE;
  return {
    id: c.strings[e[at]!]!,
    kind: c.strings[e[at + 1]!]! as EntityKind,
    name: c.strings[e[at + 2]!]!,
    class: text(c, e[at + 3]!),
    identifiers: identifiersOf(c.strings[e[at + 4]!]!),
    mentions: e[at + 5]!,
    records: e[at + 6]!,
    first: { start: e[at + 7]!, end: e[at + 8]!, line: e[at + 9]!, character: e[at + 10]! },
  };
}

export const entityCount = (c: CompactSummary): number => c.entities.length / ENTITY_STRIDE;
export const recordCount = (c: CompactSummary): number => c.records.length / RECORD_STRIDE;
export const referenceCount = (c: CompactSummary): number => c.references.length / REFERENCE_STRIDE;
/** Entity `i`'s id, without building the entity. */
export const entityIdAt = (c: CompactSummary, i: number): string => c.strings[c.entities[i * ENTITY_STRIDE]!]!;
/** Entity `i`'s mentions and records in this document. */
export const entityMentionsAt = (c: CompactSummary, i: number): number => c.entities[i * ENTITY_STRIDE + 5]!;
export const entityRecordsAt = (c: CompactSummary, i: number): number => c.entities[i * ENTITY_STRIDE + 6]!;
export function entityFirstAt(c: CompactSummary, i: number): Located {
  const at = i * ENTITY_STRIDE;
  return { start: c.entities[at + 7]!, end: c.entities[at + 8]!, line: c.entities[at + 9]!, character: c.entities[at + 10]! };
}

/** The ligands and targets of a summary's records, one object each (records naming the same one share it). */
export function partiesOf(c: CompactSummary): SummaryRecordEntity[] {
  const out: SummaryRecordEntity[] = [];
  for (let at = 0; at < c.parties.length; at += PARTY_STRIDE) out.push({ id: text(c, c.parties[at]!), name: c.strings[c.parties[at + 1]!]!, text: c.strings[c.parties[at + 2]!]! });
  return out;
}

/** Record `i`, its ligand and target taken from `parties` (see {@link partiesOf}). */
export function recordAt(c: CompactSummary, i: number, parties: readonly SummaryRecordEntity[]): SummaryRecord {
  const r = c.records;
  const at = i * RECORD_STRIDE;
  const n = i * NUMBER_STRIDE;
  const first = r[at + 12]!;
  return {
    start: r[at]!,
    end: r[at + 1]!,
    line: r[at + 2]!,
    character: r[at + 3]!,
    ligand: r[at + 4] === NONE ? null : parties[r[at + 4]!]!,
    target: r[at + 5] === NONE ? null : parties[r[at + 5]!]!,
    measure: text(c, r[at + 6]!),
    standardType: text(c, r[at + 7]!),
    relation: text(c, r[at + 8]!) as RecordRelation | null,
    value: numberAt(c, n),
    valueMax: numberAt(c, n + 1),
    unit: text(c, r[at + 9]!),
    molar: numberAt(c, n + 2),
    pValue: numberAt(c, n + 3),
    error: numberAt(c, n + 4),
    n: numberAt(c, n + 5),
    context: text(c, r[at + 10]!),
    references: Array.from(c.recordReferences.subarray(first, first + r[at + 13]!)),
    origin: c.strings[r[at + 11]!]! as RecordOrigin,
  };
}

/** Reference entry `i`. */
export function referenceAt(c: CompactSummary, i: number): SummaryReference {
  const r = c.references;
  const at = i * REFERENCE_STRIDE;
  const year = c.years[i]!;
  return {
    start: r[at]!,
    end: r[at + 1]!,
    line: r[at + 2]!,
    character: r[at + 3]!,
    number: r[at + 4]!,
    firstAuthor: text(c, r[at + 5]!),
    title: text(c, r[at + 6]!),
    container: text(c, r[at + 7]!),
    year: Number.isNaN(year) ? null : year,
    doi: text(c, r[at + 8]!),
    pmid: text(c, r[at + 9]!),
    pmcid: text(c, r[at + 10]!),
  };
}

export function referencesOf(c: CompactSummary): SummaryReference[] {
  return Array.from({ length: referenceCount(c) }, (_, i) => referenceAt(c, i));
}

/** The summary a compact one was made from (equal, not identical). */
export function expandSummary(c: CompactSummary, identifiersOf?: (json: string) => EntityIdentifiers): DocumentSummary {
  const parties = partiesOf(c);
  return {
    format: c.format,
    title: c.title,
    length: c.length,
    counts: { ...c.counts },
    entities: Array.from({ length: entityCount(c) }, (_, i) => entityAt(c, i, identifiersOf)),
    records: Array.from({ length: recordCount(c) }, (_, i) => recordAt(c, i, parties)),
    references: referencesOf(c),
  };
}
