/**
 * Tables of the document: GFM pipe tables, tab-separated tables, HTML tables, and rows that an
 * extraction left further down as a lone pipe row (attached to the table above as `continued`).
 */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Table, TableCell, TableColumn, TableRow } from '../types.js';
import { captionOf, isCaptionLine } from './caption.js';
import { collapseBlanks, plainOf } from './cells.js';
import { TableCloses } from './closes.js';
import { readHtmlTable } from './html.js';
import { fitToHeader, holdsNestedTable, isPipeRowLine, pipeRow, readNestedPipeTable, readPipeTable } from './pipe.js';
import { readTabTable } from './tab.js';
import { noteOf } from './note.js';
import { rawCell, structure, type RawRow } from './structure.js';

export { htmlPlain } from './html.js';
export { isCaptionLine } from './caption.js';
export { TableCloses } from './closes.js';
export { moveTable } from './move.js';
export { isDataCell, sectionCell } from './structure.js';

/** The table's columns: its header hierarchy when it has one, else one column per header cell. */
export function tableColumns(table: Table): readonly TableColumn[] {
  return table.columns ?? table.header.map((cell) => ({ header: cell.plain, path: [cell] }));
}

/** The cells of a row under the table's columns. */
export function rowCells(row: TableRow): readonly TableCell[] {
  return row.columns ?? row.cells;
}

/** Rows read as written (no spans), the first (spanning `head`) as the header, into a table's structure. */
function structured(head: { start: number; end: number }, header: readonly TableCell[], rows: readonly TableRow[]) {
  const raw: RawRow[] = [
    { start: head.start, end: head.end, cells: header.map((c) => rawCell(c)), headed: true, continued: false },
    ...rows.map((r) => ({ start: r.start, end: r.end, cells: r.cells.map((c) => rawCell(c)), headed: false, continued: r.continued })),
  ];
  return structure(raw);
}

const TABLE_OPEN = /<table[\s>]/i;

type Caption = { text: string; start: number; end: number } | null;

interface Found {
  readonly table: Table;
  /** Index of the last block the table uses. */
  readonly lastBlock: number;
}

/** What reading the blocks from one block on found, and what the reading looked at. */
export interface TableReading {
  /** The table starting at the block, or null when none does. */
  readonly table: Table | null;
  /** Index of the last block the table uses (the block itself when there is no table). */
  readonly lastBlock: number;
  /**
   * Index of the last block looked at (the one that stopped the table, or `blocks.length` when the
   * document's end did). The reading also looked at the block before, for a caption.
   */
  readonly through: number;
  /**
   * For HTML tables, which read the source between blocks too: the end of the source read from the
   * block's start on; `Infinity` when the reading depends on all the text after it (no `</table>`).
   */
  readonly textEnd?: number;
}

/**
 * Every table of `doc`, sorted by start. A table's span runs from its caption (when the block
 * before it, or its own first line, reads "Table N…") to its last row, continued rows included.
 */
export function findTables(doc: ParsedDocument): Table[] {
  const closes = new TableCloses(doc.text);
  return collectTables(doc, (b) => readTableAt(doc, b, closes));
}

/**
 * The tables of `doc` with `read(b)` reading the table at block `b` (for any block where
 * {@link mayStartTable}): the blocks a table uses are skipped. Sorted by start.
 */
export function collectTables(doc: ParsedDocument, read: (b: number) => TableReading): Table[] {
  const tables: Table[] = [];
  const blocks = doc.blocks;
  for (let b = 0; b < blocks.length; b++) {
    if (!mayStartTable(doc, b)) continue;
    const reading = read(b);
    if (!reading.table) continue;
    tables.push(reading.table);
    b = reading.lastBlock;
  }
  return tables.sort((x, y) => x.start - y.start);
}

const mayStartOf = new WeakMap<DocBlock, boolean>();

