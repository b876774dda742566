/**
 * Quantitative records: from table rows (one per value column), from tables a converter ran into
 * one paragraph, and from sentences. Columns are mapped by their header words (`vocabulary.json`);
 * ligand and target take the recognised entity in their cell.
 */
import type { ParsedDocument } from '../parse/index.js';
import type { DataRecord, Table } from '../types.js';
import { documentBlockRecords, mergeRecords } from './blocks.js';
import { withMolarMasses } from './mass.js';
import { documentSubject } from './subject.js';
import { tableRecords, type RecordContext } from './table.js';

export { blockRecords, holdsLigand, mergeRecords, readsBlock, tableCover } from './blocks.js';
export { flattenedRecords } from './flattened.js';
export { withMolarMasses } from './mass.js';
export { proseRecords } from './prose.js';
export { documentSubject, subjectMention } from './subject.js';

export { entityColumnOf, headerMeasure, headerUnit, readColumn, readColumns, roleOfHeader, type Column, type ColumnRole } from './columns.js';
export { directionOf, readEffect } from './effect.js';
export { makeRecord, moveRecord } from './record.js';
export { firstInSpan, inSpan } from './spans.js';
export { pValueOf, standardType } from './standard.js';
export { writtenNumbers } from './references.js';
export { tableRecords, type RecordContext } from './table.js';
export { isQualifier, readValue, relationBefore } from './value.js';

/**
 * Turns every row of every table into {@link DataRecord}s. `entities` and `citations` must be
 * sorted by start (as the analysis gives them). Rows of tables without ligand or target columns
 * still give records with what they hold.
 */
export function buildRecords(tables: readonly Table[], context: RecordContext): DataRecord[] {
  const records: DataRecord[] = [];
  const withSubject = context.subject === undefined ? { ...context, subject: documentSubject(context.entities) } : context;
  tables.forEach((table, index) => {
    for (const record of tableRecords(table, index, withSubject)) records.push(record);
  });
  return records;
}

/**
 * Every record of a document: its tables' rows, then the flattened tables and sentences of the
 * blocks outside tables, merged in document order.
 */
export function findRecords(doc: ParsedDocument, tables: readonly Table[], context: RecordContext): DataRecord[] {
  const records = mergeRecords(buildRecords(tables, context), documentBlockRecords(doc, tables, context.entities, context.citations));
  return withMolarMasses(records, doc, tables, context.entities);
}
