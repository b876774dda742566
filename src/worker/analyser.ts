/**
 * The worker's side of off-thread analysis, independent of the kind of worker: keeps a chunk cache
 * per document (so re-analysis after an edit is incremental) and the lexicons it was sent.
 */
import { analyze } from '../core/analyze.js';
import { builtinLexicon, withUserEntries, type Lexicon } from '../core/entities/index.js';
import { ChunkCache } from '../core/parse/index.js';
import type { LexiconSpec, WorkerRequest, WorkerResponse } from './protocol.js';

/** Lexicons kept at once (a workspace rarely has more than one in use). */
const MAX_LEXICONS = 4;

export class WorkerAnalyser {
  private readonly caches = new Map<string, ChunkCache>();
  private readonly lexicons = new Map<string, Lexicon>();

  /** Handles one request; returns the response to post, if any. Never throws. */
  handle(request: WorkerRequest): WorkerResponse | undefined {
    if (request.type === 'forget') {
      this.caches.delete(request.uri);
      return undefined;
    }
    try {
      const started = Date.now();
      let cache = this.caches.get(request.uri);
      if (!cache) this.caches.set(request.uri, (cache = new ChunkCache()));
      const analysis = analyze(request.text, { cache, lexicon: this.lexicon(request.lexicon) });
      return { type: 'result', id: request.id, analysis, ms: Date.now() - started };
    } catch (error) {
      return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private lexicon(spec: LexiconSpec): Lexicon {
    let lexicon = this.lexicons.get(spec.key);
    if (!lexicon) {
      lexicon = (spec.groups ?? []).reduce((base, group) => withUserEntries(base, group.entries, group.origin), builtinLexicon());
      if (this.lexicons.size >= MAX_LEXICONS) this.lexicons.delete(this.lexicons.keys().next().value!);
      this.lexicons.set(spec.key, lexicon);
    }
    return lexicon;
  }
}
