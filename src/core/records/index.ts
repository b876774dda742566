/**
 * Quantitative records: one per table row. Columns are mapped by their header words
 * (`vocabulary.json`); ligand and target take the recognised entity in their cell.
 */
import { parseQuantity, scanQuantities, unitInfo } from '../quantities/index.js';
import type { Citation, DataRecord, EntityKind, EntityMention, Quantity, RecordEntityRef, Table, TableCell, TableRow } from '../types.js';
import { readColumns, type Column } from './columns.js';
import { readEffect } from './effect.js';
import { inSpan } from './spans.js';

export { entityColumnOf, readColumns, roleOfHeader, type Column, type ColumnRole } from './columns.js';
export { directionOf, readEffect } from './effect.js';
export { moveRecord } from './move.js';
export { firstInSpan, inSpan } from './spans.js';

export interface RecordContext {
  readonly entities: readonly EntityMention[];
  readonly citations: readonly Citation[];
  readonly quantities: readonly Quantity[];
}

/**
 * Turns every row of every table into a {@link DataRecord}. `entities` and `citations` must be
 * sorted by start (as the analysis gives them). Rows of tables without ligand or target columns
 * still give records with what they hold.
 */
export function buildRecords(tables: readonly Table[], context: RecordContext): DataRecord[] {
  const records: DataRecord[] = [];
  tables.forEach((table, index) => {
    for (const record of tableRecords(table, index, context)) records.push(record);
  });
  return records;
}

/**
 * The records of one table, the `index`-th of the document. They read only the table and the
 * entity mentions and citations that overlap it.
 */
export function tableRecords(table: Table, index: number, context: RecordContext): DataRecord[] {
  const columns = readColumns(table.header);
  return table.rows.map((row) => rowRecord(index, columns, row, context));
}

/**
 * A trailing `(1 µM)` in a ligand cell (the concentration it was used at): the index of its `(`
 * and its content, or null.
 */
function trailingParenthesis(text: string): { index: number; inner: string } | null {
  const open = text.lastIndexOf('(');
  if (open < 0) return null;
  const m = /^\(([^()]{1,40})\)\s*$/.exec(text.slice(open));
  return m ? { index: open, inner: m[1]! } : null;
}

function rowRecord(index: number, columns: readonly Column[], row: TableRow, context: RecordContext): DataRecord {
  const used = new Set<number>();
  const cellOf = (role: Column['role']): { column: Column; cell: TableCell } | null => {
    for (const column of columns) {
      const cell = row.cells[column.index];
      if (column.role === role && cell && cell.text !== '' && !used.has(column.index)) {
        used.add(column.index);
        return { column, cell };
      }
    }
    return null;
  };

  const ligandCell = cellOf('ligand');
  const targetCell = cellOf('target');

  // Value: the first measure column that reads as a quantity, else a concentration in the ligand
  // cell, else a measure named in the effect cell.
  let value: Quantity | null = null;
  for (const column of columns) {
    const cell = row.cells[column.index];
    if (column.role !== 'measure' || !cell || cell.text === '' || value) continue;
    value = parseQuantity(cell.plain, { unit: column.unit, measure: column.measure });
    if (value) used.add(column.index);
  }
  let ligandConcentration: Quantity | null = null;
  if (ligandCell) {
    const m = trailingParenthesis(ligandCell.cell.plain);
    const q = m ? parseQuantity(m.inner) : null;
    if (q && isAmount(q)) ligandConcentration = q;
  }
  value ??= ligandConcentration;

  const effectCell = cellOf('effect');
  value ??= effectCell ? namedMeasure(effectCell.cell.plain) : null;
  const referenceCell = cellOf('references');
  const contextCells: TableCell[] = [];
  for (let c = cellOf('context'); c; c = cellOf('context')) contextCells.push(c.cell);

  const extra: Record<string, string> = {};
  for (const column of columns) {
    const cell = row.cells[column.index];
    if (used.has(column.index) || !cell || cell.plain === '') continue;
    extra[column.header || `Column ${column.index + 1}`] = cell.plain;
  }

  return {
    start: row.start,
    end: row.end,
    ligand: ligandCell ? entityRef(ligandCell.cell, 'ligand', context.entities, ligandConcentration !== null) : null,
    target: targetCell ? entityRef(targetCell.cell, 'target', context.entities, false) : null,
    measure: value?.measure ?? null,
    value: value?.value ?? null,
    valueMax: value?.valueMax ?? null,
    unit: value?.unit ?? null,
    molar: value?.molar ?? null,
    effect: effectCell ? readEffect(effectCell.cell.plain, effectCell.column.header, effectCell.cell.text) : null,
    context: contextCells.length ? contextCells.map((c) => c.plain).join('; ') : null,
    references: referencesOf(row, referenceCell?.cell ?? null, context.citations),
    table: index,
    extra,
  };
}

