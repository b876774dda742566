/**
 * Splits a document into chunks that remark can parse on their own.
 *
 * A chunk ends at a blank line unless it is still short, the next line is indented (a list item's
 * continuation or indented code) or a fence, `$$` math block or `<table>` is still open. Parsing chunks apart lets
 * an edit re-parse only the chunks it touched; joining more lines than needed is always safe.
 */
import type { Span } from '../types.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MATH_FENCE = /^ {0,3}\$\$/;
const TABLE_OPEN = /^ {0,3}<table[\s>]/i;
const TABLE_CLOSE = /<\/table\s*>/i;
/** A chunk of at least this many lines ends before the next top-level list item (an edit in a long list then re-parses a few items, not the list). */
const MAX_LIST_CHUNK_LINES = 16;
const TOP_LEVEL_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/**
 * A chunk shorter than this goes on past a blank line: every chunk costs remark a fixed setup
 * (about 80 μs), which would otherwise dominate a document of short headings and paragraphs.
 * Whether a chunk ends still depends only on the text since its start, so after an edit the
 * chunks meet the last version's again at the first long chunk.
 */
const MIN_CHUNK_LENGTH = 3072;
/**
 * Lines longer than this are read as plain text: remark's inline parsing of long lines dense in
 * brackets or `$` grows quadratically, and such lines (a whole document on one line) hold no
 * block markup. A short chunk does not go on into such a line, which is read alone.
 */
export const MAX_MARKDOWN_LINE = 20_000;
/**
 * A chunk that reaches this length ends before its next line (outside a fence, math block or
 * HTML table): remark's cost grows faster than linearly with the length of a paragraph, list or
 * table, and no real block is this long without a blank line.
 */
export const MAX_CHUNK_LENGTH = 65_536;
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

function isBlank(text: string, line: Span): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** A line as the chunker reads it: `index` counts lines from where the scan began. */
interface Line extends LineInfo {
  readonly index: number;
  /** The last line of the text (no line ending after it). */
  readonly final: boolean;
}

/** The line starting at `start`. */
function lineAt(text: string, start: number, index: number): Line {
  const n = text.length;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      return { start, end: i, next, index, final: false };
    }
  }
  return { start, end: n, next: n, index, final: true };
}

function after(text: string, line: Line): Line {
  return lineAt(text, line.next, line.index + 1);
}

/** Chunks of `text`, in order, covering every non-blank line. Blank lines between chunks belong to none. */
export function splitChunks(text: string): Span[] {
  return [...chunksFrom(text, 0)];
}

/**
 * The chunks of `text` from the line starting at `from` on, read lazily: a chunk's extent depends
 * only on the text from its first line to the first line of the next chunk, so an incremental
 * parse can start at a known chunk start and stop once it meets the chunks of the last version.
 */
export function* chunksFrom(text: string, from: number): Generator<Span> {
  let line = lineAt(text, from, 0);
  for (;;) {
    if (isBlank(text, line)) {
      if (line.final) return;
      line = after(text, line);
      continue;
    }
    const first = line;
    let last = line;
    let open: RegExp | null = null;
    let openKind: 'fence' | 'math' | 'table' | null = null;
    let openedAt = first.index;
    for (let current: Line | null = line; current !== null; current = current.final ? null : after(text, current)) {
      const s = text.slice(current.start, current.end);
      if (openKind === null) {
        // A long list is cut before a top-level item: remark's container parsing grows faster than linearly.
        if (current.index - first.index >= MAX_LIST_CHUNK_LINES && TOP_LEVEL_ITEM.test(s)) break;
        if (current !== first && current.start - first.start >= MAX_CHUNK_LENGTH) break;
        if (current !== first && isBlank(text, current)) {
          // Look past the blank run: an indented line continues the chunk.
          let blankEnd: Line = current;
          let next: Line = current;
          while (!next.final && isBlank(text, next)) next = after(text, (blankEnd = next));
          if (isBlank(text, next)) break;
          if (last.end - first.start < MIN_CHUNK_LENGTH && next.end - next.start <= MAX_MARKDOWN_LINE) {
            // Too short to stand alone: the next line is read as part of this chunk.
            current = blankEnd;
            continue;
          }
          const nextText = text.slice(next.start, next.end);
          if (/^(?: {2,}|\t)\S/.test(nextText) && !FENCE.test(nextText)) {
            last = next;
            current = next;
            const reopened = detectOpen(nextText);
            if (reopened) [open, openKind, openedAt] = [reopened.close, reopened.kind, next.index];
            continue;
          }
          break;
        }
        last = current;
        const opened = detectOpen(s);
        if (opened) [open, openKind, openedAt] = [opened.close, opened.kind, current.index];
      } else {
        last = current;
        if (open!.test(s) && !(openKind !== 'table' && current.index === openedAt)) {
          open = null;
          openKind = null;
        } else if (openKind === 'table' && current.index - openedAt > MAX_HTML_TABLE_LINES) {
          open = null;
          openKind = null;
        }
      }
    }
    yield { start: first.start, end: last.end };
    if (last.final) return;
    line = after(text, last);
  }
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
