/** Citation markers found block by block, each block's markers remembered by its content. */
import { citationScanner, documentCitations, MAX_NAMES_BEFORE, readsNamesAndYears } from '../citations/index.js';
import { moveCitation } from '../citations/move.js';
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { FoundReference, FoundReferences } from '../references/index.js';
import { otherScheme, resolved } from '../citations/scheme.js';
import type { Citation, Span } from '../types.js';
import { blockKeys, placedAt, remember, type Remembered } from './blocks.js';
import type { IncrementalState } from './state.js';

/** The markers of a block whose scan read more than the block, and what else it read. */
interface SurroundedMarkers extends Remembered<Citation> {
  /** The text just before the block that an author–year citation may start in ('' when none can). */
  readonly lead: string;
  /** The reference entries inside the block, as relative start/end pairs (the scan skips them). */
  readonly entries: readonly number[];
}

/** The reference list as the marker scan last read it, and the token that stands for it. */
interface ListReading {
  readonly scheme: string;
  readonly entries: readonly FoundReference[];
  readonly keys: ReadonlyMap<string, number> | undefined;
  readonly token: object;
}

/** The last reading per state and scheme (a list confirmed against its markers is read two ways). */
const lastReading = new WeakMap<IncrementalState, Map<string, ListReading>>();

/**
 * Whether the scan reads both lists alike: the same scheme, entry numbers and footnote labels and,
 * for author–year lists, the same entry texts (authors and year are read from the text).
 */
function sameReading(scheme: string, entries: readonly FoundReference[], keys: ReadonlyMap<string, number> | undefined, last: ListReading): boolean {
  if (scheme !== last.scheme || entries.length !== last.entries.length || !sameKeys(keys, last.keys)) return false;
  // Names and years are read from the entries' texts.
  const authorYear = scheme !== 'footnote';
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!;
    const b = last.entries[i]!;
    if (a === b) continue;
    if (a.number !== b.number || a.label !== b.label || (authorYear && a.text !== b.text)) return false;
  }
  return true;
}

/** Whether two key maps (keyed entries' keys → numbers) are the same. */
function sameKeys(a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  if (!a || !b) return true;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * A value standing for what of the reference list the marker scan reads (known numbers, footnote
 * labels, scheme, author–year entries): the same object while that stays the same, so remembered
 * markers are kept without building or comparing a long description of the list.
 */
function referenceContext(found: FoundReferences, state: IncrementalState): object {
  const scheme = found.list?.scheme ?? 'none';
  let byScheme = lastReading.get(state);
  if (!byScheme) lastReading.set(state, (byScheme = new Map()));
  const last = byScheme.get(scheme);
  const token = last && sameReading(scheme, found.entries, found.keys, last) ? last.token : {};
  byScheme.set(scheme, { scheme, entries: found.entries, keys: found.keys, token });
  return token;
}

/** Whether an opening parenthesis sits close enough to the block's start for its citation's names to lie before the block. */
function parenthesisNearStart(text: string, block: DocBlock): boolean {
  const stop = Math.min(block.end, block.start + MAX_NAMES_BEFORE);
  for (let i = block.start; i < stop; i++) if (text.charCodeAt(i) === 40 /* ( */) return true;
  return false;
}

/** Whether spans are sorted by start (entries are found in document order, so the sort is rarely needed). */
function inOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.start) return false;
  return true;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a block's scan reads besides the block: where it sits, and what it remembers with its markers. */
interface Surroundings {
  readonly block: DocBlock;
  readonly lead: string;
  readonly entries: readonly number[];
}

/**
 * The blocks whose markers depend on more than their own text, with what they read besides it:
 * blocks holding reference entries (skipped by the scan) and, in author–year lists, blocks where a
 * narrative citation may take its names from the text before the block.
 */
function surroundedBlocks(doc: ParsedDocument, entries: readonly Span[], authorYear: boolean): Map<number, Surroundings> {
  const { text } = doc;
  // By start offset: a number hashes at once, where a block moved by the edit would first need an identity hash.
  const out = new Map<number, Surroundings>();
  let e = 0;
  for (const block of doc.blocks) {
    while (e < entries.length && entries[e]!.end <= block.start) e++;
    const holdsEntries = e < entries.length && entries[e]!.start < block.end;
    const lead = authorYear && parenthesisNearStart(text, block) ? text.slice(Math.max(0, block.start - MAX_NAMES_BEFORE), block.start) : null;
    if (!holdsEntries && lead === null) continue;
    const inside: number[] = [];
    for (let k = e; k < entries.length && entries[k]!.start < block.end; k++) inside.push(entries[k]!.start - block.start, entries[k]!.end - block.start);
    out.set(block.start, { block, lead: lead ?? '', entries: inside });
  }
  return out;
}