/** The first quantity of a cell that names its measure (`IC50 = 3 μM`), else null. */
function namedMeasure(text: string): Quantity | null {
  const found = scanQuantities(text).find((q) => q.measure !== null);
  return found ? { ...found, text: text.slice(found.start, found.end) } : null;
}

function isAmount(q: Quantity): boolean {
  if (q.molar !== null) return true;
  const kind = q.unit ? unitInfo(q.unit)?.kind : undefined;
  return kind === 'mass-concentration' || kind === 'dose';
}

/**
 * The entity mention of `kind` in the cell (the longest, when several), else the cell text.
 * A trailing concentration in parentheses is not part of the name.
 */
function entityRef(cell: TableCell, kind: EntityKind, entities: readonly EntityMention[], dropParenthesis: boolean): RecordEntityRef {
  let best: EntityMention | null = null;
  for (const mention of inSpan(entities, cell)) {
    if (mention.kind === kind && (!best || mention.end - mention.start > best.end - best.start)) best = mention;
  }
  if (best) return { text: best.text, id: best.id, start: best.start, end: best.end };
  let end = cell.end;
  let text = cell.text;
  const m = dropParenthesis ? trailingParenthesis(cell.text) : null;
  if (m && cell.text.slice(0, m.index).trim() !== '') {
    text = cell.text.slice(0, m.index).trimEnd();
    end = cell.start + text.length;
  }
  return { text, id: null, start: cell.start, end };
}

/**
 * Reference numbers of a row: the citations inside its reference cell; else, when no citation
 * touches that cell, the bracketed or bare numbers written in it; else the citations anywhere in
 * the row.
 */
function referencesOf(row: TableRow, cell: TableCell | null, citations: readonly Citation[]): number[] {
  if (cell) {
    const inCell = inSpan(citations, cell);
    if (inCell.length) return unique(inCell.flatMap((c) => c.numbers));
    const written = writtenNumbers(cell.plain);
    if (written.length) return written;
  }
  return unique(inSpan(citations, row).flatMap((c) => c.numbers));
}

const BRACKETED = /\[(\d{1,4}(?:\s*[-–,]\s*\d{1,4})*)\]/g;
const BARE_LIST = /^\d{1,4}(?:\s*[-–,;]\s*\d{1,4})*$/;
/** A range wider than this is not a citation range. */
const MAX_RANGE = 50;

/** `[20][22]` → 20, 22; `[12–15]` → 12…15; a cell of bare numbers `4, 10` → 4, 10. */
export function writtenNumbers(text: string): number[] {
  const groups: string[] = [];
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) groups.push(m[1]!);
  if (groups.length === 0 && BARE_LIST.test(text.trim())) groups.push(text.trim());
  const out: number[] = [];
  for (const group of groups) {
    for (const part of group.split(/\s*[,;]\s*/)) {
      const [a, b] = part.split(/\s*[-–]\s*/).map(Number);
      if (a === undefined || Number.isNaN(a)) continue;
      if (b !== undefined && !Number.isNaN(b) && b >= a && b - a <= MAX_RANGE) for (let n = a; n <= b; n++) out.push(n);
      else out.push(a);
    }
  }
  return unique(out);
}

function unique(numbers: readonly number[]): number[] {
  return [...new Set(numbers)];
}
