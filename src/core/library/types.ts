/**
 * The library's data model: what the workspace index keeps per document (a summary, not a whole
 * analysis) and what it answers across documents. Offsets are UTF-16 units as in
 * {@link import('../types.js').Analysis}; `line` and `character` are 0-based, as editors count.
 */
import type { EntityIdentifiers, EntityKind, RecordOrigin, RecordRelation } from '../types.js';

/** Format of {@link DocumentSummary}; a cache holding another format is discarded. */
export const SUMMARY_FORMAT = 2;

/** A place in a document: its span and where the span starts as line and character. */
export interface Located {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly character: number;
}

export interface SummaryEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly class: string | null;
  readonly identifiers: EntityIdentifiers;
  /** Mentions in this document. */
  readonly mentions: number;
  /** Records of this document naming it as ligand or target. */
  readonly records: number;
  /** Its first mention. */
  readonly first: Located;
}

/** A ligand or target of a record: id when recognised, canonical name (else as written). */
export interface SummaryRecordEntity {
  readonly id: string | null;
  readonly name: string;
  readonly text: string;
}

/** One quantitative record, with the fields the evidence table shows (ChEMBL-like). */
export interface SummaryRecord extends Located {
  readonly ligand: SummaryRecordEntity | null;
  readonly target: SummaryRecordEntity | null;
  readonly measure: string | null;
  readonly standardType: string | null;
  readonly relation: RecordRelation | null;
  readonly value: number | null;
  readonly valueMax: number | null;
  /** The unit as written (normalised spelling). */
  readonly unit: string | null;
  readonly molar: number | null;
  readonly pValue: number | null;
  readonly error: number | null;
  readonly n: number | null;
  readonly context: string | null;
  /** Reference numbers the document gives for the record. */
  readonly references: readonly number[];
  readonly origin: RecordOrigin;
}

/** An entry of the document's reference list (duplicates left out). */
export interface SummaryReference extends Located {
  readonly number: number;
  /** First author's family name, when read. */
  readonly firstAuthor: string | null;
  readonly title: string | null;
  readonly container: string | null;
  readonly year: number | null;
  readonly doi: string | null;
  readonly pmid: string | null;
  readonly pmcid: string | null;
}

export interface SummaryCounts {
  readonly mentions: number;
  readonly entities: number;
  readonly records: number;
  readonly references: number;
  readonly citations: number;
}

/** What the library keeps of one document. */
export interface DocumentSummary {
  readonly format: typeof SUMMARY_FORMAT;
  /** The first heading, when there is one. */
  readonly title: string | null;
  /** Length of the text in UTF-16 units. */
  readonly length: number;
  readonly counts: SummaryCounts;
  readonly entities: readonly SummaryEntity[];
  readonly records: readonly SummaryRecord[];
  readonly references: readonly SummaryReference[];
}
