/** Tab-separated tables, as web and PDF extraction leave them in a paragraph. */
import type { DocBlock, SourceLine } from '../parse/index.js';
import type { TableRow } from '../types.js';
import { blockCell } from './cells.js';

export interface TabTable {
  /** A caption written as the paragraph's first line, if any. */
  readonly captionLine: SourceLine | null;
  readonly header: TableRow;
  readonly rows: readonly TableRow[];
}

/** What reading a paragraph as a tab table found, and how far it looked. */
export interface TabReading {
  /** The table, or null when the paragraph does not start one. */
  readonly table: TabTable | null;
  /** Index of the last block holding a row. */
  readonly lastBlock: number;
  /** Index of the last block looked at: the one that stopped the rows, or `blocks.length` at the end. */
  readonly through: number;
}

/**
 * Reads a paragraph whose lines hold tabs as a table: the first tabbed line is the header. A first
 * line without tabs is accepted only as a caption. The table stops at the first line without a tab.
 * Rows written one per paragraph (blank lines between rows) join it while they have the header's
 * number of cells. At least a header and one row are needed.
 */
export function readTabTable(
  source: string,
  blocks: readonly DocBlock[],
  b: number,
  isCaption: (line: string) => boolean,
): TabReading {
  const none: TabReading = { table: null, lastBlock: b, through: b };
  const block = blocks[b]!;
  if (block.kind !== 'paragraph') return none;
  const lines = block.lines;
  let first = 0;
  let captionLine: SourceLine | null = null;
  if (lines.length > 0 && !lines[0]!.text.includes('\t')) {
    if (!isCaption(lines[0]!.text)) return none;
    captionLine = lines[0]!;
    first = 1;
  }
  let last = first;
  while (last < lines.length && lines[last]!.text.includes('\t')) last++;
  if (last === first) return none;
  const rows = lines.slice(first, last).map((line) => tabRow(source, block, line));
  let lastBlock = b;
  if (last === lines.length) {
    const columns = rows[0]!.cells.length;
    for (let k = b + 1; k < blocks.length; k++) {
      const next = blocks[k]!;
      if (next.kind !== 'paragraph' || next.lines.length !== 1 || !next.lines[0]!.text.includes('\t')) break;
      const row = tabRow(source, next, next.lines[0]!);
      if (row.cells.length !== columns) break;
      rows.push(row);
      lastBlock = k;
    }
  }
  // The rows stopped at the block after the last one, or at the end (which is looked at too).
  const through = last === lines.length ? lastBlock + 1 : b;
  if (rows.length < 2) return { ...none, through };
  return { table: { captionLine, header: rows[0]!, rows: rows.slice(1) }, lastBlock, through };
}

function tabRow(source: string, block: DocBlock, line: SourceLine): TableRow {
  const cells = [];
  let from = 0;
  const text = line.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      cells.push(blockCell(source, block, line.start + from, line.start + i));
      from = i + 1;
    }
  }
  const lead = text.length - text.trimStart().length;
  // A line of white space only (a tab after a byte-order mark) is an empty row where it ends.
  const start = line.start + lead;
  return { start, end: Math.max(start, line.start + text.trimEnd().length), cells, continued: false };
}
