/** Citation markers in the text. */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { FoundReferences } from '../references/index.js';
import { partitionPoint } from '../sorted.js';
import type { Citation, Span } from '../types.js';
import { bareCitation, buildAuthorYearIndex, parentheticalCitation, type AuthorYearIndex } from './authorYear.js';
import { citekeyMarker } from './citekeys.js';
import { linkCitation, splitLinkCitation } from './links.js';
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
import { frontMatterMarks } from './front-matter.js';
import { anchoredEntries, type AnchoredEntry } from './anchors.js';
import { referenceColumnMarkers } from './table-column.js';
import { ORDERED, ORDERED_CITATIONS, SUPERSCRIPT_STYLES, acceptGlued, gluedMarker, looseMarker, parenthesisMarker } from './glued.js';
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
  return documentCitations(citations, references);
}

/**
 * The document-wide step after the block-by-block scan: which glued digits are citations
 * depends on how the whole document cites (see glued.ts).
 */
export function documentCitations(citations: Citation[], references: FoundReferences): Citation[] {
  const kept = acceptGlued(citations, references.entries.length);
  return kept === citations ? citations : [...kept];
}

/**
 * A scanner of one block at a time for the markers {@link findCitations} finds (for incremental
 * analysis): the block's citations in order, never overlapping, with absolute offsets.
 */
export function citationScanner(references: FoundReferences): (text: string, block: DocBlock) => Citation[] {
  // Built on the first block read: an incremental analysis often reads none.
  let state: ScanState | undefined;
  return (text, block) => {
    if (block.kind === 'math') {
      const tail = mathTail(text, block);
      if (tail === null) return [];
      block = { ...block, kind: 'paragraph', start: tail, excluded: mathSpans(text, tail, block.end) };
    }
    if (SKIPPED_BLOCKS.has(block.kind)) return [];
    const found: MarkerMatch[] = [];
    scanBlock(text, block, (state ??= scanState(text, references)), found);
    if (block.kind === 'table' && state.numbered && state.known.size > 0) found.push(...referenceColumnMarkers(block, { text, limit: block.end, known: state.known }));
    const marks = frontMatterMarks(text, block, found);
    for (const m of enumerationLabels(text, found)) marks.add(m);
    for (const m of found) if (SUPERSCRIPT_STYLES.has(m.style) && (HYPHENATED.test(text.slice(m.end, m.end + 3)) || echoedByAbbreviation(text, m))) marks.add(m);
    return toCitations(text, marks.size === 0 ? found : found.filter((m) => !marks.has(m)));
  };
}

/**
 * A superscript joined by a hyphen to the word after it is a number of that word (`$^ 2$ -fold`),
 * or a locant of the name it opens (`Δ⁷-N-demethyl-mesembrenone`, `Δ⁷-Mesembrenone`): not a citation.
 */
const HYPHENATED = /^ ?-\p{L}/u;

/**
 * A superscript whose number the abbreviation right after it ends with is the number of a name
 * (`SRSF Protein Kinase $^ 3$ (SPRK3, …)`, `receptor kinase $^ 4$ 0 $\mathrm{GRK}_4$`): OCR raised
 * the number of `Kinase 3`, which the abbreviation repeats. Formula markup is read as its letters;
 * the opening parenthesis may be OCR's `0`.
 */
