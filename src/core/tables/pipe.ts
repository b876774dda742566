/** GFM pipe tables and lone pipe rows. */
import type { DocBlock, SourceLine } from '../parse/index.js';
import type { Table, TableCell, TableRow } from '../types.js';
import { blockCell } from './cells.js';

/** The untrimmed spans between the unescaped pipes of a row line, without the outer empty edges. */
export function splitPipeRow(line: SourceLine): Array<{ start: number; end: number }> {
  const text = line.text;
  const bars: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') bars.push(i);
  }
  const spans: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const bar of bars) {
    spans.push({ start: from, end: bar });
    from = bar + 1;
  }
  spans.push({ start: from, end: text.length });
  // A leading or trailing pipe leaves an empty edge that is not a cell.
  if (spans.length > 1 && text.slice(spans[0]!.start, spans[0]!.end).trim() === '') spans.shift();
  if (spans.length > 1 && text.slice(spans[spans.length - 1]!.start, spans[spans.length - 1]!.end).trim() === '') spans.pop();
  return spans.map((s) => ({ start: line.start + s.start, end: line.start + s.end }));
}

/** True for a line written as a pipe row: starts with a pipe and holds another. */
export function isPipeRowLine(line: SourceLine): boolean {
  const t = line.text.trim();
  return t.startsWith('|') && t.indexOf('|', 1) > 0;
}

/** The GFM delimiter row (`|---|:--:|`): only pipes, colons, hyphens and blanks. */
function isDelimiterRow(line: SourceLine): boolean {
  return /^[\s|:-]+$/.test(line.text) && line.text.includes('-');
}

/** A GFM table block read as header and rows. */
export function readPipeTable(source: string, block: DocBlock, written: readonly SourceLine[] = block.lines): Omit<Table, 'caption' | 'captionStart' | 'captionEnd'> | null {
  const lines = written.filter((l) => l.text.trim() !== '');
  const headerLine = lines[0];
  if (!headerLine) return null;
  const header = rowCells(source, block, headerLine);
  const rows: TableRow[] = [];
  lines.slice(1).forEach((line, i) => {
    if (i === 0 && isDelimiterRow(line)) return;
    rows.push(pipeRow(source, block, line, false));
  });
  return { start: headerLine.start, end: rows.length ? rows[rows.length - 1]!.end : headerLine.end, layout: 'pipe', header, rows };
}

function rowCells(source: string, block: DocBlock, line: SourceLine): TableCell[] {
  return splitPipeRow(line).map((s) => blockCell(source, block, s.start, s.end));
}

/** A row from one pipe line; its span is the trimmed line. */
export function pipeRow(source: string, block: DocBlock, line: SourceLine, continued: boolean): TableRow {
  const cells = rowCells(source, block, line);
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length, cells, continued };
}

/**
 * Fits a stray row's cells to a header of `columns` cells: the same count, or one more when the
 * extra cell is an empty edge left by doubled pipes. Returns null when the row does not fit.
 */
export function fitToHeader(cells: readonly TableCell[], columns: number): TableCell[] | null {
  if (cells.length === columns) return cells.slice();
  if (cells.length === columns + 1) {
    if (cells[0]!.text === '') return cells.slice(1);
    if (cells[cells.length - 1]!.text === '') return cells.slice(0, -1);
  }
  return null;
}

/** The container prefix of a line inside a block quote or a list item: `> `, `- `, `1. `, indentation. */
const CONTAINER = /^(?:[ \t]*>[ \t]?)+|^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+|^[ \t]+/;

function stripContainer(line: SourceLine): SourceLine {
  const m = CONTAINER.exec(line.text);
  const n = m ? m[0].length : 0;
  return n ? { start: line.start + n, end: line.end, text: line.text.slice(n) } : line;
}

/** True when a block quote or list holds a pipe table: a row line followed by a delimiter row. */
export function holdsNestedTable(block: DocBlock): boolean {
  if (!block.lines.some((l) => l.text.includes('|'))) return false;
  const lines = block.lines.map(stripContainer);
  return lines.some((line, i) => isPipeish(line) && i + 1 < lines.length && isDelimiterRow(lines[i + 1]!));
}

function isPipeish(line: SourceLine): boolean {
  return line.text.includes('|') && !isDelimiterRow(line);
}

/**
 * The first pipe table inside a block quote or list item, its lines read without their container
 * prefix, with a caption line written right above it inside the container.
 */
export function readNestedPipeTable(source: string, block: DocBlock): { table: Omit<Table, 'caption' | 'captionStart' | 'captionEnd'>; captionLine: SourceLine | null } | null {
  const lines = block.lines.map(stripContainer);
  const first = lines.findIndex((line, i) => isPipeish(line) && i + 1 < lines.length && isDelimiterRow(lines[i + 1]!));
  if (first < 0) return null;
  let last = first + 2;
  while (last < lines.length && isPipeish(lines[last]!)) last++;
  const table = readPipeTable(source, block, lines.slice(first, last));
  if (!table) return null;
  let above = first - 1;
  while (above >= 0 && lines[above]!.text.trim() === '') above--;
  return { table, captionLine: above >= 0 ? lines[above]! : null };
}
