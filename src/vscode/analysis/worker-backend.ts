/**
 * Runs the analysis of large documents in a worker, off the extension host's thread; small ones
 * stay in process, where they take a few milliseconds. One worker serves every document, one
 * request at a time, and keeps a chunk cache per document so re-analysis after an edit is
 * incremental. Stale work is dropped: a newer version of a document replaces its older waiting
 * request, and an analysis that runs long after its result stopped mattering ends with the worker,
 * which is started afresh. Meanwhile the service keeps answering from the last complete analysis.
 */
import type * as vscode from 'vscode';
import type { Lexicon, UserLexiconEntry, UserLexiconExclusion } from '../../core/entities/index.js';
import type { Analysis } from '../../core/types.js';
import type { LexiconGroup, LexiconSpec, WorkerRequest, WorkerResponse } from '../../worker/protocol.js';
import { AnalysisCancelled, type AnalysisBackend, type AnalysisRequest } from './backend.js';
import { mark } from '../trace.js';

/** A worker as the backend sees it, whatever runs it (worker_threads or a Web Worker). */
export interface AnalysisWorker {
  post(message: WorkerRequest): void;
  onMessage(listener: (message: WorkerResponse) => void): void;
  /** The worker died (crash, out of memory, failed to load). */
  onError(listener: (error: unknown) => void): void;
  terminate(): void;
}

export interface WorkerBackendOptions {
  /** Starts a worker (called lazily, and again after a worker was ended or died). */
  readonly spawn: () => AnalysisWorker;
  /** Runs the small documents, and everything when no worker can be started. */
  readonly inProcess: AnalysisBackend;
  /** Documents of at least this many UTF-16 units go to the worker. */
  readonly threshold?: number;
  /** How long a stale analysis may keep running before the worker is ended (ms). */
  readonly patienceMs?: number;
  /**
   * Reads the database layer's files at `location` for a worker that cannot read them itself
   * (sent once per worker); absent where the worker reads them (worker_threads).
   */
  readonly databaseTexts?: (location: string) => Promise<readonly string[]>;
}

/** Above ~200 KB a cold analysis takes long enough (hundreds of ms) to be felt in the editor. */
export const DEFAULT_WORKER_THRESHOLD = 200_000;
const DEFAULT_PATIENCE_MS = 1500;

interface Job {
  readonly id: number;
  readonly request: AnalysisRequest;
  readonly resolve: (analysis: Analysis) => void;
  readonly reject: (error: unknown) => void;
  stale: boolean;
}

const WORKSPACE_PREFIX = 'workspace lexicon ';
const specs = new WeakMap<Lexicon, { key: string; groups: LexiconGroup[]; database?: string }>();

/**
 * What the worker needs to rebuild `lexicon`: its workspace entries grouped by origin (the
 * built-in entries it has itself), and a key naming that combination.
 */
export function describeLexicon(lexicon: Lexicon): { key: string; groups: LexiconGroup[]; database?: string } {
  let spec = specs.get(lexicon);
  if (spec) return spec;
  const byOrigin = new Map<string, UserLexiconEntry[]>();
  for (const e of lexicon.entries) {
    if (e.source !== 'workspace') continue;
    const origin = e.provenance.startsWith(WORKSPACE_PREFIX) ? e.provenance.slice(WORKSPACE_PREFIX.length) : e.provenance;
    const list = byOrigin.get(origin) ?? [];
    list.push({ id: e.id, kind: e.kind, name: e.name, synonyms: e.synonyms, ...(e.class !== null ? { class: e.class } : {}), identifiers: e.identifiers, related: e.related });
    byOrigin.set(origin, list);
  }
  const excludedBy = new Map<string, UserLexiconExclusion[]>();
  for (const { origin, ...exclusion } of lexicon.exclusions ?? []) {
    if (!byOrigin.has(origin)) byOrigin.set(origin, []);
    excludedBy.set(origin, [...(excludedBy.get(origin) ?? []), exclusion]);
  }
  const groups = [...byOrigin].map(([origin, entries]) => {
    const exclusions = excludedBy.get(origin);
    return exclusions ? { origin, entries, exclusions } : { origin, entries };
  });
  // Workspace entries of database entries are sent whole like any other: the worker lays them on the same layer.
  const database = lexicon.database?.location ?? undefined;
  const base = `${lexicon.version}${database ? '+database' : ''}`;
  spec = { key: groups.length === 0 ? `builtin:${base}` : `${base}:${hash(JSON.stringify(groups))}`, groups, ...(database ? { database } : {}) };
  specs.set(lexicon, spec);
  return spec;
}