function echoedByAbbreviation(text: string, m: MarkerMatch): boolean {
  if (m.parts.length !== 1) return false;
  const after = text
    .slice(m.end, m.end + 60)
    .replace(/\\(?:mathrm|mathbf|mathit|text|rm)\b|\\ |[${}_\s]/g, '');
  const abbreviation = /^[(（[0]?(\p{Lu}[\p{Lu}\d-]*?\p{Lu}-?)(\d+)(?!\d)/u.exec(after);
  return abbreviation !== null && Number(abbreviation[2]) === m.parts[0]!.number;
}

/**
 * Where the text resumes in a display-math block whose closing `$$` ends a line of formula
 * (`\end{eqnarray}$$`): markdown reads on to the next `$$` line, over the prose between.
 */
function mathTail(text: string, block: DocBlock): number | null {
  const open = text.startsWith('$$', block.start) ? block.start + 2 : -1;
  if (open < 0) return null;
  const close = text.indexOf('$$', open);
  if (close < 0 || close + 2 >= block.end) return null;
  const after = close + 2;
  return text.slice(after, block.end).trim() === '' ? null : after;
}

/** The formulas (`$…$`, `$$…$$`) in `[from, to)`, which hold no markers. */
function mathSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const re = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g;
  const source = text.slice(from, to);
  for (let m = re.exec(source); m; m = re.exec(source)) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  return spans;
}

/**
 * Numbers in parentheses that label the items of an enumeration (`we tested (1) binding and (2)
 * function`): single numbers each followed by a word, counting up within the block.
 */
function enumerationLabels(text: string, found: readonly MarkerMatch[]): MarkerMatch[] {
  const labels = found.filter((m) => m.style === 'parenthesis' && m.parts.length === 1 && /^ \p{L}/u.test(text.slice(m.end, m.end + 2)));
  const numbers = new Set(labels.map((m) => m.parts[0]!.number));
  return labels.filter((m) => numbers.has(m.parts[0]!.number + 1) || numbers.has(m.parts[0]!.number - 1));
}

/**
 * Whether markers may cite the list by its entries' names and years: an author–year list, and a
 * numbered one too (`Zyzak et al. (2003) detected…` beside `[24]`); footnotes are cited by label.
 */
export function readsNamesAndYears(references: FoundReferences): boolean {
  return references.list !== null && references.list.scheme !== 'footnote' && references.entries.length > 0;
}

function scanState(text: string, references: FoundReferences): ScanState {
  const known = new Set(references.entries.map((e) => e.number));
  const footnotes = new Map<string, number>();
  for (const e of references.entries) if (e.label !== undefined) footnotes.set(e.label.toLowerCase(), e.number);
  const authorYear = readsNamesAndYears(references) ? buildAuthorYearIndex(references.entries) : null;
  const skipped = references.entries.map((e) => ({ start: e.start, end: e.end })).sort((a, b) => a.start - b.start);
  // Digits glued to a word are read only against a numbered list.
  const glued = references.list?.scheme === 'numeric' && known.size > 0;
  // An author–year list is cited by name and year: numbers in the text are footnotes, sections, pages.
  const numbered = references.list?.scheme !== 'author-year';
  const anchors = references.entries.length > 0 ? anchoredEntries(text, references.entries) : NO_ANCHORS;
  return { known, footnotes, authorYear, skipped, glued, numbered, keys: references.keys ?? NO_KEYS, anchors };
}

function toCitations(text: string, found: MarkerMatch[]): Citation[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const citations: Citation[] = [];
  let lastEnd = -1;
  for (const m of found) {
    if (m.start < lastEnd) continue;
    lastEnd = m.end;
    const citation = toCitation(text, m);
    const ordered = ORDERED.get(m);
    if (ordered) ORDERED_CITATIONS.set(citation, { capitalised: ordered.capitalised, ...(ordered.oneRead ? { oneRead: toCitation(text, ordered.oneRead) } : {}) });
    citations.push(citation);
  }
  return citations;
}

function toCitation(text: string, m: MarkerMatch): Citation {
  return {
    start: m.start,
    end: m.end,
    text: text.slice(m.start, m.end),
    numbers: [...new Set(m.parts.map((p) => p.number))],
    parts: m.parts,
    style: m.style,
    ...(m.label !== undefined ? { label: m.label } : {}),
  };
}

interface ScanState {
  readonly known: ReadonlySet<number>;
  readonly footnotes: ReadonlyMap<string, number>;
  readonly authorYear: AuthorYearIndex | null;
  /** Reference entries, sorted by start. */
  readonly skipped: readonly Span[];
  /** Whether digits glued to a word may be citations (the list is numbered). */
  readonly glued: boolean;
  /** Whether numbers may cite entries (the list is not an author–year list). */
  readonly numbered: boolean;
  /** Entry numbers by the keys of keyed entries, in lower case. */
  readonly keys: ReadonlyMap<string, number>;
  /** Entries by the ids of the converter anchors at their start. */
  readonly anchors: ReadonlyMap<string, AnchoredEntry>;
}

const NO_KEYS: ReadonlyMap<string, number> = new Map();
const NO_ANCHORS: ReadonlyMap<string, AnchoredEntry> = new Map();

/** Index of the first span ending after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return partitionPoint(spans, (span) => span.end <= offset);
}

function scanBlock(text: string, block: DocBlock, state: ScanState, out: MarkerMatch[]): void {
  const excluded = [...block.excluded].sort((a, b) => a.start - b.start);
  const skipped = state.skipped;
  const ctx: MarkerContext = { text, limit: block.end, known: state.known };
  const starts = state.numbered ? NUMBERED_STARTS : AUTHOR_YEAR_STARTS;
  let e = 0;
  let s = firstEndingAfter(skipped, block.start);
  let i = block.start;
  while (i < block.end) {
    while (s < skipped.length && skipped[s]!.end <= i) s++;
    const skip = skipped[s];
    if (skip && skip.start <= i) {
      const stop = Math.min(skip.end, block.end);
      if (state.authorYear) entryCitations(text, i, stop, state, out);
      i = stop;
      continue;
    }
    while (e < excluded.length && excluded[e]!.end <= i) e++;
    const ex = excluded[e];
    const c = text.charCodeAt(i);
    if (ex && ex.start <= i) {
      // Inside code or a URL nothing starts; HTML is read between its tags (`<sup>12</sup>`, `<td>[36]</td>`),
      // an image in its description (a figure's caption written as its alt text).
      if (i === ex.start && c === 60 /* < */) {
        i = scanHtml(text, i, ex.end, ctx, state, out);
        continue;
      }
      if (i === ex.start && c === 33 /* ! */ && text[i + 1] === '[') scanImageAlt(text, i, ex.end, ctx, state, out);
      i = ex.end;
      continue;
    }
    if (c < 128 && starts[c] === 0) {
      // No marker starts at most characters: pass over them up to the next entry or excluded span.
      const stop = Math.min(block.end, skip ? skip.start : block.end, ex ? ex.start : block.end);
      for (i++; i < stop; i++) {
        const d = text.charCodeAt(i);
        if (d >= 128 || starts[d] !== 0) break;
      }
      continue;
    }
    const m = matchAt(text, i, c, ctx, state);
    if (m) {
      out.push(m);
      i = Math.max(m.end, i + 1);
    } else i++;
  }
}

