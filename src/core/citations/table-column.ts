/**
 * Numbers in a table's reference column (`| Yersinia | … | 54 |`, `| … | (9) |` under a "Reference" header):
 * each cell holding only reference numbers cites them.
 */
import type { DocBlock } from '../parse/index.js';
import type { MarkerContext, MarkerMatch } from './markers.js';
import { ASCII_SYNTAX, readNumberList } from './numbers.js';

/** Headers of a column of reference numbers. */
const REFERENCE_HEADER = /^(?:ref(?:s|erences?)?|citations?|sources?|literature)\.?$/i;

/** The cells of a pipe-table row: each cell's trimmed span. */
function cells(line: { start: number; text: string }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const t = line.text;
  let from = t.indexOf('|') === /^\s*/.exec(t)![0].length ? t.indexOf('|') + 1 : 0;
  for (let k = from; k <= t.length; k++) {
    if (k === t.length || (t[k] === '|' && t[k - 1] !== '\\')) {
      if (k === t.length && t.slice(from).trim() === '') break;
      let s = from;
      let e = k;
      while (s < e && /\s/.test(t[s]!)) s++;
      while (e > s && /\s/.test(t[e - 1]!)) e--;
      out.push({ start: line.start + s, end: line.start + e });
      from = k + 1;
    }
  }
  return out;
}

/** The markers of a table block's reference column, or none. */
export function referenceColumnMarkers(block: DocBlock, ctx: MarkerContext): MarkerMatch[] {
  const { text } = ctx;
  const [header, , ...rows] = block.lines;
  if (!header || rows.length === 0) return [];
  const column = cells(header).findIndex((c) => REFERENCE_HEADER.test(text.slice(c.start, c.end).replace(/\*+/g, '').trim()));
  if (column < 0) return [];
  const out: MarkerMatch[] = [];
  for (const row of rows) {
    const cell = cells(row)[column];
    if (!cell || cell.start === cell.end) continue;
    // `54`, `56,57`, `(9)`
    const wrapped = cell.end - cell.start > 2 && text[cell.start] === '(' && text[cell.end - 1] === ')' ? 1 : 0;
    const list = readNumberList(text, cell.start + wrapped, cell.end - wrapped, ASCII_SYNTAX);
    if (!list || list.end !== cell.end - wrapped || !list.parts.every((p) => ctx.known.has(p.number))) continue;
    out.push({ start: cell.start, end: cell.end, parts: list.parts, style: 'bracket' });
  }
  return out;
}