/** FNV-1a, 32 bits, with the length: enough to tell lexicon versions apart. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}-${s.length}`;
}

export function createWorkerBackend(options: WorkerBackendOptions): AnalysisBackend {
  const threshold = options.threshold ?? DEFAULT_WORKER_THRESHOLD;
  const patience = options.patienceMs ?? DEFAULT_PATIENCE_MS;
  let worker: AnalysisWorker | undefined;
  /** Whether the current worker has answered at all (a worker that never did failed to start). */
  let answered = false;
  let unavailable = false;
  /** Lexicon keys this worker instance has been sent in full. */
  let knownLexicons = new Set<string>();
  /** Database locations whose files this worker instance has been sent. */
  let sentDatabases = new Set<string>();
  let running: Job | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  const waiting: Job[] = [];
  let nextId = 1;
  /** Analyses started by `prime`, by uri, until `analyse` asks for them (`job` absent: started in process). */
  const primed = new Map<string, { readonly request: AnalysisRequest; readonly job?: Job; readonly promise: Promise<Analysis> }>();

  function start(): AnalysisWorker | undefined {
    if (worker || unavailable) return worker;
    try {
      const w = options.spawn();
      w.onMessage((message) => finish(w, message));
      w.onError((error) => died(w, error));
      worker = w;
      answered = false;
      knownLexicons = new Set();
      sentDatabases = new Set();
    } catch {
      unavailable = true;
    }
    return worker;
  }

  function end(w: AnalysisWorker): void {
    if (worker !== w) return;
    worker = undefined;
    try {
      w.terminate();
    } catch {
      // Already gone.
    }
  }

  function clearStaleTimer(): void {
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = undefined;
  }

  function finish(w: AnalysisWorker, message: WorkerResponse): void {
    if (w !== worker) return;
    answered = true;
    if (!running || message.id !== running.id) return;
    const job = running;
    running = undefined;
    clearStaleTimer();
    if (job.stale) job.reject(new AnalysisCancelled());
    else if (message.type === 'result') job.resolve(message.analysis);
    else job.reject(new Error(message.type === 'error' ? message.message : 'unexpected answer from the analysis worker'));
    pump();
  }

  function died(w: AnalysisWorker, error: unknown): void {
    if (w !== worker) return;
    const startedAtAll = answered;
    end(w);
    const job = running;
    running = undefined;
    clearStaleTimer();
    if (!startedAtAll) {
      // No worker can run here (the script did not load): analyse in process from now on.
      unavailable = true;
      if (job && !job.stale) options.inProcess.analyse(job.request).then(job.resolve, job.reject);
      else job?.reject(new AnalysisCancelled());
      for (const other of waiting.splice(0)) {
        if (other.stale) other.reject(new AnalysisCancelled());
        else options.inProcess.analyse(other.request).then(other.resolve, other.reject);
      }
      return;
    }
    // A worker that crashed on a document (out of memory, say) is not retried in process for it.
    job?.reject(job.stale ? new AnalysisCancelled() : error instanceof Error ? error : new Error(String(error)));
    pump();
  }

  /** Marks the running job stale; if it keeps running past our patience, ends the worker. */
  function makeStale(job: Job): void {
    job.stale = true;
    if (staleTimer || running !== job) return;
    staleTimer = setTimeout(() => {
      staleTimer = undefined;
      if (running === job && worker) {
        const w = worker;
        running = undefined;
        end(w);
        job.reject(new AnalysisCancelled());
        pump();
      }
    }, patience);
  }

  function pump(): void {
    if (running) return;
    let job = waiting.shift();
    while (job?.stale) {
      job.reject(new AnalysisCancelled());
      job = waiting.shift();
    }
    if (!job) return;
    const w = start();
    if (!w) {
      options.inProcess.analyse(job.request).then(job.resolve, job.reject);
      pump();
      return;
    }
    running = job;
    const { key, groups, database } = describeLexicon(job.request.lexicon);
    const lexicon: LexiconSpec = knownLexicons.has(key) ? { key, ...(database ? { database } : {}) } : { key, groups, ...(database ? { database } : {}) };
    knownLexicons.add(key);
    const { uri, version, text } = job.request;
    try {
      w.post({ type: 'analyse', id: job.id, uri, version, text, lexicon });
    } catch (error) {
      died(w, error);
    }
    if (database && options.databaseTexts && !sentDatabases.has(database)) {
      sentDatabases.add(database);
      const send = (texts: readonly string[] | null): void => {
        try {
          if (worker === w) w.post({ type: 'database', location: database, texts });
        } catch {
          // The worker is gone; a new one is sent the files again.
        }
      };
      options.databaseTexts(database).then(send, () => send(null));
    }
  }

  /** Queues a job for the worker (an older version of its document is dropped). */
  function enqueue(request: AnalysisRequest, token?: vscode.CancellationToken): { job: Job; promise: Promise<Analysis> } {
    let job!: Job;
    const promise = new Promise<Analysis>((resolve, reject) => {
      job = { id: nextId++, request, resolve, reject, stale: false };
    });
    // An older version of the same document, waiting or running, is of no use any more.
    for (const other of waiting) if (other.request.uri === request.uri) other.stale = true;
    if (running && running.request.uri === request.uri) makeStale(running);
    token?.onCancellationRequested(() => {
      if (running === job) makeStale(job);
      else job.stale = true;
    });
    waiting.push(job);
    pump();
    return { job, promise };
  }

  /** The primed analysis of exactly this request, taken; a primed one of another version or lexicon is dropped. */
  function takePrimed(request: AnalysisRequest): Promise<Analysis> | undefined {
    const found = primed.get(request.uri);
    if (!found) return undefined;
    primed.delete(request.uri);
    const same = found.request.version === request.version && found.request.lexicon === request.lexicon && found.request.text === request.text;
    const job = found.job;
    mark(`primed analysis ${same && !job?.stale ? 'taken' : 'dropped'}`);
    if (same && !job?.stale) return found.promise;
    if (job && running === job) makeStale(job);
    else if (job) job.stale = true;
    return undefined;
  }

  return {
    analyse(request, token?: vscode.CancellationToken) {
      const early = takePrimed(request);
      if (early) return early;
      if (request.text.length < threshold || unavailable) return options.inProcess.analyse(request, token);
      if (token?.isCancellationRequested) return Promise.reject(new AnalysisCancelled());
      return enqueue(request, token).promise;
    },
    prime(request) {
      if (primed.has(request.uri)) return undefined;
      if (request.text.length < threshold || unavailable) {
        // Where its edits will be analysed: this warms that thread's code and keeps its chunks, and
        // the host's thread, unlike a worker's, needs no start of its own.
        const promise = options.inProcess.analyse(request);
        promise.catch(() => undefined);
        primed.set(request.uri, { request, promise });
        return promise;
      }
      // A large document: while the extension host is busy starting, the worker's thread is free.
      const { job, promise } = enqueue(request);
      // Nobody may ask for it: a failure here is the asker's to see, not an unhandled rejection.
      promise.catch(() => undefined);
      primed.set(request.uri, { request, job, promise });
      return promise;
    },
    forget(uri) {
      const found = primed.get(uri);
      if (found) {
        primed.delete(uri);
        if (found.job) found.job.stale = true;
      }
      options.inProcess.forget?.(uri);
      try {
        worker?.post({ type: 'forget', uri });
      } catch {
        // The worker is gone; so is what it kept.
      }
    },
    dispose() {
      clearStaleTimer();
      for (const job of waiting.splice(0)) job.reject(new AnalysisCancelled());
      running?.reject(new AnalysisCancelled());
      running = undefined;
      if (worker) end(worker);
      options.inProcess.dispose();
    },
  };
}