/** A table of the ASCII characters in `chars`. */
function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

/** The ASCII characters where {@link matchAt} may find a marker (any other is no marker's start): with numbers, with names and years. */
const NUMBERED_STARTS = asciiTable('[^<$\\(0123456789');
const AUTHOR_YEAR_STARTS = asciiTable('[(ABCDEFGHIJKLMNOPQRSTUVWXYZ');

/**
 * Inside a reference entry only a link to another entry by name and year is a citation: a note
 * `5. ^ [Carboneras 1992](#CITEREFCarboneras1992), p. 536` cites the source it abbreviates.
 */
function entryCitations(text: string, from: number, to: number, state: ScanState, out: MarkerMatch[]): void {
  for (let k = text.indexOf('[', from); k >= 0 && k < to; k = text.indexOf('[', k + 1)) {
    const m = linkCitation(text, k, to, state);
    if (m && m.parts.length > 0) {
      out.push(m);
      k = m.end - 1;
    }
  }
}

/**
 * The markers of HTML `[start, end)`: `<sup>` markers at their tags (they may run past an inline
 * tag), others in the text between tags (table cells). Returns where the scan goes on.
 */
function scanHtml(text: string, start: number, end: number, ctx: MarkerContext, state: ScanState, out: MarkerMatch[]): number {
  if (text.startsWith('<!--', start)) return end;
  const inner: MarkerContext = { ...ctx, limit: Math.min(ctx.limit, end) };
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c === 60 /* < */) {
      const m = htmlSupMarker(ctx, k);
      if (m) {
        out.push(m);
        k = m.end;
        continue;
      }
      const close = text.indexOf('>', k);
      k = close < 0 || close >= end ? end : close + 1;
      continue;
    }
    const m = c === 91 /* [ */ || superscriptDigit(c) >= 0 ? matchAt(text, k, c, inner, state) : null;
    if (m) {
      out.push(m);
      k = Math.max(m.end, k + 1);
    } else k++;
  }
  return k;
}

