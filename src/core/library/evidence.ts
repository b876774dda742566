/**
 * The evidence table: every quantitative record for an entity (as ligand or target) or a
 * ligand–target pair across the library, with the document, line and references it gives.
 */
import type { DocumentSummary, SummaryRecord, SummaryReference } from './types.js';

/** What the evidence table is about: one entity, or a ligand–target pair. */
export type EvidenceQuery = { readonly entity: string } | { readonly ligand: string; readonly target: string };

/** A reference a record's document gives for it, cut to what a table cell shows. */
export interface EvidenceReference {
  readonly number: number;
  /** "Smith 2017", or the title, or "ref. 12" when the entry is not in the list. */
  readonly label: string;
  readonly doi: string | null;
  readonly pmid: string | null;
}

export interface EvidenceRow {
  readonly uri: string;
  /** The document's title (first heading), else null. */
  readonly document: string | null;
  readonly record: SummaryRecord;
  readonly references: readonly EvidenceReference[];
}

export function matchesQuery(record: SummaryRecord, query: EvidenceQuery): boolean {
  return matchesIds(record.ligand?.id ?? null, record.target?.id ?? null, query);
}

/** Whether a record of this ligand and target (ids, null when unrecognised) answers the query. */
export function matchesIds(ligand: string | null, target: string | null, query: EvidenceQuery): boolean {
  if ('entity' in query) return ligand === query.entity || target === query.entity;
  return ligand === query.ligand && target === query.target;
}

function referenceLabel(number: number, entry: SummaryReference | undefined): EvidenceReference {
  if (!entry) return { number, label: `ref. ${number}`, doi: null, pmid: null };
  const who = entry.firstAuthor ? `${entry.firstAuthor}${entry.year !== null ? ` ${entry.year}` : ''}` : null;
  return { number, label: who ?? entry.title ?? `ref. ${number}`, doi: entry.doi, pmid: entry.pmid };
}

/** The evidence rows of one document. */
export function documentEvidence(uri: string, summary: DocumentSummary, query: EvidenceQuery | null): EvidenceRow[] {
  let byNumber: Map<number, SummaryReference> | undefined;
  const rows: EvidenceRow[] = [];
  for (const record of summary.records) {
    if (query !== null && !matchesQuery(record, query)) continue;
    byNumber ??= new Map(summary.references.map((r) => [r.number, r]));
    rows.push(evidenceRow(uri, summary.title, record, byNumber));
  }
  return rows;
}

/** A record's row, its references looked up in the document's entries by number. */
export function evidenceRow(uri: string, title: string | null, record: SummaryRecord, byNumber: ReadonlyMap<number, SummaryReference>): EvidenceRow {
  return { uri, document: title, record, references: record.references.map((n) => referenceLabel(n, byNumber.get(n))) };
}

/** The columns of the evidence table, in order (CSV header and JSON field names). */
export const EVIDENCE_COLUMNS = [
  'ligand',
  'ligand_id',
  'target',
  'target_id',
  'measure',
  'standard_type',
  'relation',
  'value',
  'value_max',
  'unit',
  'molar',
  'p_value',
  'context',
  'document',
  'uri',
  'line',
  'start',
  'end',
  'references',
] as const;

export type EvidenceColumn = (typeof EVIDENCE_COLUMNS)[number];

/** One row as flat fields (the CSV and JSON Lines shape); `line` is 1-based here, as people count. */
export function flatRow(row: EvidenceRow): Record<EvidenceColumn, string | number | null> {
  const r = row.record;
  return {
    ligand: r.ligand?.name ?? null,
    ligand_id: r.ligand?.id ?? null,
    target: r.target?.name ?? null,
    target_id: r.target?.id ?? null,
    measure: r.measure,
    standard_type: r.standardType,
    relation: r.relation,
    value: r.value,
    value_max: r.valueMax,
    unit: r.unit,
    molar: r.molar,
    p_value: r.pValue,
    context: r.context,
    document: row.document,
    uri: row.uri,
    line: r.line + 1,
    start: r.start,
    end: r.end,
    references: row.references.map((ref) => (ref.doi ? `${ref.label} (doi:${ref.doi})` : ref.label)).join('; ') || null,
  };
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  // A leading =, +, - or @ would make a spreadsheet run a formula from document text.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV (RFC 4180, CRLF line ends, a header row). */
export function evidenceCsv(rows: readonly EvidenceRow[]): string {
  const lines = [EVIDENCE_COLUMNS.join(',')];
  for (const row of rows) {
    const flat = flatRow(row);
    lines.push(EVIDENCE_COLUMNS.map((c) => csvCell(flat[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
