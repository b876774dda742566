/**
 * Runs a per-block extractor block by block, remembering each block's result by the block's
 * content, so that after an edit only the blocks whose text changed are read again.
 */
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Span } from '../types.js';
import type { TextMemo } from './memo.js';

/**
 * What decides a block's reading: its kind, its source, its plain text (the same source reads
 * differently when, say, the footnote it calls is defined in its chunk or not) and where its
 * excluded spans and math sit inside it. Two blocks with the same key give the same results,
 * offsets apart.
 */
export function blockKey(text: string, block: DocBlock): string {
  const rel = (spans: readonly Span[]): string => spans.map((s) => `${s.start - block.start}:${s.end - block.start}`).join(',');
  return `${block.kind}\u0001${block.depth}\u0001${block.label ?? ''}\u0001${rel(block.excluded)}\u0001${rel(block.math)}\u0001${block.plain.text}\u0001${text.slice(block.start, block.end)}`;
}

const keysOf = new WeakMap<ParsedDocument, string[]>();
/**
 * Keys by the chunk-relative block a block was placed from: a chunk that did not change keeps
 * its key string, so a memo lookup neither rebuilds nor rehashes it.
 */
const keyOfOrigin = new WeakMap<DocBlock, string>();

/** Every block's key, computed once per parsed document and shared by the extractors' memos. */
export function blockKeys(doc: ParsedDocument): readonly string[] {
  let keys = keysOf.get(doc);
  if (!keys) {
    keys = doc.blocks.map((block, i) => {
      const origin = doc.origins?.[i] ?? block;
      let key = keyOfOrigin.get(origin);
      if (key === undefined) keyOfOrigin.set(origin, (key = blockKey(doc.text, block)));
      return key;
    });
    keysOf.set(doc, keys);
  }
  return keys;
}

/** The document reduced to one block (the text stays whole, so offsets stay absolute). */
export function singleBlock(doc: ParsedDocument, block: DocBlock): ParsedDocument {
  return { text: doc.text, blocks: [block] };
}

/** A block's results with offsets relative to the block, and the copy placed where the block last sat. */
export interface Remembered<T> {
  readonly relative: readonly T[];
  at: number;
  placed: readonly T[];
}

/** Moves one result by `by` characters (a copy; the result's module knows its offsets). */
export type Move<T> = (result: T, by: number) => T;

/** Results found in a block starting at `at`, to remember. */
export function remember<T>(found: readonly T[], at: number, move: Move<T>): Remembered<T> {
  return { relative: found.map((r) => move(r, -at)), at, placed: found };
}

/**
 * Remembered results placed at `at`. A block that did not move (before the edit) gets the very
 * objects of the last analysis, so only the blocks after an edit cost a copy.
 */
export function placedAt<T>(remembered: Remembered<T>, at: number, move: Move<T>): readonly T[] {
  if (remembered.at !== at) {
    remembered.placed = remembered.relative.map((r) => move(r, at));
    remembered.at = at;
  }
  return remembered.placed;
}

/**
 * Concatenates `extract` over the blocks of `doc`, in order. `extract` sees one block at a time
 * and returns results with absolute offsets; with a memo, a block whose key was seen before reuses
 * its earlier results, moved with `move` to the block's new place.
 */
export function perBlock<T>(doc: ParsedDocument, extract: (block: DocBlock) => readonly T[], move: Move<T>, memo: TextMemo<Remembered<T>> | undefined): T[] {
  const out: T[] = [];
  const keys = memo ? blockKeys(doc) : [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i]!;
    if (!memo) {
      for (const r of extract(block)) out.push(r);
      continue;
    }
    const key = keys[i]!;
    let remembered = memo.get(key);
    if (remembered === undefined) memo.set(key, (remembered = remember(extract(block), block.start, move)));
    if (remembered.relative.length > 0) for (const r of placedAt(remembered, block.start, move)) out.push(r);
  }
  return out;
}
