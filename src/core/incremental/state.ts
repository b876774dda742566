/**
 * The per-document memory of incremental analysis, attached to the document's {@link ChunkCache}:
 * whoever keeps a chunk cache for a document (the editor, the worker, a benchmark) gets the
 * extractor memos with it, without a second object to carry around.
 */
import type { ChunkCache } from '../parse/index.js';
import type { Citation, Quantity } from '../types.js';
import { TextMemo } from './memo.js';

export interface IncrementalState {
  readonly quantities: TextMemo<readonly Quantity[]>;
  readonly citations: TextMemo<readonly Citation[]>;
  /** What the entity recogniser keeps per block (opaque here: the recogniser decides what). */
  readonly entities: { readonly aliases: TextMemo<unknown> };
  /** The lexicon the entity scans were made with; another lexicon clears them. */
  entityLexicon: unknown;
}

const states = new WeakMap<ChunkCache, IncrementalState>();

/** The incremental state of the document `cache` belongs to; undefined without a cache. */
export function incrementalState(cache: ChunkCache | undefined): IncrementalState | undefined {
  if (!cache) return undefined;
  let state = states.get(cache);
  if (!state) {
    state = { quantities: new TextMemo(), citations: new TextMemo(), entities: { aliases: new TextMemo() }, entityLexicon: undefined };
    states.set(cache, state);
  }
  return state;
}

/** Ends one analysed version: what it did not use is forgotten after the next one. */
export function sweepState(state: IncrementalState | undefined): void {
  if (!state) return;
  state.quantities.sweep();
  state.citations.sweep();
  state.entities.aliases.sweep();
}

/** The entity recogniser's memos for `lexicon`, emptied when the lexicon changed since the last analysis. */
export function entityMemo(state: IncrementalState | undefined, lexicon: unknown): IncrementalState['entities'] | undefined {
  if (!state) return undefined;
  if (state.entityLexicon !== lexicon) {
    state.entities.aliases.clear();
    state.entityLexicon = lexicon;
  }
  return state.entities;
}
