/**
 * Moves a table to another place in the text: a copy with every offset moved, built field by field
 * in the order the readers build tables, so that it serialises exactly like a table read there.
 */
import type { Table, TableCell, TableColumn, TableRow } from '../types.js';

type CellMover = (cell: TableCell) => TableCell;

/** Moves cells by `by`, each cell once: a cell repeated under spanned columns stays one object. */
function cellMover(by: number): CellMover {
  const moved = new Map<TableCell, TableCell>();
  return (cell) => {
    let out = moved.get(cell);
    if (!out) moved.set(cell, (out = { start: cell.start + by, end: cell.end + by, text: cell.text, plain: cell.plain }));
    return out;
  };
}

function moveRow(row: TableRow, by: number, move: CellMover): TableRow {
  const out: { -readonly [K in keyof TableRow]: TableRow[K] } = { start: row.start + by, end: row.end + by, cells: row.cells.map(move), continued: row.continued };
  if (row.columns) out.columns = row.columns.map(move);
  return out;
}

function moveColumn(column: TableColumn, move: CellMover): TableColumn {
  return { header: column.header, path: column.path.map(move) };
}

/** `table` with every offset moved by `by` (the same object when `by` is 0). */
export function moveTable(table: Table, by: number): Table {
  if (by === 0) return table;
  const move = cellMover(by);
  const out: { -readonly [K in keyof Table]: Table[K] } = {
    start: table.start + by,
    end: table.end + by,
    caption: table.caption,
    captionStart: table.captionStart === null ? null : table.captionStart + by,
    captionEnd: table.captionEnd === null ? null : table.captionEnd + by,
    layout: table.layout,
    header: table.header.map(move),
    rows: table.rows.map((r) => moveRow(r, by, move)),
  };
  if (table.headerRows) out.headerRows = table.headerRows.map((r) => moveRow(r, by, move));
  if (table.columns) out.columns = table.columns.map((c) => moveColumn(c, move));
  if (table.note) out.note = { text: table.note.text, start: table.note.start + by, end: table.note.end + by };
  if (table.lead) out.lead = { text: table.lead.text, start: table.lead.start + by, end: table.lead.end + by };
  if (table.chart) out.chart = true;
  return out;
}
