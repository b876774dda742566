/** The reference numbers of a table row: its reference cell's markers or written numbers, else the row's markers. */
import type { Citation, TableCell, TableRow } from '../types.js';
import { inSpan } from './spans.js';

/**
 * Reference numbers of a row: the citations inside its reference cell; else, when no citation
 * touches that cell, the bracketed or bare numbers written in it; else the citations anywhere in
 * the row.
 */
export function referencesOf(row: TableRow, cell: TableCell | null, citations: readonly Citation[]): number[] {
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

export function unique(numbers: readonly number[]): number[] {
  return [...new Set(numbers)];
}
