/** The reference list and its entries. */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Reference, ReferenceList, Section } from '../types.js';
import { AUTHOR_START, footnoteEntry, listEntries, paragraphEntries, type RawEntry } from './entries.js';
import { parseEntryFields, type EntryFields } from './fields.js';

export { firstListings, linkReferences, workIdentity, type WorkIdentity } from './link.js';
export { parseEntryFields, splitAuthors, surnameOf, type EntryFields } from './fields.js';

export type FoundReference = Omit<Reference, 'citedBy' | 'duplicateOf'>;

export interface FoundReferences {
  readonly list: ReferenceList | null;
  readonly entries: readonly FoundReference[];
}

/** What an entry's source says, offsets apart: its text with whitespace collapsed, and its fields. */
export interface EntryReading {
  readonly text: string;
  readonly fields: EntryFields;
}

/** Reads one entry from its source (the text after its marker and number). */
export type EntryReader = (source: string) => EntryReading;

/** Reads an entry's text and fields (the reader of a cold analysis). */
export function readEntry(source: string): EntryReading {
  const text = source.replace(/\s+/g, ' ').trim();
  return { text, fields: parseEntryFields(text) };
}

/** Headings that open a reference list (optionally numbered, as in "7. References"). */
const REFERENCE_HEADING =
  /^(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:references?(?:\s+(?:and\s+notes|cited|list))?|bibliography|literature\s+cited|works\s+cited|cited\s+literature|notes|end\s?notes|sources|footnotes|citations)\s*:?$/i;
/** Text that only a bibliographic entry holds: a year, a DOI, a URL, "et al." or a trailing `[host]`. */
const REFERENCE_LIKE = /\b(?:1[89]\d\d|20\d\d)[a-z]?\b|\bdoi\b|\b10\.\d{4,9}\/|https?:\/\/|\bet al\b|\[[a-z0-9.-]{1,253}\.[a-z]{2,24}\]\s*$/i;
/** An unnumbered paragraph is an entry when it opens with authors or holds a DOI, a URL or a [host]; prose with a year is not. */
function looksLikeEntry(s: string): boolean {
  return (AUTHOR_START.test(s) && REFERENCE_LIKE.test(s)) || /\bdoi\b|\b10\.\d{4,9}\/|https?:\/\/|\[[a-z0-9.-]{1,253}\.[a-z]{2,24}\]\s*$/i.test(s);
}

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
    if (raw.length > 0) return build(text, raw, blocks[i]!, read);
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

function isReferenceHeading(block: DocBlock): boolean {
  if (block.kind !== 'heading' && (block.kind !== 'paragraph' || block.lines.length !== 1)) return false;
  const title = block.plain.text.trim();
  return title.length < 40 && REFERENCE_HEADING.test(title);
}

/** The entries of the blocks from `from` on, up to the end of the list. */
function collectEntries(blocks: readonly DocBlock[], from: number, text: string): RawEntry[] {
  const out: RawEntry[] = [];
  let leadIn = 0;
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]!;
    let found: RawEntry[] = [];
    if (block.kind === 'list') found = listEntries(block, text);
    else if (block.kind === 'paragraph') found = paragraphEntries(block, text).filter((e, k) => k > 0 || e.number !== null || looksLikeEntry(text.slice(e.contentStart, e.end)));
    else if (block.kind === 'footnoteDefinition') found = [footnoteEntry(block, text, out.length + 1)];
    else if (block.kind === 'heading') break;
    let taken = 0;
    for (const entry of found) {
      const isNumbered = entry.number !== null || entry.label !== undefined;
      // The first entry sets the scheme; an unnumbered item among numbered ones ends the list.
      const scheme = out.length > 0 ? out[0]!.number !== null || out[0]!.label !== undefined : isNumbered;
      const fits = isNumbered === scheme && (isNumbered || REFERENCE_LIKE.test(text.slice(entry.contentStart, entry.end)));
      if (!fits) break;
      out.push(entry);
      taken++;
    }
    if (out.length === 0) {
      if (++leadIn > MAX_LEAD_IN_BLOCKS) break;
      continue;
    }
    if (taken < found.length || taken === 0) break;
  }
  return out;
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
    };
  });
  const footnote = raw.some((e) => e.label !== undefined);
  const unnumbered = raw.every((e) => e.number === null);
  const authorYear = unnumbered && entries.filter((e) => e.authors.length > 0 && e.year !== null).length * 5 >= entries.length * 3;
  const last = entries[entries.length - 1]!;
  return {
    list: {
      start: heading ? heading.start : entries[0]!.start,
      end: last.end,
      headingStart: heading ? heading.start : null,
      headingEnd: heading ? heading.end : null,
      scheme: footnote ? 'footnote' : authorYear ? 'author-year' : 'numeric',
    },
    entries,
  };
}
