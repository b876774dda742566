/** HTML `<table>` blocks, as PDF and web converters write them. */
import { collapseBlanks, trimSpan } from './cells.js';
import { MAX_SPAN, type RawCell, type RawRow } from './structure.js';

export interface HtmlTable {
  readonly start: number;
  readonly end: number;
  /** Text and span of a `<caption>` element. */
  readonly caption: { text: string; start: number; end: number } | null;
  /** The rows as written, header rows included, with each cell's `colspan` and `rowspan`. */
  readonly rows: readonly RawRow[];
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', plusmn: '±', micro: 'μ', mu: 'μ',
  deg: '°', times: '×', minus: '−', ndash: '–', mdash: '—', alpha: 'α', beta: 'β', gamma: 'γ',
  delta: 'δ', kappa: 'κ', sigma: 'σ', Omega: 'Ω', le: '≤', ge: '≥', sup2: '²', sup3: '³',
};

/** Cell content read as plain text: tags dropped (`K<sub>i</sub>` → `Ki`), entities decoded. */
export function htmlPlain(raw: string): string {
  const text = raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z]{2,8});/g, (all, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name] ?? all;
    });
  return collapseBlanks(text);
}

const COLSPAN = /\bcolspan\s*=\s*["']?\s*(\d{1,6})/i;
const ROWSPAN = /\browspan\s*=\s*["']?\s*(\d{1,6})/i;

function spanOf(tag: string, attribute: RegExp): number {
  const m = attribute.exec(tag);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

interface OpenRow {
  start: number;
  end: number;
  cells: RawCell[];
  inHead: boolean;
  /** Cells written as `<th>` and as `<td>`. */
  th: number;
  td: number;
}

/**
 * Reads the `<table>` that starts at `from` in `text`, up to its `</table>` (or `limit`).
 * Rows are `<tr>`; cells `<td>`/`<th>`, closed explicitly or by the next cell or row, with their
 * `colspan`/`rowspan`. A row is written as a header when it sits in `<thead>` or holds only `<th>`.
 */
export function readHtmlTable(text: string, from: number, limit: number): HtmlTable | null {
  const rows: RawRow[] = [];
  let row: OpenRow | null = null;
  let cellStart = -1;
  let colspan = 1;
  let rowspan = 1;
  let captionStart = -1;
  let caption: HtmlTable['caption'] = null;
  let tableStart = -1;
  let end = limit;
  let inHead = false;
  let depth = 0;

  const closeCell = (at: number): void => {
    if (cellStart < 0 || !row) return;
    const span = trimSpan(text, cellStart, at);
    const raw = text.slice(span.start, span.end);
    row.cells.push({ start: span.start, end: span.end, text: raw, plain: htmlPlain(raw), colspan, rowspan });
    row.end = Math.max(row.end, at);
    cellStart = -1;
  };
  const closeRow = (at: number): void => {
    closeCell(at);
    if (row && row.cells.length) rows.push({ start: row.start, end: row.end, cells: row.cells, headed: row.inHead || (row.th > 0 && row.td === 0), continued: false });
    row = null;
  };

  TAG.lastIndex = from;
  for (let m = TAG.exec(text); m && m.index < limit; m = TAG.exec(text)) {
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const tagEnd = m.index + m[0].length;
    if (name === 'table') {
      if (!closing) {
        depth++;
        if (depth === 1) tableStart = m.index;
        continue;
      }
      depth--;
      if (depth <= 0) {
        closeRow(m.index);
        end = tagEnd;
        break;
      }
      continue;
    }
    if (depth !== 1) continue; // cells of nested tables stay inside their outer cell
    if (name === 'caption') {
      if (!closing) captionStart = tagEnd;
      else if (captionStart >= 0) {
        const span = trimSpan(text, captionStart, m.index);
        caption = { text: htmlPlain(text.slice(span.start, span.end)), ...span };
        captionStart = -1;
      }
    } else if (name === 'thead') inHead = !closing;
    else if (name === 'tr') {
      closeRow(m.index);
      if (!closing) row = { start: m.index, end: tagEnd, cells: [], inHead, th: 0, td: 0 };
      else if (rows.length && rows[rows.length - 1]!.end < tagEnd) {
        const last = rows[rows.length - 1]!;
        rows[rows.length - 1] = { ...last, end: tagEnd };
      }
    } else if (name === 'td' || name === 'th') {
      closeCell(m.index);
      if (closing) {
        if (row) row.end = tagEnd;
        continue;
      }
      if (!row) row = { start: m.index, end: tagEnd, cells: [], inHead, th: 0, td: 0 };
      if (name === 'th') row.th++;
      else row.td++;
      colspan = spanOf(m[0], COLSPAN);
      rowspan = spanOf(m[0], ROWSPAN);
      cellStart = tagEnd;
    } else if (name === 'tbody' || name === 'tfoot') closeRow(m.index);
  }
  closeRow(Math.min(end, limit));
  if (tableStart < 0 || rows.length === 0) return null;
  return { start: tableStart, end, caption, rows };
}