/**
 * The same citations as `findCitations(doc, found)`, reading only the blocks not seen before.
 * A block's markers are remembered by its key under a context standing for the reference list;
 * for blocks that also read what surrounds them, what they read (entry spans, the text before)
 * is remembered with the markers and compared before they are reused.
 */
export function citationsByBlock(doc: ParsedDocument, found: FoundReferences, state: IncrementalState | undefined): Citation[] {
  const scan = citationScanner(found);
  const read = (block: DocBlock): readonly Citation[] => scan(doc.text, block);
  const out: Citation[] = [];
  const add = (found: readonly Citation[]): void => {
    for (const c of found) {
      const previous = out[out.length - 1];
      if (!previous || previous.end <= c.start) out.push(c);
    }
  };
  if (state) readRemembering(doc, found, state, read, add);
  else for (const block of doc.blocks) add(read(block));
  return documentCitations(out, found);
}

/** Hands `add` the markers of every block in order, read or remembered. */
function readRemembering(
  doc: ParsedDocument,
  found: FoundReferences,
  state: IncrementalState,
  read: (block: DocBlock) => readonly Citation[],
  add: (citations: readonly Citation[]) => void,
): void {
  const context = referenceContext(found, state);
  const entries = inOrder(found.entries) ? found.entries : [...found.entries].sort((a, b) => a.start - b.start);
  const surrounded = surroundedBlocks(doc, entries, readsNamesAndYears(found));
  // Each scheme has its memos, so that reading a list both ways does not empty them in turn.
  const suffix = found.list?.scheme === 'author-year' ? ':author-year' : '';
  const surroundedMemo = state.memo<SurroundedMarkers>(`citationsSurrounded${suffix}`);
  surroundedMemo.useContext(context);
  const memo = state.memo<Remembered<Citation>>(`citations${suffix}`);
  memo.useContext(context);
  const ownMarkers = (block: DocBlock, key: string): Remembered<Citation> => {
    let markers = memo.get(key);
    if (markers === undefined) memo.set(key, (markers = remember(read(block), block.start, moveCitation)));
    return markers;
  };
  const surroundedMarkers = (block: DocBlock, key: string, around: Surroundings): Remembered<Citation> => {
    const known = surroundedMemo.get(key);
    if (known && known.lead === around.lead && sameNumbers(known.entries, around.entries)) return known;
    const markers: SurroundedMarkers = { ...remember(read(block), block.start, moveCitation), lead: around.lead, entries: around.entries };
    surroundedMemo.set(key, markers);
    return markers;
  };
  const keys = blockKeys(doc);
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i]!;
    const around = surrounded.get(block.start);
    const markers = around?.block === block ? surroundedMarkers(block, keys[i]!, around) : ownMarkers(block, keys[i]!);
    if (markers.relative.length > 0) add(placedAt(markers, block.start, moveCitation));
  }
}

/** The list and its citations, the list's scheme confirmed against the markers the text holds. */
export interface ConfirmedCitations {
  readonly found: FoundReferences;
  readonly citations: Citation[];
}

/**
 * The citations of `found`'s list read by its scheme; when they resolve nothing and the list
 * reads as well the other way (a numbered list of author–year entries cited by name and year,
 * an alphabetical list cited by number), by the other scheme if that resolves more.
 */
export function confirmedCitations(doc: ParsedDocument, found: FoundReferences, state: IncrementalState | undefined): ConfirmedCitations {
  const citations = citationsByBlock(doc, found, state);
  const other = otherScheme(found, citations);
  if (!other) return { found, citations };
  const otherCitations = citationsByBlock(doc, other, state);
  // An alphabetical list cited only by number reads as numbered when that resolves as much.
  // A numbered list no number cites, cited by name and year, reads as author–year (which also reads names without parentheses).
  const better = resolved(otherCitations, other) >= resolved(citations, found) && resolved(otherCitations, other) > 0;
  return better ? { found: other, citations: otherCitations } : { found, citations };
}
