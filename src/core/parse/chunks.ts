/**
 * Splits a document into chunks that remark can parse on their own.
 *
 * A chunk ends at a blank line unless the next line is indented (a list item's continuation or
 * indented code) or a fence, `$$` math block or `<table>` is still open. Parsing chunks apart lets
 * an edit re-parse only the chunks it touched; joining more lines than needed is always safe.
 */
import type { Span } from '../types.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MATH_FENCE = /^ {0,3}\$\$/;
const TABLE_OPEN = /^ {0,3}<table[\s>]/i;
const TABLE_CLOSE = /<\/table\s*>/i;
/** A chunk of at least this many lines ends before the next top-level list item. */
const MAX_LIST_CHUNK_LINES = 64;
const TOP_LEVEL_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/** Above this many lines, an unclosed `<table>` stops holding the chunk open. */
const MAX_HTML_TABLE_LINES = 5000;

export interface LineInfo extends Span {
  /** Offset after the line ending (start of the next line). */
  readonly next: number;
}

/** Every line of `text`, without its line ending (`\n`, `\r\n` or `\r`). */
export function splitLines(text: string, base = 0): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start: base + start, end: base + i, next: base + next });
      start = next;
      i = next - 1;
    }
  }
  if (start < n || n === 0 || lines.length === 0) lines.push({ start: base + start, end: base + n, next: base + n });
  else lines.push({ start: base + n, end: base + n, next: base + n });
  return lines;
}

function isBlank(text: string, line: LineInfo): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** Chunks of `text`, in order, covering every non-blank line. Blank lines between chunks belong to none. */
export function splitChunks(text: string): Span[] {
  const lines = splitLines(text);
  const chunks: Span[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (isBlank(text, first)) {
      i++;
      continue;
    }
    let last = i;
    let open: RegExp | null = null;
    let openKind: 'fence' | 'math' | 'table' | null = null;
    let openedAt = 0;
    for (let j = i; j < lines.length; j++) {
      const line = lines[j]!;
      const s = text.slice(line.start, line.end);
      if (openKind === null) {
        // A long list is cut before a top-level item: remark's container parsing grows faster than linearly.
        if (j - i >= MAX_LIST_CHUNK_LINES && TOP_LEVEL_ITEM.test(s)) break;
        if (j > i && isBlank(text, line)) {
          // Look past the blank run: an indented line continues the chunk.
          let k = j;
          while (k < lines.length && isBlank(text, lines[k]!)) k++;
          if (k >= lines.length) break;
          const nextText = text.slice(lines[k]!.start, lines[k]!.end);
          if (/^(?: {2,}|\t)\S/.test(nextText) && !FENCE.test(nextText)) {
            last = k;
            j = k;
            // fall through to fence/table detection of this line below
            const reopened = detectOpen(nextText);
            if (reopened) [open, openKind, openedAt] = [reopened.close, reopened.kind, k];
            continue;
          }
          break;
        }
        last = j;
        const opened = detectOpen(s);
        if (opened) [open, openKind, openedAt] = [opened.close, opened.kind, j];
      } else {
        last = j;
        if (open!.test(s) && !(openKind !== 'table' && j === openedAt)) {
          open = null;
          openKind = null;
        } else if (openKind === 'table' && j - openedAt > MAX_HTML_TABLE_LINES) {
          open = null;
          openKind = null;
        }
      }
    }
    chunks.push({ start: first.start, end: lines[last]!.end });
    i = last + 1;
  }
  return chunks;
}

function detectOpen(line: string): { close: RegExp; kind: 'fence' | 'math' | 'table' } | null {
  const fence = FENCE.exec(line);
  if (fence) {
    const marker = fence[1]!;
    // A backtick fence whose info string holds a backtick is not a fence.
    if (marker[0] === '`' && line.slice(fence[0].length).includes('`')) return null;
    return { close: new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`), kind: 'fence' };
  }
  if (MATH_FENCE.test(line)) {
    // `$$ x $$` on one line opens and closes at once.
    if (/^ {0,3}\$\$.*\$\$\s*$/.test(line) && line.trim().length > 4) return null;
    return { close: /\$\$\s*$/, kind: 'math' };
  }
  if (TABLE_OPEN.test(line) && !TABLE_CLOSE.test(line)) return { close: TABLE_CLOSE, kind: 'table' };
  return null;
}
