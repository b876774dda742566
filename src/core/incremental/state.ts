/**
 * The per-document memory of incremental analysis, attached to the document's {@link ChunkCache}:
 * whoever keeps a chunk cache for a document (the editor, the worker, a benchmark) gets the
 * extractor memos with it, without a second object to carry around.
 */
import type { ChunkCache } from '../parse/index.js';
import { TextMemo } from './memo.js';

/** One memo per extractor, by name; each analysed version sweeps them all. */
export class IncrementalState {
  private readonly memos = new Map<string, TextMemo<unknown>>();

  /** The memo named `name` (created empty on first use). */
  memo<T>(name: string): TextMemo<T> {
    let memo = this.memos.get(name);
    if (!memo) this.memos.set(name, (memo = new TextMemo<unknown>()));
    return memo as TextMemo<T>;
  }

  /** Ends one analysed version: what it did not use is forgotten after the next one. */
  sweep(): void {
    for (const memo of this.memos.values()) memo.sweep();
  }
}

const states = new WeakMap<ChunkCache, IncrementalState>();

/** The incremental state of the document `cache` belongs to; undefined without a cache. */
export function incrementalState(cache: ChunkCache | undefined): IncrementalState | undefined {
  if (!cache) return undefined;
  let state = states.get(cache);
  if (!state) states.set(cache, (state = new IncrementalState()));
  return state;
}
