/**
 * Messages between the extension host and the analysis worker. Only plain data crosses: the text,
 * the user's lexicon entries (the worker rebuilds the lexicon; the built-in one is loaded there
 * lazily) and the resulting analysis, which is JSON by contract.
 */
import type { UserLexiconEntry } from '../core/entities/index.js';
import type { Analysis } from '../core/types.js';

/** Workspace lexicon entries that came from one origin (a lexicon file). */
export interface LexiconGroup {
  readonly origin: string;
  readonly entries: readonly UserLexiconEntry[];
}

/**
 * The lexicon to analyse with: the built-in one plus `groups`, in order. `key` names the
 * combination; `groups` is sent only the first time the worker meets a key.
 */
export interface LexiconSpec {
  readonly key: string;
  readonly groups?: readonly LexiconGroup[];
}

export type WorkerRequest =
  | { readonly type: 'analyse'; readonly id: number; readonly uri: string; readonly version: number; readonly text: string; readonly lexicon: LexiconSpec }
  | { readonly type: 'forget'; readonly uri: string };

export type WorkerResponse =
  | { readonly type: 'result'; readonly id: number; readonly analysis: Analysis; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
