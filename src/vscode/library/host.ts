/**
 * What the library needs from the platform: a worker to summarise in, a store to persist to and
 * a content hash. The Node host gives all three; without them (the web host) there is no library.
 */
import type { Lexicon } from '../../core/entities/index.js';
import type { CompactSummary } from '../../core/library/index.js';
import type { AnalysisWorker } from '../analysis/worker-backend.js';

/** The persisted index as the indexer uses it (the Node host's `LibraryStore`). */
export interface LibraryPersistence {
  load(): Promise<{ readonly summaries: number; readonly discarded: readonly { readonly file: string; readonly problem: string }[] }>;
  get(hash: string): CompactSummary | undefined;
  put(hash: string, summary: CompactSummary): void;
  /** Holds `summary` in place of the equal one it has (one object for the library and the store). */
  adopt(hash: string, summary: CompactSummary): void;
  retain(live: ReadonlySet<string>): void;
  flush(): Promise<void>;
}

export interface LibraryHost {
  /** Starts a worker running the analysis worker script (a second one, for the library alone). */
  spawnWorker(): AnalysisWorker;
  /** The store for one lexicon key, in the extension's workspace storage (none without a workspace). */
  store(lexiconKey: string): LibraryPersistence | undefined;
  hash(bytes: Uint8Array): string;
  /** Summarising workers to run (the cores the machine has, up to a few). */
  readonly workers: number;
}

/** The summariser the indexer calls: one text at a time, off the extension host's thread. */
export interface Summariser {
  /** How many texts it summarises at once (its workers). */
  readonly lanes: number;
  /** With `uri` (a file re-indexed after a change), the worker keeps its chunks, so the next change costs only what changed. */
  summarise(text: string, lexicon: Lexicon, uri?: string): Promise<CompactSummary>;
  dispose(): void;
}
