/**
 * Messages between the extension host and the analysis worker. Only plain data crosses: the text,
 * the user's lexicon entries (the worker rebuilds the lexicon; the built-in one is loaded there
 * lazily) and the resulting analysis, which is JSON by contract.
 */
import type { UserLexiconEntry, UserLexiconExclusion } from '../core/entities/index.js';
import type { CompactSummary } from '../core/library/compact.js';
import type { Analysis } from '../core/types.js';

/** Workspace lexicon entries that came from one origin (a lexicon file). */
export interface LexiconGroup {
  readonly origin: string;
  readonly entries: readonly UserLexiconEntry[];
  /** Spellings this origin excludes (absent when none). */
  readonly exclusions?: readonly UserLexiconExclusion[];
}

/**
 * The lexicon to analyse with: the built-in one plus `groups`, in order. `key` names the
 * combination; `groups` is sent only the first time the worker meets a key.
 */
export interface LexiconSpec {
  readonly key: string;
  readonly groups?: readonly LexiconGroup[];
  /**
   * Where the database layer's compiled files are (the URI of the extension's `dist/lexicon/`):
   * the worker reads them itself, once; absent while the host analyses without them.
   */
  readonly database?: string;
}

export type WorkerRequest =
  | { readonly type: 'analyse'; readonly id: number; readonly uri: string; readonly version: number; readonly text: string; readonly lexicon: LexiconSpec }
  | { readonly type: 'forget'; readonly uri: string }
  /**
   * The library's summary of a text: for background indexing, a cold analysis with nothing kept;
   * with `uri`, a file re-indexed as it is edited, its chunks are kept for its next summary (for a
   * few files at once), so that one costs only what changed.
   */
  | { readonly type: 'summarise'; readonly id: number; readonly text: string; readonly lexicon: LexiconSpec; readonly uri?: string }
  /**
   * The database layer's files, sent once per worker where the worker cannot read them itself
   * (a Web Worker cannot fetch the extension's `vscode-remote:` files); `texts` null: the host
   * could not read them either.
   */
  | { readonly type: 'database'; readonly location: string; readonly texts: readonly string[] | null };

export type WorkerResponse =
  | { readonly type: 'result'; readonly id: number; readonly analysis: Analysis; readonly ms: number }
  | { readonly type: 'summary'; readonly id: number; readonly summary: CompactSummary; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
