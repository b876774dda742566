/**
 * Tables of the document: GFM pipe tables, tab-separated tables, HTML tables, and rows that an
 * extraction left further down as a lone pipe row (attached to the table above as `continued`).
 */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Span, Table, TableCell, TableRow } from '../types.js';
import { captionOf, isCaptionLine } from './caption.js';
import { plainOf } from './cells.js';
import { readHtmlTable } from './html.js';
import { fitToHeader, isPipeRowLine, pipeRow, readPipeTable } from './pipe.js';
import { readTabTable } from './tab.js';

export { htmlPlain } from './html.js';
export { isCaptionLine } from './caption.js';

const TABLE_CLOSE = /<\/table\s*>/gi;

/** Every `</table>` of the text, found once so that unclosed tables do not rescan the document. */
function htmlTableCloses(text: string): Span[] {
  if (!/<table[\s>]/i.test(text)) return [];
  const out: Span[] = [];
  TABLE_CLOSE.lastIndex = 0;
  for (let m = TABLE_CLOSE.exec(text); m; m = TABLE_CLOSE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The first span starting at or after `at` (spans sorted). A table ends at the first `</table>`. */
function firstAtOrAfter(spans: readonly Span[], at: number): Span | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return spans[lo];
}

type Caption = { text: string; start: number; end: number } | null;

interface Found {
  readonly table: Table;
  /** Index of the last block the table uses. */
  readonly lastBlock: number;
}

/**
 * Every table of `doc`, sorted by start. A table's span runs from its caption (when the block
 * before it, or its own first line, reads "Table N…") to its last row, continued rows included.
 */
export function findTables(doc: ParsedDocument): Table[] {
  const tables: Table[] = [];
  const blocks = doc.blocks;
  const closes = htmlTableCloses(doc.text);
  for (let b = 0; b < blocks.length; b++) {
    const found = tableAt(doc, b, closes);
    if (!found) continue;
    const withContinued = attachContinuedRows(doc, found);
    tables.push(withContinued.table);
    b = withContinued.lastBlock;
  }
  return tables.sort((x, y) => x.start - y.start);
}

function tableAt(doc: ParsedDocument, b: number, closes: readonly Span[]): Found | null {
  const block = doc.blocks[b]!;
  const source = doc.text;
  if (block.kind === 'table') {
    const t = readPipeTable(source, block);
    return t ? { table: withCaption({ ...t, header: t.header, rows: t.rows }, captionOf(doc.blocks[b - 1])), lastBlock: b } : null;
  }
  if (block.kind === 'paragraph') {
    const t = readTabTable(source, doc.blocks, b, isCaptionLine);
    if (!t) return null;
    const own = t.captionLine;
    const caption: Caption = own
      ? { text: plainOf(block, own.start, own.end), start: own.start + lead(own.text), end: own.start + own.text.trimEnd().length }
      : captionOf(doc.blocks[b - 1]);
    const last = t.rows[t.rows.length - 1] ?? t.header;
    const header = dropEmptyTail(t.header.cells);
    const rows = t.rows.map((r) => ({ ...r, cells: r.cells.length > header.length ? dropEmptyTail(r.cells, header.length) : r.cells }));
    return { table: withCaption({ start: t.header.start, end: last.end, layout: 'tab', header, rows }, caption), lastBlock: t.lastBlock };
  }
  if (block.kind === 'html' && /<table[\s>]/i.test(source.slice(block.start, block.end))) {
    const from = source.slice(block.start, block.end).search(/<table[\s>]/i) + block.start;
    const close = firstAtOrAfter(closes, from);
    const limit = close ? close.end : block.end;
    const t = readHtmlTable(source, from, limit);
    if (!t) return null;
    let lastBlock = b;
    while (lastBlock + 1 < doc.blocks.length && doc.blocks[lastBlock + 1]!.start < t.end) lastBlock++;
    const caption = captionOf(doc.blocks[b - 1]) ?? t.caption;
    return { table: withCaption({ start: t.start, end: t.end, layout: 'html', header: t.header, rows: t.rows }, caption), lastBlock };
  }
  return null;
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
function attachContinuedRows(doc: ParsedDocument, found: Found): Found {
  const rows: TableRow[] = [...found.table.rows];
  const columns = found.table.header.length;
  let lastBlock = found.lastBlock;
  for (let b = found.lastBlock + 1; b < doc.blocks.length; b++) {
    const block = doc.blocks[b]!;
    if (isEmpty(block)) continue;
    const extra = loneRows(doc.text, block, columns);
    if (!extra) break;
    rows.push(...extra);
    lastBlock = b;
  }
  if (rows.length === found.table.rows.length) return found;
  return { table: { ...found.table, rows, end: Math.max(found.table.end, rows[rows.length - 1]!.end) }, lastBlock };
}

/** The rows of a paragraph made only of pipe rows that fit the header, else null. */
function loneRows(source: string, block: DocBlock, columns: number): TableRow[] | null {
  if (block.kind !== 'paragraph' || !block.lines.every(isPipeRowLine)) return null;
  const rows: TableRow[] = [];
  for (const line of block.lines) {
    const row = pipeRow(source, block, line, true);
    const cells = fitToHeader(row.cells, columns);
    if (!cells) return null;
    rows.push({ ...row, cells });
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
