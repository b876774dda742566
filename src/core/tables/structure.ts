/**
 * The structure of a table as written: its cells placed on a grid (`colspan`, `rowspan`), the rows
 * that make its header (stacked header rows, a sub-header row under a pipe table's header) and
 * the header hierarchy over each column (`5-HT transporter › Ki (nM)`).
 */
import { isHeaderText } from '../records/columns.js';
import type { TableCell, TableColumn, TableRow } from '../types.js';

/** A cell as read, with the rows and columns it spans. */
export interface RawCell extends TableCell {
  readonly colspan: number;
  readonly rowspan: number;
}

export interface RawRow {
  readonly start: number;
  readonly end: number;
  readonly cells: readonly RawCell[];
  /** Written as a header row: in `<thead>`, or made of `<th>` cells only, or a pipe table's first row. */
  readonly headed: boolean;
  readonly continued: boolean;
}

export interface Structured {
  readonly header: readonly TableCell[];
  readonly rows: readonly TableRow[];
  readonly headerRows?: readonly TableRow[];
  readonly columns?: readonly TableColumn[];
}

/** Header rows beyond this many are not looked for. */
const MAX_HEADER_ROWS = 4;
/** Spans are capped, so a hostile `colspan="100000"` cannot blow the grid up. */
export const MAX_SPAN = 64;

/** A cell written as a value: a number first, maybe signed or qualified, then an error, a unit or nothing. */
const DATA_CELL = /^[<>≤≥~≈∼]?\s*[-−+]?\d+(?:[.,]\d+)*\s*(?:$|±|\+\/-|\(|\[|[a-zA-Zμµ%°]{1,4}\s*$|[-–]\s*\d)/u;

export function isDataCell(text: string): boolean {
  return DATA_CELL.test(text.trim());
}

interface Slot {
  readonly cell: RawCell;
  /** The row the cell is written in. */
  readonly row: number;
}

/** Places the cells on a grid: each takes the first free column of its row and the slots it spans. */
function placeOnGrid(rows: readonly RawRow[]): Slot[][] {
  const grid: Slot[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      const rowspan = Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = { cell, row: r };
      c += cell.colspan;
    }
  });
  return grid;
}

/** Whether the header rows so far hold groups: a cell spanning columns, or a pipe header's empty or repeated cells. */
function grouped(rows: readonly RawRow[], grid: readonly Slot[][], h: number): boolean {
  for (let r = 0; r < h; r++) {
    const cells = rows[r]!.cells;
    if (cells.some((c) => c.colspan > 1)) return true;
    const slots = grid[r]!;
    for (let c = 1; c < slots.length; c++) {
      const here = slots[c]?.cell.plain ?? '';
      const left = slots[c - 1]?.cell.plain ?? '';
      if (left !== '' && (here === '' || here === left) && slots[c]?.cell !== slots[c - 1]?.cell) return true;
    }
  }
  return false;
}

/** Whether a row reads as one more header row: no value in it, and header words (or a group above and an empty first cell). */
function headerLike(row: Slot[], r: number, isGrouped: boolean): boolean {
  const own = row.filter((s) => s.row === r).map((s) => s.cell.plain);
  const filled = own.filter((t) => t !== '');
  if (filled.length === 0 || filled.some(isDataCell)) return false;
  const headerWords = filled.filter(isHeaderText).length;
  const first = row[0]?.row === r ? row[0].cell.plain : '';
  if (headerWords === filled.length) return true;
  // Under a group header, a row of names (`Compd | X | ABL1 | JAK2`) names the columns when it starts empty or with a header word.
  return isGrouped && (first === '' || isHeaderText(first)) && filled.length >= 2;
}

/** How many rows from the top make the header: the written header rows, then rows spanned into or read as sub-headers. */
function headerRowCount(rows: readonly RawRow[], grid: readonly Slot[][]): number {
  let h = 0;
  while (h < rows.length - 1 && rows[h]!.headed) h++;
  h = Math.max(h, 1);
  while (h < rows.length - 1 && h < MAX_HEADER_ROWS) {
    const slots = grid[h]!;
    if (slots.some((s) => s && s.row < h)) {
      h++;
      continue;
    }
    if (!headerLike(slots.filter(Boolean), h, grouped(rows, grid, h))) break;
    h++;
  }
  return h;
}

/** The header path over column `c`: the header cells top to bottom, each once; an empty group cell takes the group to its left. */
function pathOf(grid: readonly Slot[][], h: number, c: number, clean: (cell: RawCell) => TableCell): TableCell[] {
  const path: TableCell[] = [];
  const lowest = grid[h - 1]?.[c]?.cell.plain ?? '';
  for (let r = 0; r < h; r++) {
    let slot = grid[r]![c];
    // A group written as a name followed by empty cells (`| 5-HT transporter | | PDE4B | |`).
    if (r < h - 1 && (!slot || slot.cell.plain === '') && lowest !== '') {
      for (let k = c - 1; k >= 0; k--) {
        const left = grid[r]![k];
        if (!left) break;
        if (left.cell.plain !== '') {
          if ((grid[h - 1]?.[k]?.cell.plain ?? '') !== '') slot = left;
          break;
        }
      }
    }
    if (!slot || slot.cell.plain === '') continue;
    const cell = clean(slot.cell);
    const last = path[path.length - 1];
    if (last !== cell && last?.plain !== cell.plain) path.push(cell);
  }
  return path;
}

/**
 * Reads rows as a table: the header rows, the body rows and, when the header is more than one row
 * or cells span columns, the grid's columns with their header paths.
 */
