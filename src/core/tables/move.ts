/**
 * Moves a table to another place in the text: a copy with every offset moved, built field by field
 * in the order the readers build tables, so that it serialises exactly like a table read there.
 */
import type { Table, TableCell, TableRow } from '../types.js';

function moveCell(cell: TableCell, by: number): TableCell {
  return { start: cell.start + by, end: cell.end + by, text: cell.text, plain: cell.plain };
}

function moveRow(row: TableRow, by: number): TableRow {
  return { start: row.start + by, end: row.end + by, cells: row.cells.map((c) => moveCell(c, by)), continued: row.continued };
}

/** `table` with every offset moved by `by` (the same object when `by` is 0). */
export function moveTable(table: Table, by: number): Table {
  if (by === 0) return table;
  return {
    start: table.start + by,
    end: table.end + by,
    caption: table.caption,
    captionStart: table.captionStart === null ? null : table.captionStart + by,
    captionEnd: table.captionEnd === null ? null : table.captionEnd + by,
    layout: table.layout,
    header: table.header.map((c) => moveCell(c, by)),
    rows: table.rows.map((r) => moveRow(r, by)),
  };
}
