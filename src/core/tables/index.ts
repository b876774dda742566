/**
 * Tables of the document: GFM pipe tables, tab-separated tables, HTML tables, and rows that an
 * extraction left further down as a lone pipe row (attached to the table above as `continued`).
 */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Table, TableCell, TableRow } from '../types.js';
import { captionOf, isCaptionLine } from './caption.js';
import { plainOf } from './cells.js';
import { TableCloses } from './closes.js';
import { readHtmlTable } from './html.js';
import { fitToHeader, isPipeRowLine, pipeRow, readPipeTable } from './pipe.js';
import { readTabTable } from './tab.js';

export { htmlPlain } from './html.js';
export { isCaptionLine } from './caption.js';
export { TableCloses } from './closes.js';
export { moveTable } from './move.js';

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
  if (block.kind !== 'paragraph' && block.kind !== 'html') return false;
  let may = mayStartOf.get(block);
  if (may === undefined) {
    const tabbed = (line: number): boolean => block.lines[line]?.text.includes('\t') ?? false;
    may = block.kind === 'paragraph' ? tabbed(0) || tabbed(1) : tableOpenIn(doc, b) >= 0;
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

/** Reads the table starting at block `b`, with its continued rows. */
export function readTableAt(doc: ParsedDocument, b: number, closes: TableCloses): TableReading {
  const read = tableAt(doc, b, closes);
  if (!read.found) return { table: null, lastBlock: b, through: read.through, textEnd: read.textEnd };
  const attached = attachContinuedRows(doc, read.found);
  const through = Math.max(read.through, attached.through);
  return { table: attached.found.table, lastBlock: attached.found.lastBlock, through, textEnd: read.textEnd };
}

function tableAt(doc: ParsedDocument, b: number, closes: TableCloses): { found: Found | null; through: number; textEnd?: number } {
  const block = doc.blocks[b]!;
  const source = doc.text;
  if (block.kind === 'table') {
    const t = readPipeTable(source, block);
    const found = t ? { table: withCaption({ ...t, header: t.header, rows: t.rows }, captionOf(doc.blocks[b - 1])), lastBlock: b } : null;
    return { found, through: b };
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
    const table = withCaption({ start: t.header.start, end: last.end, layout: 'tab', header, rows }, caption);
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
  const table = withCaption({ start: t.start, end: t.end, layout: 'html', header: t.header, rows: t.rows }, caption);
  // Where the table's blocks end was read from the start of the block after them.
  return { found: { table, lastBlock }, through: lastBlock + 1, textEnd };
}

function withCaption(t: Omit<Table, 'caption' | 'captionStart' | 'captionEnd'>, caption: Caption): Table {
  return {
    start: caption && caption.start < t.start ? caption.start : t.start,
    end: t.end,
    caption: caption?.text ?? null,
    captionStart: caption?.start ?? null,
    captionEnd: caption?.end ?? null,
    layout: t.layout,
    header: t.header,
    rows: t.rows,
  };
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
  const table = { start: t.start, end, caption: t.caption, captionStart: t.captionStart, captionEnd: t.captionEnd, layout: t.layout, header: t.header, rows };
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

function lead(s: string): number {
  return s.length - s.trimStart().length;
}
