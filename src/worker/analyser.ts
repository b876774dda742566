/**
 * The worker's side of off-thread analysis, independent of the kind of worker: keeps a chunk cache
 * per document (so re-analysis after an edit is incremental) and the lexicons it was sent.
 */
import { analyze } from '../core/analyze.js';
import { builtinLexicon, DATABASE_FILES, withDatabase, withUserEntries, type Lexicon } from '../core/entities/index.js';
import { compactSummary } from '../core/library/compact.js';
import { summariseDocument } from '../core/library/summary.js';
import { ChunkCache } from '../core/parse/index.js';
import type { LexiconSpec, WorkerRequest, WorkerResponse } from './protocol.js';

/** Lexicons kept at once (a workspace rarely has more than one in use). */
const MAX_LEXICONS = 4;

/** Files whose chunks the library keeps between summaries (the few being edited). */
const MAX_SUMMARY_CACHES = 8;

/** Reads the database layer's compiled files (in `DATABASE_FILES` order) from where the host said they are. */
export type DatabaseReader = (location: string, files: readonly string[]) => Promise<string[]>;

export class WorkerAnalyser {
  private readonly caches = new Map<string, ChunkCache>();
  /** Chunk caches of files re-indexed as they are edited, least recently summarised first. */
  private readonly summaryCaches = new Map<string, ChunkCache>();
  private readonly lexicons = new Map<string, Lexicon>();
  /** The built-in lexicon with the database layer, by location (read once). */
  private readonly databases = new Map<string, Promise<Lexicon>>();

  /** Database files the host sent (a `database` message), by location. */
  private readonly sent = new Map<string, { promise: Promise<string[]>; settle: (texts: readonly string[] | null) => void }>();

  constructor(private readonly readDatabase?: DatabaseReader) {}

  /** The files the host sends for `location` (with a `database` message), or a rejection after `timeoutMs`. */
  sentDatabase(location: string, timeoutMs = 30_000): Promise<string[]> {
    return this.sentEntry(location, timeoutMs).promise;
  }

  private sentEntry(location: string, timeoutMs = 30_000) {
    let entry = this.sent.get(location);
    if (!entry) {
      let settle!: (texts: readonly string[] | null) => void;
      const promise = new Promise<string[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the database lexicon did not arrive')), timeoutMs);
        settle = (texts) => {
          clearTimeout(timer);
          if (texts) resolve([...texts]);
          else reject(new Error('the host could not read the database lexicon'));
        };
      });
      // A failed wait is tried again with the next request.
      promise.catch(() => this.sent.delete(location));
      this.sent.set(location, (entry = { promise, settle }));
    }
    return entry;
  }

  /**
   * Handles one request; returns the response to post, if any (a promise when the database layer
   * must be read first). Never throws, never rejects.
   */
  handle(request: WorkerRequest): WorkerResponse | undefined | Promise<WorkerResponse | undefined> {
    if (request.type === 'database') {
      this.sentEntry(request.location).settle(request.texts);
      return undefined;
    }
    if ((request.type === 'analyse' || request.type === 'summarise') && request.lexicon.database && this.readDatabase && !this.lexicons.has(request.lexicon.key)) {
      return this.base(request.lexicon.database).then(
        (base) => this.analyse(request, base),
        () => this.analyse(request, builtinLexicon(), false),
      );
    }
    return this.analyse(request, builtinLexicon());
  }

  private base(location: string): Promise<Lexicon> {
    let base = this.databases.get(location);
    if (!base) {
      base = this.readDatabase!(location, DATABASE_FILES).then((texts) => withDatabase(builtinLexicon(), texts, location));
      this.databases.set(location, base);
      // A failed read is tried again with the next request.
      base.catch(() => this.databases.delete(location));
    }
    return base;
  }

  private analyse(request: WorkerRequest, base: Lexicon, keep = true): WorkerResponse | undefined {
    if (request.type === 'database') return undefined;
    if (request.type === 'forget') {
      this.caches.delete(request.uri);
      return undefined;
    }
    if (request.type === 'summarise') return this.summarise(request, base, keep);
    try {
      const started = Date.now();
      let cache = this.caches.get(request.uri);
      if (!cache) this.caches.set(request.uri, (cache = new ChunkCache()));
      const analysis = analyze(request.text, { cache, lexicon: this.lexicon(request.lexicon, base, keep) });
      return { type: 'result', id: request.id, analysis, ms: Date.now() - started };
    } catch (error) {
      return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private summarise(request: Extract<WorkerRequest, { type: 'summarise' }>, base: Lexicon, keep: boolean): WorkerResponse {
    try {
      const started = Date.now();
      const analysis = analyze(request.text, { lexicon: this.lexicon(request.lexicon, base, keep), ...(request.uri ? { cache: this.summaryCache(request.uri) } : {}) });
      return { type: 'summary', id: request.id, summary: compactSummary(summariseDocument(request.text, analysis)), ms: Date.now() - started };
    } catch (error) {
      return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private summaryCache(uri: string): ChunkCache {
    const cache = this.summaryCaches.get(uri) ?? new ChunkCache();
    this.summaryCaches.delete(uri);
    if (this.summaryCaches.size >= MAX_SUMMARY_CACHES) this.summaryCaches.delete(this.summaryCaches.keys().next().value!);
    this.summaryCaches.set(uri, cache);
    return cache;
  }

  private lexicon(spec: LexiconSpec, base: Lexicon, keep: boolean): Lexicon {
    let lexicon = this.lexicons.get(spec.key);
    if (!lexicon) {
      lexicon = (spec.groups ?? []).reduce((lex, group) => withUserEntries(lex, group.entries, group.origin, group.exclusions ?? []), base);
      if (!keep) return lexicon;
      if (this.lexicons.size >= MAX_LEXICONS) this.lexicons.delete(this.lexicons.keys().next().value!);
      this.lexicons.set(spec.key, lexicon);
    }
    return lexicon;
  }
}