/**
 * False for blocks no table starts at, without reading them: only pipe tables, paragraphs with a
 * tab in one of their first two lines (a caption line may come first) and HTML holding `<table`.
 * Answers are remembered per parsed block, which stays the same object while its chunk is unchanged.
 */
export function mayStartTable(doc: ParsedDocument, b: number): boolean {
  const block = doc.origins?.[b] ?? doc.blocks[b]!;
  if (block.kind === 'table') return true;
  const nested = block.kind === 'blockquote' || block.kind === 'list';
  if (block.kind !== 'paragraph' && block.kind !== 'html' && !nested) return false;
  let may = mayStartOf.get(block);
  if (may === undefined) {
    const tabbed = (line: number): boolean => block.lines[line]?.text.includes('\t') ?? false;
    may = nested ? holdsNestedTable(block) : block.kind === 'paragraph' ? tabbed(0) || tabbed(1) : tableOpenIn(doc, b) >= 0;
    mayStartOf.set(block, may);
  }
  return may;
}

/** Offset of the first `<table` in an HTML block, relative to its start, remembered per parsed block. */
const tableOpenOf = new WeakMap<DocBlock, number>();
function tableOpenIn(doc: ParsedDocument, b: number): number {
  const block = doc.blocks[b]!;
  const origin = doc.origins?.[b] ?? block;
  let at = tableOpenOf.get(origin);
  if (at === undefined) tableOpenOf.set(origin, (at = doc.text.slice(block.start, block.end).search(TABLE_OPEN)));
  return at;
}

/**
 * Reads the table starting at block `b`, with its continued rows, the note under it, a caption
 * written under it (when none is above and the caption does not head the next table), and the
 * heading or paragraph right above it (what the table is about, when no caption says).
 */
export function readTableAt(doc: ParsedDocument, b: number, closes: TableCloses): TableReading {
  const read = tableAt(doc, b, closes);
  if (!read.found) return { table: null, lastBlock: b, through: read.through, textEnd: read.textEnd };
  const attached = attachContinuedRows(doc, read.found);
  let through = Math.max(read.through, attached.through);
  // The note (or caption) under the table is the block that stopped the continued rows, which the reading looked at anyway.
  const after = doc.blocks[attached.through];
  const note = noteOf(after);
  let t = attached.found.table;
  if (!note && t.caption === null) {
    const caption = captionOf(after);
    const next = attached.through + 1;
    if (caption) through = Math.max(through, Math.min(next, doc.blocks.length));
    if (caption && !(next < doc.blocks.length && mayStartTable(doc, next))) {
      t = tableOf({ ...t, caption: caption.text, captionStart: caption.start, captionEnd: caption.end }, t);
    }
  }
  // A caption above the table says what it is about; else the heading or paragraph right above it may.
  const captionAbove = t.captionStart !== null && t.captionStart <= t.start;
  const lead = captionAbove ? null : leadOf(doc.blocks[b - 1]);
  const chart = t.caption === null && isImageOnly(doc, doc.blocks[b - 1]);
  const table = note || lead || chart ? tableOf(t, { headerRows: t.headerRows, columns: t.columns, note: note ?? undefined, lead: lead ?? undefined, chart: chart || undefined }) : t;
  return { table, lastBlock: attached.found.lastBlock, through, textEnd: read.textEnd };
}

/** A heading or short paragraph right above a table that is not its caption: what the table is about. */
function leadOf(block: DocBlock | undefined): { text: string; start: number; end: number } | null {
  if (!block || (block.kind !== 'heading' && block.kind !== 'paragraph') || captionOf(block)) return null;
  const { text, offsets } = block.plain;
  let a = 0;
  let z = text.length - 1;
  while (a <= z && text[a]!.trim() === '') a++;
  while (z >= a && text[z]!.trim() === '') z--;
  if (a > z || z - a + 1 > MAX_LEAD) return null;
  return { text: collapseBlanks(text.slice(a, z + 1)), start: offsets[a]!, end: offsets[z]! + 1 };
}

