/**
 * Answers "what is at this offset?" and "what belongs to this entity?" for one analysis,
 * through sorted arrays and maps built once, so a hover never scans the document.
 */
import type { Analysis, Citation, CitationPart, DataRecord, EntityMention, Quantity, Reference, Span, Table } from './types.js';

export interface CitationHit {
  readonly citation: Citation;
  /** Index into {@link Analysis.citations}. */
  readonly index: number;
  /** The number under the offset, for grouped markers; the first part otherwise. */
  readonly part: CitationPart | undefined;
}

export interface AnalysisIndex {
  readonly analysis: Analysis;
  citationAt(offset: number): CitationHit | undefined;
  entityAt(offset: number): EntityMention | undefined;
  quantityAt(offset: number): Quantity | undefined;
  /** The reference entry whose span holds the offset. */
  referenceAt(offset: number): Reference | undefined;
  tableAt(offset: number): Table | undefined;
  reference(number: number): Reference | undefined;
  /** Every mention of an entity, in document order. */
  mentionsOf(id: string): readonly EntityMention[];
  /** Records whose ligand or target is the entity. */
  recordsFor(id: string): readonly DataRecord[];
}

/**
 * Finds the span holding `offset` in spans sorted by start and not overlapping.
 * The end is inclusive so that a cursor just after a word still hits it.
 */
export function findSpan<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  const i = findSpanIndex(spans, offset);
  return i < 0 ? undefined : spans[i];
}

export function findSpanIndex(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else {
      // At a boundary shared with the next span, prefer the span that starts here.
      const next = spans[mid + 1];
      if (offset === s.end && next && next.start === offset) return mid + 1;
      return mid;
    }
  }
  return -1;
}

function group<T>(items: readonly T[], keys: (item: T) => readonly (string | null | undefined)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      if (!key) continue;
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push(item);
    }
  }
  return map;
}

/** Builds the lookup structures of an analysis (linear in its size). */
export function indexAnalysis(analysis: Analysis): AnalysisIndex {
  const byNumber = new Map<number, Reference>();
  for (const r of analysis.references) if (!byNumber.has(r.number)) byNumber.set(r.number, r);
  const referencesByStart = [...analysis.references].sort((a, b) => a.start - b.start);
  const mentions = group(analysis.entities, (m) => [m.id]);
  const records = group(analysis.records, (r) => [r.ligand?.id, r.target?.id]);
  return {
    analysis,
    citationAt(offset) {
      const index = findSpanIndex(analysis.citations, offset);
      if (index < 0) return undefined;
      const citation = analysis.citations[index]!;
      const part = citation.parts.find((p) => offset >= p.start && offset <= p.end) ?? citation.parts[0];
      return { citation, index, part };
    },
    entityAt: (offset) => findSpan(analysis.entities, offset),
    quantityAt: (offset) => findSpan(analysis.quantities, offset),
    referenceAt: (offset) => findSpan(referencesByStart, offset),
    tableAt: (offset) => findSpan(analysis.tables, offset),
    reference: (n) => byNumber.get(n),
    mentionsOf: (id) => mentions.get(id) ?? [],
    recordsFor: (id) => records.get(id) ?? [],
  };
}
