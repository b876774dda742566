/** The reference list and its entries. */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Reference, ReferenceList, Section } from '../types.js';
import { AUTHOR_START, footnoteEntry, listEntries, paragraphEntries, splitRunTogether, type RawEntry } from './entries.js';
import { legacyFields, type EntryFields } from './fields.js';
import { parseEntry } from './grammar/parse.js';
import { moveFields } from './move.js';
import type { ReferenceFields } from '../types.js';

export { firstListings, linkReferences, workIdentity, type WorkIdentity } from './link.js';
export { parseEntryFields, type EntryFields } from './fields.js';
export { parseEntry, type ParsedEntry } from './grammar/parse.js';

export type FoundReference = Omit<Reference, 'citedBy' | 'duplicateOf'>;

export interface FoundReferences {
  readonly list: ReferenceList | null;
  readonly entries: readonly FoundReference[];
  /** Entry numbers by the keys keyed entries open with (`**Begg 1982** …`), in lower case. */
  readonly keys?: ReadonlyMap<string, number>;
}

/** What an entry's source says: its text with white space collapsed, and its fields. */
export interface EntryReading {
  readonly text: string;
  readonly fields: EntryFields;
  /** `references[].fields` with offsets relative to the source. */
  readonly spans: ReferenceFields;
  /** The spans as last placed in the document, and where (a reading reused at the same place gives the same object). */
  placed?: { readonly at: number; readonly fields: ReferenceFields };
}

/** Reads one entry from its source (the text after its marker and number). */
export type EntryReader = (source: string) => EntryReading;

/** Reads an entry's text and fields (the reader of a cold analysis). */
export function readEntry(source: string): EntryReading {
  const text = source.replace(/\s+/g, ' ').trim();
  const parsed = parseEntry(source);
  return { text, fields: legacyFields(parsed), spans: parsed.fields };
}

/** The reading's fields placed at the entry's content start `at`. */
function placeFields(reading: EntryReading, at: number): ReferenceFields {
  if (reading.placed?.at !== at) reading.placed = { at, fields: moveFields(reading.spans, at) };
  return reading.placed.fields;
}

/** Headings that open a reference list (optionally numbered, as in "7. References"; OCR may lose a space: "Referencesand notes"). */
const REFERENCE_HEADING =
  /^(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:references?(?:\s*and\s+notes|\s+(?:cited|list))?|bibliography|literature\s+cited|works\s+cited|cited\s+literature|notes|end\s?notes|sources|footnotes|citations)\s*:?$/i;
/** Text that only a bibliographic entry holds: a year, a DOI, an arXiv id, a URL, "et al." or a trailing `[host]`. */
const REFERENCE_LIKE = /\b(?:1[89]\d\d|20\d\d)[a-z]?\b|\bdoi\b|\barxiv:|\b10\.\d{4,9}\/|https?:\/\/|\bet al\b|\[[a-z0-9.-]{1,253}\.[a-z]{2,24}\]\s*$/i;
/** An unnumbered paragraph is an entry when it opens with authors or holds a DOI, a URL or a [host]; prose with a year is not. */
function looksLikeEntry(s: string): boolean {
  if (/\bdoi\b|\b10\.\d{4,9}\/|https?:\/\/|\[[a-z0-9.-]{1,253}\.[a-z]{2,24}\]\s*$/i.test(s)) return true;
  if (!REFERENCE_LIKE.test(s)) return false;
  // Names given first (`Armen Aghajanyan, Lili Yu, and Luke Zettlemoyer. 2023.`) are read by the grammar.
  return AUTHOR_START.test(s) || (s.length < MAX_ENTRY_READ && parseEntry(s).fields.authors.length > 0);
}
/** Once a list has begun, a paragraph that opens with a capital and holds a year or an identifier is its next entry. */
function continuesList(s: string): boolean {
  return s.length < MAX_ENTRY_READ && /^[\p{Lu}\p{N}]/u.test(s) && REFERENCE_LIKE.test(s);
}
/** Longest paragraph read by the grammar to tell whether it is an entry. */
const MAX_ENTRY_READ = 3000;

/** Blocks of prose tolerated between a reference heading and its first entry. */
const MAX_LEAD_IN_BLOCKS = 2;

