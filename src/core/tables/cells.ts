/** Table cells: trimmed source spans, text as written and the plain reading. */
import type { DocBlock } from '../parse/index.js';
import { plainIndex } from '../sorted.js';
import type { TableCell } from '../types.js';

const EDGE_BLANK = /[\s\u00a0]/;

/** Trims blanks off both ends of the source span `[start, end)`. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && EDGE_BLANK.test(text[start]!)) start++;
  while (end > start && EDGE_BLANK.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Collapses runs of blanks to one space and trims. */
export function collapseBlanks(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The plain reading of source `[start, end)` of a block: the plain characters that come from it. */
export function plainOf(block: DocBlock, start: number, end: number): string {
  const { text, offsets } = block.plain;
  let out = '';
  for (let i = plainIndex(block.plain, start); i < text.length && offsets[i]! < end; i++) out += text[i];
  return collapseBlanks(out);
}

/** A cell of a markdown block (pipe or tab layout) from its untrimmed source span. */
export function blockCell(source: string, block: DocBlock, start: number, end: number): TableCell {
  const span = trimSpan(source, start, end);
  return { start: span.start, end: span.end, text: source.slice(span.start, span.end), plain: plainOf(block, span.start, span.end) };
}
