/**
 * The quantitative records of an analysis as CSV (RFC 4180: comma separated, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break, quotes doubled).
 */
import type { Analysis, DataRecord } from '../../core/types.js';

/** Column headers, in order. */
export const csvColumns = [
  'ligand',
  'ligand_id',
  'target',
  'target_id',
  'measure',
  'value',
  'value_max',
  'unit',
  'molar',
  'effect_direction',
  'effect',
  'context',
  'references',
  'table',
  'line',
  'relation',
  'error',
  'error_kind',
  'n',
  'standard_type',
  'p_value',
  'origin',
  'source_text',
] as const;

/**
 * Quotes one field. Document text is untrusted: a cell starting with `=`, `+`, `-`, `@` (or a
 * tab or carriage return) would run as a formula in a spreadsheet, so such text gets a leading
 * apostrophe (OWASP "CSV injection"). Numbers are written as numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(record: DataRecord, line: number): string {
  const fields: (string | number | null)[] = [
    record.ligand?.text ?? null,
    record.ligand?.id ?? null,
    record.target?.text ?? null,
    record.target?.id ?? null,
    record.measure,
    record.value,
    record.valueMax,
    record.unit,
    record.molar,
    record.effect?.direction ?? null,
    record.effect?.text ?? null,
    record.context,
    record.references.join('; '),
    record.table === null ? null : record.table + 1,
    line,
    record.relation,
    record.error,
    record.errorKind,
    record.n,
    record.standardType,
    record.pValue,
    record.origin,
    record.cell?.text ?? null,
  ];
  return fields.map(csvField).join(',');
}

/**
 * The records as a CSV document, one row per record, with a header row.
 * @param lineOf 1-based line of an offset, for the `line` column.
 */
export function recordsToCsv(analysis: Pick<Analysis, 'records'>, lineOf: (offset: number) => number): string {
  const rows = [csvColumns.join(',')];
  for (const record of analysis.records) rows.push(csvRow(record, lineOf(record.start)));
  return `${rows.join('\r\n')}\r\n`;
}