/**
 * Finds the reference list: the entries after a heading such as References, Bibliography or Notes;
 * else the document's footnote definitions; else a trailing numbered list of reference-like entries.
 * A list split by blank lines is read as one list; it ends at the first entry that breaks its
 * numbering scheme (an unnumbered item among numbered ones) or at the first block that is not a list.
 */
export function findReferences(doc: ParsedDocument, _sections: readonly Section[], read: EntryReader = readEntry): FoundReferences {
  const { text, blocks } = doc;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (!isReferenceHeading(blocks[i]!)) continue;
    const raw = collectEntries(blocks, i + 1, text);
    if (raw.length === 0) continue;
    const before = listJustBefore(blocks, i, text);
    return before && numberedApart(before.raw, raw) ? build(text, [...before.raw, ...raw], blocks[before.heading]!, read) : build(text, raw, blocks[i]!, read);
  }
  const footnotes = blocks.filter((b) => b.kind === 'footnoteDefinition');
  if (footnotes.length > 0) return build(text, footnotes.map((b, k) => footnoteEntry(b, text, k + 1)), null, read);
  const trailing = trailingListStart(blocks, text);
  if (trailing >= 0) {
    const raw = collectEntries(blocks, trailing, text);
    if (raw.length > 0) return build(text, raw, null, read);
  }
  return { list: null, entries: [] };
}

/**
 * The list under an earlier reference heading that runs up to heading `i`: notes and sources
 * (`### Citations` numbered, then `### Sources` by author and year) are one reference list.
 */
function listJustBefore(blocks: readonly DocBlock[], i: number, text: string): { raw: RawEntry[]; heading: number } | null {
  for (let h = i - 1; h >= 0 && blocks[h]!.kind !== 'heading'; h--) {
    if (h === 0) return null;
    if (blocks[h - 1]!.kind === 'heading') {
      if (!isReferenceHeading(blocks[h - 1]!)) return null;
      const raw = collectEntries(blocks, h, text);
      const last = raw[raw.length - 1];
      return last && last.end >= trimmedEnd(blocks[i - 1]!, text) ? { raw, heading: h - 1 } : null;
    }
  }
  return null;
}

/** Whether two lists' written numbers never meet (the second unnumbered, or numbered on from the first). */
function numberedApart(first: readonly RawEntry[], second: readonly RawEntry[]): boolean {
  const numbers = new Set(first.map((e) => e.number));
  return second.every((e) => e.number === null || !numbers.has(e.number));
}