/**
 * The citekeys in the description of the image `text[start, end)` (`![Roles [@CHEBI:50906] …](fig.png)`):
 * pandoc reads an image's description as the figure's caption, citations included. Other markers
 * are not read there: a converter's description is its reading of the picture (labels, OCR), not
 * the document's text.
 */
function scanImageAlt(text: string, start: number, end: number, ctx: MarkerContext, state: ScanState, out: MarkerMatch[]): void {
  // The description ends at the bracket that closes its opening one.
  let depth = 0;
  let close = -1;
  for (let k = start + 1; k < end; k++) {
    const ch = text[k];
    if (ch === '\\') k++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) {
      close = k;
      break;
    }
  }
  if (close < 0) return;
  const inner: MarkerContext = { ...ctx, limit: Math.min(ctx.limit, close) };
  for (let k = start + 2; k < close; ) {
    const m = text[k] === '[' && text[k + 1] !== '^' ? citekeyMarker(text, k, inner.limit, state.keys) : null;
    if (m) {
      out.push(m);
      k = Math.max(m.end, k + 1);
    } else k++;
  }
}

function matchAt(text: string, i: number, c: number, ctx: MarkerContext, state: ScanState): MarkerMatch | null {
  if (!state.numbered) return authorYearAt(text, i, c, ctx, state);
  switch (c) {
    case 91 /* [ */:
      if (text[i + 1] === '^') return footnoteMarker(text, i, ctx.limit, state);
      return (
        bracketMarker(ctx, i) ??
        citekeyMarker(text, i, ctx.limit, state.keys) ??
        (state.authorYear ? splitLinkCitation(text, i, ctx.limit, state.authorYear) : null) ??
        linkCitation(text, i, ctx.limit, state)
      );
    case 94 /* ^ */:
      return caretMarker(ctx, i);
    case 60 /* < */:
      return htmlSupMarker(ctx, i);
    case 36 /* $ */:
      return mathMarker(ctx, i);
    case 92 /* \ */:
      return latexMarker(ctx, i);
    case 40 /* ( */:
      return (state.authorYear ? parentheticalCitation(text, i, ctx.limit, state.authorYear) : null) ?? (state.glued ? parenthesisMarker(ctx, i) : null);
    default:
      if (c >= 48 && c <= 57) return state.glued && (i === 0 || !isDigit(text.charCodeAt(i - 1))) ? (gluedMarker(ctx, i) ?? looseMarker(ctx, i)) : null;
      return superscriptDigit(c) >= 0 ? unicodeMarker(ctx, i) : null;
  }
}

/** The markers of an author–year list: links, citekeys, parentheses, bare names; footnote calls. */
function authorYearAt(text: string, i: number, c: number, ctx: MarkerContext, state: ScanState): MarkerMatch | null {
  if (c === 91 /* [ */) {
    if (text[i + 1] === '^') return footnoteMarker(text, i, ctx.limit, state);
    return citekeyMarker(text, i, ctx.limit, state.keys) ?? (state.authorYear ? splitLinkCitation(text, i, ctx.limit, state.authorYear) : null) ?? linkCitation(text, i, ctx.limit, state);
  }
  if (!state.authorYear) return null;
  if (c === 40 /* ( */) return parentheticalCitation(text, i, ctx.limit, state.authorYear);
  return isCapital(c) && !isLetter(text.charCodeAt(i - 1)) ? bareCitation(text, i, ctx.limit, state.authorYear, state.keys) : null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A capital letter (ASCII, or any cased letter beyond it), where a family name may start. */
function isCapital(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** A letter or digit before `pos` (NaN before the text's start is neither). */
function isLetter(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
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