/** A paragraph that is one markdown image and nothing else (a figure as converters write it). */
function isImageOnly(doc: ParsedDocument, block: DocBlock | undefined): boolean {
  return !!block && block.kind === 'paragraph' && /^\s*!\[[^\n]*\]\([^()\s]*\)\s*$/.test(doc.text.slice(block.start, block.end));
}

/** A paragraph longer than this is prose the table sits in, not what it is about. */
const MAX_LEAD = 400;

function tableAt(doc: ParsedDocument, b: number, closes: TableCloses): { found: Found | null; through: number; textEnd?: number } {
  const block = doc.blocks[b]!;
  const source = doc.text;
  if (block.kind === 'table') {
    const t = readPipeTable(source, block);
    const found = t ? { table: withCaption({ start: t.start, end: t.end, layout: 'pipe', ...structured(headerSpan(block, t.start), t.header, t.rows) }, captionOf(doc.blocks[b - 1])), lastBlock: b } : null;
    return { found, through: b };
  }
  if (block.kind === 'blockquote' || block.kind === 'list') {
    // A pipe table inside a block quote or a list item: read without the container's prefix.
    const nested = readNestedPipeTable(source, block);
    if (!nested) return { found: null, through: b };
    const own = nested.captionLine && isCaptionLine(nested.captionLine.text) ? nested.captionLine : null;
    const caption: Caption = own
      ? { text: plainOf(block, own.start, own.end), start: own.start + lead(own.text), end: own.start + own.text.trimEnd().length }
      : null;
    const t = nested.table;
    const table = withCaption({ start: t.start, end: t.end, layout: 'pipe', ...structured(headerSpan(block, t.start), t.header, t.rows) }, caption);
    return { found: { table, lastBlock: b }, through: b };
  }
  if (block.kind === 'paragraph') {
    const reading = readTabTable(source, doc.blocks, b, isCaptionLine);
    const t = reading.table;
    if (!t) return { found: null, through: reading.through };
    const own = t.captionLine;
    const caption: Caption = own
      ? { text: plainOf(block, own.start, own.end), start: own.start + lead(own.text), end: own.start + own.text.trimEnd().length }
      : captionOf(doc.blocks[b - 1]);
    const last = t.rows[t.rows.length - 1] ?? t.header;
    const header = dropEmptyTail(t.header.cells);
    const rows = t.rows.map((r) => ({ start: r.start, end: r.end, cells: r.cells.length > header.length ? dropEmptyTail(r.cells, header.length) : r.cells, continued: r.continued }));
    const table = withCaption({ start: t.header.start, end: last.end, layout: 'tab', ...structured(t.header, header, rows) }, caption);
    return { found: { table, lastBlock: reading.lastBlock }, through: reading.through };
  }
  const open = block.kind === 'html' ? tableOpenIn(doc, b) : -1;
  if (open < 0) return { found: null, through: b };
  const from = block.start + open;
  const close = closes.firstAtOrAfter(from);
  // Up to its `</table>` the reading looks at nothing after it; without one, at everything after it.
  const limit = close ? close.end : block.end;
  const textEnd = close ? close.end : Infinity;
  const t = readHtmlTable(source, from, limit);
  if (!t) return { found: null, through: b, textEnd };
  let lastBlock = b;
  while (lastBlock + 1 < doc.blocks.length && doc.blocks[lastBlock + 1]!.start < t.end) lastBlock++;
  const caption = captionOf(doc.blocks[b - 1]) ?? t.caption;
  const table = withCaption({ start: t.start, end: t.end, layout: 'html', ...structure(t.rows) }, caption);
  // Where the table's blocks end was read from the start of the block after them.
  return { found: { table, lastBlock }, through: lastBlock + 1, textEnd };
}