function trimmedEnd(block: DocBlock, text: string): number {
  let e = block.end;
  while (e > block.start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function isReferenceHeading(block: DocBlock): boolean {
  if (block.kind !== 'heading' && (block.kind !== 'paragraph' || block.lines.length !== 1)) return false;
  const title = block.plain.text.trim();
  return title.length < 40 && REFERENCE_HEADING.test(title);
}

/**
 * What a PDF converter leaves where a page ended inside the list: a rule, a page number (`{12}`
 * over a rule reads as a heading), an empty anchor. The list goes on after it.
 */
function isPageBreak(block: DocBlock, text: string): boolean {
  if (block.kind === 'thematicBreak') return true;
  if (block.kind === 'html') return /^(?:\s*<(?:span|a)\b[^<>]{0,200}>\s*<\/(?:span|a)>)+\s*$/i.test(text.slice(block.start, block.end));
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return false;
  return /^(?:\{\d{1,4}\}-*|\d{1,4})$/.test(block.plain.text.trim());
}

/** Whether an entry carries a number or a footnote label. */
const numbered = (e: RawEntry): boolean => e.number !== null || e.label !== undefined;

/**
 * The entries of the blocks from `from` on, up to the end of the list. Whether the list is
 * numbered is decided by most of its entries, not by the first: an alphabetical list whose first
 * entry opens with a year (`2019. Report…`, read as item 2019) stays an alphabetical list, and a
 * numbered list ends at the first unnumbered item after its numbers.
 */
function collectEntries(blocks: readonly DocBlock[], from: number, text: string): RawEntry[] {
  const out: RawEntry[] = [];
  let leadIn = 0;
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (out.length > 0 && isPageBreak(block, text)) continue;
    let found: RawEntry[] = [];
    if (block.kind === 'list') found = splitRunTogether(listEntries(block, text), text);
    else if (block.kind === 'paragraph') found = splitRunTogether(paragraphEntries(block, text), text).filter((e, k) => k > 0 || e.number !== null || e.key !== undefined || (out.length > 0 ? continuesList(text.slice(e.contentStart, e.end)) : looksLikeEntry(text.slice(e.contentStart, e.end))));
    else if (block.kind === 'footnoteDefinition') found = [footnoteEntry(block, text, out.length + 1)];
    else if (block.kind === 'heading') break;
    let taken = 0;
    for (const entry of found) {
      if (!numbered(entry) && entry.key === undefined && !REFERENCE_LIKE.test(text.slice(entry.contentStart, entry.end))) break;
      out.push(entry);
      taken++;
    }
    if (out.length === 0) {
      if (++leadIn > MAX_LEAD_IN_BLOCKS) break;
      continue;
    }
    if (taken < found.length || taken === 0) break;
  }
  return byScheme(out, text);
}

/** The entries of the list's scheme: numbered ones from the first to the next unnumbered, or all, read unnumbered. */
function byScheme(entries: readonly RawEntry[], text: string): RawEntry[] {
  const withNumber = entries.filter(numbered).length;
  if (withNumber * 2 > entries.length) {
    const first = entries.findIndex(numbered);
    let end = first;
    while (end < entries.length && numbered(entries[end]!)) end++;
    return entries.slice(first, end);
  }
  // An alphabetical list: a number that opens an entry is part of its text (a year, a group's name).
  return entries.map((e) => (numbered(e) && e.label === undefined ? { ...e, number: null, contentStart: Math.min(e.contentStart, labelledStart(e, text)) } : e));
}

/** Where an entry's written number starts, so that it is read as part of the entry. */
function labelledStart(e: RawEntry, text: string): number {
  return text[e.labelStart - 1] === '[' || text[e.labelStart - 1] === '(' ? e.labelStart - 1 : e.labelStart;
}

/** The first block of the last run of numbered, reference-like list blocks (or labelled paragraphs). */
function trailingListStart(blocks: readonly DocBlock[], text: string): number {
  let start = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    const entries = block.kind === 'list' ? listEntries(block, text) : block.kind === 'paragraph' ? paragraphEntries(block, text) : [];
    const numbered = entries.filter((e) => e.number !== null);
    const refLike = numbered.filter((e) => REFERENCE_LIKE.test(text.slice(e.contentStart, e.end))).length;
    const isList = numbered.length >= 2 && numbered[0] === entries[0] && refLike * 2 >= numbered.length;
    if (isList) start = i;
    else if (start >= 0) break;
  }
  return start;
}

function build(text: string, raw: readonly RawEntry[], heading: DocBlock | null, read: EntryReader): FoundReferences {
  const entries: FoundReference[] = raw.map((e, k) => {
    const reading = read(text.slice(e.contentStart, e.end));
    return {
      start: e.start,
      end: e.end,
      number: e.number ?? k + 1,
      text: reading.text,
      labelStart: e.labelStart,
      labelEnd: e.labelEnd,
      ...reading.fields,
      ...(e.label !== undefined ? { label: e.label } : {}),
      fields: placeFields(reading, e.contentStart),
    };
  });
  const footnote = raw.some((e) => e.label !== undefined);
  const keys = new Map<string, number>();
  raw.forEach((e, k) => {
    if (e.key !== undefined && !keys.has(e.key.toLowerCase())) keys.set(e.key.toLowerCase(), entries[k]!.number);
  });
  const unnumbered = raw.every((e) => e.number === null);
  const authorYear = unnumbered && entries.filter((e) => e.authors.length > 0 && e.year !== null).length * 5 >= entries.length * 3;
  const last = entries[entries.length - 1]!;
  return {
    list: {
      start: heading ? heading.start : entries[0]!.start,
      end: last.end,
      headingStart: heading ? heading.start : null,
      headingEnd: heading ? heading.end : null,
      scheme: footnote ? 'footnote' : authorYear || keys.size * 2 > entries.length ? 'author-year' : 'numeric',
    },
    entries,
    ...(keys.size > 0 ? { keys } : {}),
  };
}