export function structure(rows: readonly RawRow[]): Structured {
  const cleaned = new Map<RawCell, TableCell>();
  const clean = (cell: RawCell): TableCell => {
    let out = cleaned.get(cell);
    if (!out) cleaned.set(cell, (out = { start: cell.start, end: cell.end, text: cell.text, plain: cell.plain }));
    return out;
  };
  const asRow = (row: RawRow): TableRow => ({ start: row.start, end: row.end, cells: row.cells.map(clean), continued: row.continued });
  if (rows.length === 0) return { header: [], rows: [] };
  rows = rows.slice(titleRowCount(rows));
  const spans = rows.some((row) => row.cells.some((c) => c.colspan > 1 || c.rowspan > 1));
  const grid = placeOnGrid(rows);
  const h = headerRowCount(rows, grid);
  alignHeaderRight(grid, h);
  const header = rows[0]!.cells.map(clean);
  if (h === 1 && !spans) return { header, rows: rows.slice(1).map(asRow) };

  const width = Math.max(...grid.map((g) => g.length));
  const columns: TableColumn[] = [];
  for (let c = 0; c < width; c++) {
    const path = pathOf(grid, h, c, clean);
    columns.push({ header: path.map((p) => p.plain).join(' › '), path });
  }
  const lowestHeaders = Array.from({ length: width }, (_, c) => grid[h - 1]?.[c]?.cell.plain ?? '');
  const body = rows.slice(h).map((row, i): TableRow => {
    const r = h + i;
    const base = asRow(row);
    const slots = grid[r]!;
    const aligned = slots.length === row.cells.length && slots.every((s, c) => s && s.row === r && s.cell === row.cells[c]);
    const under: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const slot = slots[c];
      under.push(slot ? clean(slot.cell) : { start: row.end, end: row.end, text: '', plain: '' });
    }
    const closed = closeShiftedGap(under, lowestHeaders);
    if (aligned && !closed) return base;
    return { start: base.start, end: base.end, cells: base.cells, continued: base.continued, columns: closed ?? under };
  });
  const out: Structured = { header, rows: body, columns };
  return h > 1 ? { ...out, headerRows: rows.slice(0, h).map(asRow) } : out;
}

/**
 * Rows above the header that are one cell across the whole table (a title, or the text a converter
 * read off a structure drawing: `R NH2`): they head no column.
 */
function titleRowCount(rows: readonly RawRow[]): number {
  const width = (row: RawRow): number => row.cells.reduce((n, c) => n + c.colspan, 0);
  const widest = Math.max(...rows.map(width));
  let k = 0;
  while (k < rows.length - 2 && widest >= 3 && rows[k]!.cells.length === 1 && rows[k]!.cells[0]!.colspan >= widest - 1 && !isDataCell(rows[k]!.cells[0]!.plain)) k++;
  return k;
}

/**
 * When the body rows hold more cells than the header has columns (a converter merged two header
 * cells: `No. R`), the first header cell stays over the row names and the others move right, over
 * the values they head.
 */
function alignHeaderRight(grid: Slot[][], h: number): void {
  const headerWidth = Math.max(0, ...grid.slice(0, h).map((g) => g.length));
  const widths = grid.slice(h).map((g) => g.length);
  if (widths.length === 0 || headerWidth < 2) return;
  const bodyWidth = widths.sort((a, b) => a - b)[Math.floor(widths.length / 2)]!;
  const gap = bodyWidth - headerWidth;
  if (gap <= 0 || gap > 2) return;
  for (let r = 0; r < h; r++) {
    const row = grid[r]!;
    const rest = row.slice(1);
    row.length = 1;
    for (let k = 0; k < gap; k++) row.push(undefined as unknown as Slot);
    row.push(...rest);
  }
}

/**
 * A row a converter shifted right by one cell: a value under the last column, which has no header of its own,
 * and an empty cell under a headed column before it, with values from there on. The values move
 * back into the gap (`| 2b | 43.4 | | 51.0 | 7.2 |` under `| Compd | A | B | C | |`); else null.
 */
function closeShiftedGap(under: readonly TableCell[], lowestHeaders: readonly string[]): TableCell[] | null {
  const last = under.length - 1;
  if (last < 3 || lowestHeaders[last] !== '' || under[last]!.plain === '' || !isDataCell(under[last]!.plain)) return null;
  let gap = last - 1;
  while (gap > 0 && under[gap]!.plain !== '') gap--;
  if (gap <= 0 || lowestHeaders[gap] === '' || gap === last - 1) return null;
  for (let c = gap + 1; c <= last; c++) if (!isDataCell(under[c]!.plain)) return null;
  const end = under[last]!.end;
  return [...under.slice(0, gap), ...under.slice(gap + 1), { start: end, end, text: '', plain: '' }];
}

/** A cell read with no span. */
export function rawCell(cell: TableCell, colspan = 1, rowspan = 1): RawCell {
  return { start: cell.start, end: cell.end, text: cell.text, plain: cell.plain, colspan, rowspan };
}

/**
 * The one filled cell of a row that heads the rows below it across a wide table (`Agonists`,
 * `5-HT1A receptor`, a `colspan` over the whole row), else null.
 */
export function sectionCell(cells: readonly TableCell[], width: number): TableCell | null {
  if (width < 3) return null;
  let label: TableCell | null = null;
  for (const cell of new Set(cells)) {
    if (cell.plain === '') continue;
    if (label) return null;
    label = cell;
  }
  return label && !isDataCell(label.plain) ? label : null;
}