function withCaption(t: Omit<Table, 'caption' | 'captionStart' | 'captionEnd'>, caption: Caption): Table {
  return tableOf(
    {
      start: caption && caption.start < t.start ? caption.start : t.start,
      end: t.end,
      caption: caption?.text ?? null,
      captionStart: caption?.start ?? null,
      captionEnd: caption?.end ?? null,
      layout: t.layout,
      header: t.header,
      rows: t.rows,
    },
    t,
  );
}

/** A table with its optional parts (header rows, columns, note) taken from `from`, in one field order. */
export function tableOf(base: Omit<Table, 'headerRows' | 'columns' | 'note' | 'lead' | 'chart'>, from: Pick<Table, 'headerRows' | 'columns' | 'note' | 'lead' | 'chart'>): Table {
  const table: { -readonly [K in keyof Table]: Table[K] } = {
    start: base.start,
    end: base.end,
    caption: base.caption,
    captionStart: base.captionStart,
    captionEnd: base.captionEnd,
    layout: base.layout,
    header: base.header,
    rows: base.rows,
  };
  if (from.headerRows) table.headerRows = from.headerRows;
  if (from.columns) table.columns = from.columns;
  if (from.note) table.note = from.note;
  if (from.lead) table.lead = from.lead;
  if (from.chart) table.chart = true;
  return table;
}

/**
 * Attaches the lone pipe rows that follow a table before any other prose (blank or empty blocks
 * between are fine), when their cell count fits the header.
 */
function attachContinuedRows(doc: ParsedDocument, found: Found): { found: Found; through: number } {
  const rows: TableRow[] = [...found.table.rows];
  const columns = found.table.header.length;
  let lastBlock = found.lastBlock;
  let b = found.lastBlock + 1;
  for (; b < doc.blocks.length; b++) {
    const block = doc.blocks[b]!;
    if (isEmpty(block)) continue;
    const extra = loneRows(doc.text, block, columns);
    if (!extra) break;
    rows.push(...extra);
    lastBlock = b;
  }
  if (rows.length === found.table.rows.length) return { found, through: b };
  const t = found.table;
  const end = Math.max(t.end, rows[rows.length - 1]!.end);
  const table = tableOf({ start: t.start, end, caption: t.caption, captionStart: t.captionStart, captionEnd: t.captionEnd, layout: t.layout, header: t.header, rows }, t);
  return { found: { table, lastBlock }, through: b };
}

/** The rows of a paragraph made only of pipe rows that fit the header, else null. */
function loneRows(source: string, block: DocBlock, columns: number): TableRow[] | null {
  if (block.kind !== 'paragraph' || !block.lines.every(isPipeRowLine)) return null;
  const rows: TableRow[] = [];
  for (const line of block.lines) {
    const row = pipeRow(source, block, line, true);
    const cells = fitToHeader(row.cells, columns);
    if (!cells) return null;
    rows.push({ start: row.start, end: row.end, cells, continued: row.continued });
  }
  return rows;
}

function isEmpty(block: DocBlock): boolean {
  return block.plain.text.trim() === '' && block.kind !== 'table' && block.kind !== 'html' && block.kind !== 'code';
}

/** Drops empty cells at the end (a trailing tab), down to `keep` cells. */
function dropEmptyTail(cells: readonly TableCell[], keep = 1): TableCell[] {
  const out = cells.slice();
  while (out.length > keep && out[out.length - 1]!.text === '') out.pop();
  return out;
}

/** The trimmed span of a pipe table's header line, from `start` (the line's start, or where a container's prefix ends) to its end. */
function headerSpan(block: DocBlock, start: number): { start: number; end: number } {
  const line = block.lines.find((l) => l.start <= start && start <= l.start + l.text.length);
  if (!line) return { start, end: start };
  return { start: start + lead(line.text.slice(start - line.start)), end: line.start + line.text.trimEnd().length };
}

function lead(s: string): number {
  return s.length - s.trimStart().length;
}
