/**
 * Guards that keep the cost of parsing any chunk bounded. remark's container parsing grows faster
 * than linearly with the nesting depth and with the length of a nested list (2,000 list levels
 * under block quotes keep it busy for minutes), its inline parsing with the number of unmatched
 * brackets and emphasis markers, its tables with their width. One linear scan before parsing
 * measures each; the parse itself is timed too. A chunk beyond a guard is not given to remark: it is read as plain text, and
 * the analysis says so in a diagnostic. No real document comes near these limits.
 */
import { MAX_MARKDOWN_LINE } from './chunks.js';

/** Why a chunk was read as plain text instead of being parsed as markdown. */
export interface ParseLimit {
  readonly reason: 'depth' | 'nested-list' | 'brackets' | 'delimiters' | 'table-width' | 'line-length' | 'time' | 'deadline';
  /** What was measured (levels, lines, characters or milliseconds). */
  readonly measured: number;
  /** The limit it exceeded. */
  readonly limit: number;
}

/** Deepest nesting of block quotes and list items (estimated from markers and indentation). */
export const MAX_CONTAINER_DEPTH = 32;
/** Most lines of nested list items (below the top level) in one chunk. */
export const MAX_NESTED_LIST_LINES = 400;
/**
 * Most brackets in one chunk that remark must search back for: a `]` with no `[` open before it,
 * a `[` still open, a `](` (each looks back over the chunk or forward for its other half).
 */
export const MAX_UNMATCHED_BRACKETS = 256;
/** Most emphasis and code delimiters (`*`, `_`, `` ` ``) in one chunk: remark pairs them up slowly. */
export const MAX_DELIMITERS = 4096;
/** Most `|` on one line: each is a table cell remark lays out. */
export const MAX_TABLE_CELLS = 512;
/** A chunk whose parse took longer than this is read as plain text (its tree is not used). */
export const CHUNK_TIME_LIMIT_MS = 2000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The guard `source` exceeds, if any, found by one linear scan before parsing. The depth of a line
 * is its block quote markers plus its list markers, a list marker counting one level more for each
 * two columns of indentation before it (the least a nested list item needs). Lines inside a
 * top-level fenced code block are skipped: they hold no containers.
 */
export function exceededLimit(source: string): ParseLimit | null {
  let deepest = 0;
  let nestedLines = 0;
  let delimiters = 0;
  let fence: string | null = null;
  const n = source.length;
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n && source.charCodeAt(lineEnd) !== 10 && source.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (lineEnd - lineStart > MAX_MARKDOWN_LINE) return { reason: 'line-length', measured: lineEnd - lineStart, limit: MAX_MARKDOWN_LINE };
    const opener = lineEnd - lineStart >= 3 ? FENCE.exec(source.slice(lineStart, Math.min(lineEnd, lineStart + 16))) : null;
    if (fence !== null) {
      if (opener && opener[1]![0] === fence[0] && opener[1]!.length >= fence.length) fence = null;
    } else if (opener) fence = opener[1]!;
    else {
      let pipes = 0;
      for (let i = lineStart; i < lineEnd; i++) {
        const c = source.charCodeAt(i);
        if (c === 124 /* | */) pipes++;
        else if (c === 42 || c === 95 || c === 96 /* * _ ` */) delimiters++;
      }
      if (pipes > MAX_TABLE_CELLS) return { reason: 'table-width', measured: pipes, limit: MAX_TABLE_CELLS };
      const { depth, nested } = lineDepth(source, lineStart, lineEnd);
      if (nested) nestedLines++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_CONTAINER_DEPTH) return { reason: 'depth', measured: deepest, limit: MAX_CONTAINER_DEPTH };
    }
    lineStart = lineEnd + (source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  if (nestedLines > MAX_NESTED_LIST_LINES) return { reason: 'nested-list', measured: nestedLines, limit: MAX_NESTED_LIST_LINES };
  if (delimiters > MAX_DELIMITERS) return { reason: 'delimiters', measured: delimiters, limit: MAX_DELIMITERS };
  const brackets = unmatchedBrackets(source);
  if (brackets > MAX_UNMATCHED_BRACKETS) return { reason: 'brackets', measured: brackets, limit: MAX_UNMATCHED_BRACKETS };
  return null;
}

/** The most brackets of `source` that are unmatched at once (see {@link MAX_UNMATCHED_BRACKETS}). */
function unmatchedBrackets(source: string): number {
  let open = 0;
  let strayClose = 0;
  let linkOpen = 0;
  let most = 0;
  for (let i = source.indexOf('['), j = source.indexOf(']'); i >= 0 || j >= 0; ) {
    if (i >= 0 && (j < 0 || i < j)) {
      open++;
      i = source.indexOf('[', i + 1);
    } else {
      if (open > 0) open--;
      else strayClose++;
      if (source.charCodeAt(j + 1) === 40 /* ( */) linkOpen++;
      j = source.indexOf(']', j + 1);
    }
    const now = open + strayClose + linkOpen;
    if (now > most) most = now;
  }
  return most;
}

/** The container depth a line opens, and whether it holds a nested list item (one indented or after another marker). */
function lineDepth(source: string, start: number, end: number): { depth: number; nested: boolean } {
  let depth = 0;
  let listMarkers = 0;
  let nested = false;
  let indent = 0;
  let i = start;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 32) {
      indent++;
      i++;
      continue;
    }
    if (c === 9) {
      indent += 4 - (indent % 4);
      i++;
      continue;
    }
    const after = markerEnd(source, i, end);
    if (c === 62 /* > */) {
      depth++;
      indent = 0;
      i++;
      continue;
    }
    if (after < 0) break;
    const levels = 1 + (indent >> 1);
    if (listMarkers > 0 || levels > 1) nested = true;
    depth += levels;
    listMarkers++;
    indent = 0;
    i = after;
  }
  return { depth, nested };
}

/** The offset after a list marker (`-`, `*`, `+`, `1.`, `1)`) at `i` followed by a blank or the line end, else -1. */
function markerEnd(source: string, i: number, end: number): number {
  const c = source.charCodeAt(i);
  let j = i;
  if (c === 45 || c === 42 || c === 43) j = i + 1;
  else {
    while (j < end && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
    if (j === i) return -1;
    const d = source.charCodeAt(j);
    if (d !== 46 && d !== 41) return -1;
    j++;
  }
  if (j === end) return j;
  const next = source.charCodeAt(j);
  return next === 32 || next === 9 ? j : -1;
}

/** The message a reader sees for a chunk read as plain text. */
export function limitMessage(limit: ParseLimit): string {
  switch (limit.reason) {
    case 'depth':
      return `Read as plain text: block quotes and lists nested more than ${limit.limit} levels deep`;
    case 'nested-list':
      return `Read as plain text: ${limit.measured} lines of nested list items in one block (the limit is ${limit.limit})`;
    case 'brackets':
      return `Read as plain text: ${limit.measured} unmatched brackets or link openings in one block (the limit is ${limit.limit})`;
    case 'delimiters':
      return `Read as plain text: ${limit.measured} emphasis and code markers in one block (the limit is ${limit.limit})`;
    case 'table-width':
      return `Read as plain text: a table row of ${limit.measured} cells (the limit is ${limit.limit})`;
    case 'line-length':
      return `Read as plain text: a line of ${limit.measured} characters (markdown is read in lines of up to ${limit.limit})`;
    case 'time':
      return `Read as plain text: parsing this block took ${limit.measured} ms (the limit is ${limit.limit} ms)`;
    case 'deadline':
      return 'Read as plain text: the analysis ran out of the time it was given';
  }
}
