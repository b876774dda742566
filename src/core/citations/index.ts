/** Citation markers in the text. */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { FoundReferences } from '../references/index.js';
import type { Citation, Span } from '../types.js';
import { buildAuthorYearIndex, parentheticalCitation, type AuthorYearIndex } from './authorYear.js';
import {
  bracketMarker,
  caretMarker,
  htmlSupMarker,
  latexMarker,
  mathMarker,
  unicodeMarker,
  type MarkerContext,
  type MarkerMatch,
} from './markers.js';
import { superscriptDigit } from './numbers.js';

export { chemicalOrUnitBefore } from './markers.js';
export { MAX_NAMES_BEFORE } from './authorYear.js';

/** Blocks that never hold citation markers. */
const SKIPPED_BLOCKS = new Set(['code', 'math', 'thematicBreak', 'definition', 'blank']);
const MAX_FOOTNOTE_LABEL = 60;

/**
 * Finds every citation marker, in document order, never overlapping.
 *
 * Code, link destinations and images are not read (a link-wrapped marker such as
 * `[\[1\]](#ref-1)` is read from its text); the entries of the reference list are skipped, so
 * their own numbers are not markers. Author–year citations are looked for only when the reference
 * list is an author–year list.
 */
export function findCitations(doc: ParsedDocument, references: FoundReferences): Citation[] {
  const scan = citationScanner(references);
  const citations: Citation[] = [];
  for (const block of doc.blocks) {
    for (const c of scan(doc.text, block)) {
      const previous = citations[citations.length - 1];
      if (!previous || previous.end <= c.start) citations.push(c);
    }
  }
  return citations;
}

/**
 * A scanner of one block at a time for the markers {@link findCitations} finds (for incremental
 * analysis): the block's citations in order, never overlapping, with absolute offsets.
 */
export function citationScanner(references: FoundReferences): (text: string, block: DocBlock) => Citation[] {
  // Built on the first block read: an incremental analysis often reads none.
  let state: ScanState | undefined;
  return (text, block) => {
    if (SKIPPED_BLOCKS.has(block.kind)) return [];
    const found: MarkerMatch[] = [];
    scanBlock(text, block, (state ??= scanState(references)), found);
    return toCitations(text, found);
  };
}

function scanState(references: FoundReferences): ScanState {
  const known = new Set(references.entries.map((e) => e.number));
  const footnotes = new Map<string, number>();
  for (const e of references.entries) if (e.label !== undefined) footnotes.set(e.label.toLowerCase(), e.number);
  const authorYear = references.list?.scheme === 'author-year' ? buildAuthorYearIndex(references.entries) : null;
  const skipped = references.entries.map((e) => ({ start: e.start, end: e.end })).sort((a, b) => a.start - b.start);
  return { known, footnotes, authorYear, skipped };
}

function toCitations(text: string, found: MarkerMatch[]): Citation[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const citations: Citation[] = [];
  let lastEnd = -1;
  for (const m of found) {
    if (m.start < lastEnd) continue;
    lastEnd = m.end;
    citations.push({
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      numbers: [...new Set(m.parts.map((p) => p.number))],
      parts: m.parts,
      style: m.style,
      ...(m.label !== undefined ? { label: m.label } : {}),
    });
  }
  return citations;
}

interface ScanState {
  readonly known: ReadonlySet<number>;
  readonly footnotes: ReadonlyMap<string, number>;
  readonly authorYear: AuthorYearIndex | null;
  /** Reference entries, sorted by start. */
  readonly skipped: readonly Span[];
}

/** Index of the first span ending after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scanBlock(text: string, block: DocBlock, state: ScanState, out: MarkerMatch[]): void {
  const excluded = [...block.excluded].sort((a, b) => a.start - b.start);
  const skipped = state.skipped;
  const ctx: MarkerContext = { text, limit: block.end, known: state.known };
  let e = 0;
  let s = firstEndingAfter(skipped, block.start);
  let i = block.start;
  while (i < block.end) {
    while (s < skipped.length && skipped[s]!.end <= i) s++;
    const skip = skipped[s];
    if (skip && skip.start <= i) {
      i = skip.end;
      continue;
    }
    while (e < excluded.length && excluded[e]!.end <= i) e++;
    const ex = excluded[e];
    const c = text.charCodeAt(i);
    if (ex && ex.start <= i) {
      // Inside code, a URL or a tag nothing starts, except `<sup>` at the start of its tag.
      const m = i === ex.start && c === 60 /* < */ ? htmlSupMarker(ctx, i) : null;
      if (m) {
        out.push(m);
        i = m.end;
      } else i = ex.end;
      continue;
    }
    const m = matchAt(text, i, c, ctx, state);
    if (m) {
      out.push(m);
      i = Math.max(m.end, i + 1);
    } else i++;
  }
}

function matchAt(text: string, i: number, c: number, ctx: MarkerContext, state: ScanState): MarkerMatch | null {
  switch (c) {
    case 91 /* [ */:
      return text[i + 1] === '^' ? footnoteMarker(text, i, ctx.limit, state) : bracketMarker(ctx, i);
    case 94 /* ^ */:
      return caretMarker(ctx, i);
    case 60 /* < */:
      return htmlSupMarker(ctx, i);
    case 36 /* $ */:
      return mathMarker(ctx, i);
    case 92 /* \ */:
      return latexMarker(ctx, i);
    case 40 /* ( */:
      return state.authorYear ? parentheticalCitation(text, i, ctx.limit, state.authorYear) : null;
    default:
      return superscriptDigit(c) >= 0 ? unicodeMarker(ctx, i) : null;
  }
}

/** `[^3]`, `[^note]`: a footnote reference (not its definition `[^3]:`). */
function footnoteMarker(text: string, pos: number, limit: number, state: ScanState): MarkerMatch | null {
  const stop = Math.min(limit, pos + 2 + MAX_FOOTNOTE_LABEL);
  let close = -1;
  for (let k = pos + 2; k < stop; k++) {
    const ch = text[k]!;
    if (ch === ']') {
      close = k;
      break;
    }
    if (/\s|\[/.test(ch)) return null;
  }
  if (close <= pos + 2 || text[close + 1] === ':') return null;
  const label = text.slice(pos + 2, close);
  const number = state.footnotes.get(label.toLowerCase()) ?? (/^\d{1,4}$/.test(label) ? Number(label) : undefined);
  if (number === undefined) return null;
  return { start: pos, end: close + 1, parts: [{ number, start: pos + 2, end: close }], style: 'footnote', label };
}
