/** A document's summary for the library, from its analysis: entities, records and references. */
import type { Analysis, DataRecord, RecordEntityRef } from '../types.js';
import { locator } from './located.js';
import { SUMMARY_FORMAT, type DocumentSummary, type SummaryEntity, type SummaryRecord, type SummaryRecordEntity, type SummaryReference } from './types.js';

/** Summarises the analysis of `text` (the text it was made of). */
export function summariseDocument(text: string, analysis: Analysis): DocumentSummary {
  const locate = locator(text);
  const recordsOf = new Map<string, number>();
  const count = (id: string | null | undefined) => id && recordsOf.set(id, (recordsOf.get(id) ?? 0) + 1);
  for (const r of analysis.records) {
    count(r.ligand?.id);
    if (r.target?.id !== r.ligand?.id) count(r.target?.id);
  }
  const firstMention = new Map<string, { start: number; end: number }>();
  for (const m of analysis.entities) if (!firstMention.has(m.id)) firstMention.set(m.id, m);
  const entities: SummaryEntity[] = [];
  for (const info of Object.values(analysis.entityInfo)) {
    const first = firstMention.get(info.id);
    if (!first) continue;
    entities.push({
      id: info.id,
      kind: info.kind,
      name: info.name,
      class: info.class,
      identifiers: info.identifiers,
      mentions: info.mentions,
      records: recordsOf.get(info.id) ?? 0,
      first: locate(first.start, first.end),
    });
  }
  const entityName = (ref: RecordEntityRef | null): SummaryRecordEntity | null =>
    ref === null ? null : { id: ref.id, name: (ref.id !== null ? analysis.entityInfo[ref.id]?.name : undefined) ?? ref.text, text: ref.text };
  const records: SummaryRecord[] = analysis.records.map((r: DataRecord) => {
    // The value's own cell, when known, is where a reader wants to land.
    const at = r.cell ?? r;
    // The located span's fields written out (not spread): the same object, made faster.
    const { start, end, line, character } = locate(at.start, at.end);
    return {
      start,
      end,
      line,
      character,
      ligand: entityName(r.ligand),
      target: entityName(r.target),
      measure: r.measure,
      standardType: r.standardType,
      relation: r.relation,
      value: r.value,
      valueMax: r.valueMax,
      unit: r.unit,
      molar: r.molar,
      pValue: r.pValue,
      error: r.error,
      n: r.n,
      context: r.context,
      references: r.references,
      origin: r.origin,
    };
  });
  const references: SummaryReference[] = analysis.references
    .filter((r) => r.duplicateOf === null)
    .map((r) => ({
      ...locate(r.start, r.end),
      number: r.number,
      firstAuthor: r.fields.authors[0]?.family ?? null,
      title: r.fields.title?.value ?? r.title,
      container: r.fields.container?.value ?? r.source,
      year: r.year,
      doi: r.doi,
      pmid: r.pmid,
      pmcid: r.pmcid,
    }));
  const heading = analysis.sections.find((s) => s.written === 'markdown') ?? analysis.sections[0];
  return {
    format: SUMMARY_FORMAT,
    title: heading?.title ?? null,
    length: analysis.length,
    counts: {
      mentions: analysis.entities.length,
      entities: entities.length,
      records: records.length,
      references: references.length,
      citations: analysis.citations.length,
    },
    entities,
    records,
    references,
  };
}
