/**
 * The analysis of every open document Marginalia reads, shared by all editor features and the
 * side panel: one analysis per (document version, lexicon), re-run after edits once typing pauses.
 * Never throws: a failed analysis is logged and the last good one stays in use.
 */
import * as vscode from 'vscode';
import type { Lexicon } from '../../core/entities/index.js';
import { indexAnalysis, type AnalysisIndex } from '../../core/query.js';
import type { Analysis } from '../../core/types.js';
import type { Config, ConfigWatcher } from '../config.js';
import type { Logger } from '../log.js';
import { AnalysisCancelled, type AnalysisBackend } from './backend.js';
import { mark } from '../trace.js';

/** One analysed version of a document. */
export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly analysis: Analysis;
  readonly index: AnalysisIndex;
}

export type Readability = { readonly readable: true } | { readonly readable: false; readonly reason: string };

export interface AnalysisService extends vscode.Disposable {
  /** The last complete analysis of the document, possibly of an older version. */
  peek(document: vscode.TextDocument): DocumentAnalysis | undefined;
  /** The analysis of the document's current version (analysing it now if needed). */
  get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined>;
  /** Fires when a newer analysis of a document is complete. */
  readonly onDidAnalyse: vscode.Event<DocumentAnalysis>;
  /** Fires with a document's uri when its analysis is dropped (closed, or no longer readable). */
  readonly onDidForget: vscode.Event<string>;
  readability(document: vscode.TextDocument): Readability;
  /** Whether an analysis of the document is running or waiting for the typing to pause, and why the last one failed. */
  progress(document: vscode.TextDocument): AnalysisProgress;
  /** Fires with a document's uri when an analysis of it starts, ends or fails. */
  readonly onDidChangeProgress: vscode.Event<string>;
}

export interface AnalysisProgress {
  readonly analysing: boolean;
  /** The error of the last analysis of the current lexicon, when it failed; cleared by a success. */
  readonly failure: string | null;
}

/** Where the lexicon comes from: the workspace-aware one, or the built-in one. */
export interface LexiconSource {
  current(): Lexicon;
  readonly onDidChange: vscode.Event<void>;
  /** Settles once the database lexicon has been read (or could not be). */
  readonly database?: Promise<void>;
}

interface Running {
  /** The document analysed: a closed document's uri can be reused by a new one of the same version. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly generation: number;
  readonly promise: Promise<DocumentAnalysis | undefined>;
  readonly cancel: vscode.CancellationTokenSource;
}

interface DocumentState {
  latest?: DocumentAnalysis;
  /** Lexicon generation the latest analysis was made with. */
  generation: number;
  running?: Running;
  timer?: ReturnType<typeof setTimeout>;
  /** The document this state describes (a uri can be reused by a later document). */
  document?: vscode.TextDocument;
  /** Callers of `get` waiting for the scheduled analysis (the document is being edited). */
  waiting: ((result: Promise<DocumentAnalysis | undefined>) => void)[];
  /** Why the last analysis failed, until one succeeds. */
  failure?: string;
}

/** Schemes of editors that hold markdown but are not documents to read: comment inputs, output. */
const NOT_PAPERS = new Set(['comment', 'output', 'vscode-scm']);

function documentLength(document: vscode.TextDocument): number {
  return document.lineCount === 0 ? 0 : document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

function untilCancelled<T>(promise: Promise<T | undefined>, token: vscode.CancellationToken | undefined): Promise<T | undefined> {
  if (!token) return promise;
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const subscription = token.onCancellationRequested(() => {
      subscription.dispose();
      resolve(undefined);
    });
    void promise.then((value) => {
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Whether Marginalia reads the document with these settings, and why not. */
export function readabilityOf(document: vscode.TextDocument, settings: Config): Readability {
  // The Comments API's note editor is a markdown document too; it is the reader's input, not a paper.
  if (NOT_PAPERS.has(document.uri.scheme)) return { readable: false, reason: `Marginalia does not analyse ${document.uri.scheme} editors.` };
  if (!settings.languages.includes(document.languageId)) {
    return { readable: false, reason: `Marginalia reads only the languages in marginalia.languages (${settings.languages.join(', ') || 'none'}); this document is ${document.languageId}.` };
  }
  const length = documentLength(document);
  if (length > settings.maxDocumentChars) {
    const size = (length / (1024 * 1024)).toFixed(1);
    return { readable: false, reason: `This document (${size} MB) is larger than marginalia.analysis.maxDocumentSizeMB (${settings.maxDocumentSizeMB} MB), so Marginalia does not analyse it.` };
  }
  return { readable: true };
}

export function createAnalysisService(options: {
  readonly backend: AnalysisBackend;
  readonly config: ConfigWatcher;
  readonly lexicon: LexiconSource;
  readonly log: Logger;
}): AnalysisService {
  const { backend, config, lexicon, log } = options;
  const documents = new Map<string, DocumentState>();
  const analysed = new vscode.EventEmitter<DocumentAnalysis>();
  const forgotten = new vscode.EventEmitter<string>();
  const progressed = new vscode.EventEmitter<string>();
  /** Bumped when the lexicon changes: analyses made with an older lexicon are out of date. */
  let generation = 0;
  let disposed = false;

  const readability = (document: vscode.TextDocument): Readability => readabilityOf(document, config.current);

  function state(uri: string): DocumentState {
    let s = documents.get(uri);
    if (!s) documents.set(uri, (s = { generation, waiting: [] }));
    return s;
  }

  function isCurrent(s: DocumentState | undefined, document: vscode.TextDocument): s is DocumentState & { latest: DocumentAnalysis } {
    return !!s?.latest && s.document === document && s.latest.version === document.version && s.generation === generation;
  }

  function forget(uri: string): void {
    const s = documents.get(uri);
    if (!s) return;
    if (s.timer) clearTimeout(s.timer);
    s.running?.cancel.cancel();
    release(s, Promise.resolve(undefined));
    documents.delete(uri);
    backend.forget?.(uri);
    forgotten.fire(uri);
  }

  function release(s: DocumentState, result: Promise<DocumentAnalysis | undefined>): void {
    for (const resolve of s.waiting.splice(0)) resolve(result);
  }

  /** Starts (or joins) the analysis of the document's current version. */
  function analyseNow(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const uri = document.uri.toString();
    const s = state(uri);
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    const result = startAnalysis(document, s);
    release(s, result);
    return result;
  }

  function startAnalysis(document: vscode.TextDocument, s: DocumentState): Promise<DocumentAnalysis | undefined> {
    const uri = document.uri.toString();
    s.document = document;
    if (isCurrent(s, document)) return Promise.resolve(s.latest);
    const { version } = document;
    if (s.running && s.running.document === document && s.running.version === version && s.running.generation === generation) return s.running.promise;
    // An older version still running is of no use any more.
    s.running?.cancel.cancel();
    const ran = generation;
    const cancel = new vscode.CancellationTokenSource();
    const started = Date.now();
    mark(`analysis start v${version} (lexicon generation ${ran})`);
    const promise = backend
      .analyse({ uri, version, text: document.getText(), lexicon: lexicon.current() }, cancel.token)
      .then(
        (analysis): DocumentAnalysis | undefined => {
          const result: DocumentAnalysis = { uri, version, analysis, index: indexAnalysis(analysis) };
          const now = documents.get(uri);
          if (disposed || now !== s) return result;
          s.failure = undefined;
          const newer = !s.latest || ran > s.generation || (ran === s.generation && version >= s.latest.version);
          if (newer) {
            s.latest = result;
            s.generation = ran;
            log.debug(`analysed ${uri} v${version} in ${Date.now() - started} ms`);
            mark(`analysis done v${version} in ${Date.now() - started} ms`);
            analysed.fire(result);
          }
          return result;
        },
        (error: unknown): DocumentAnalysis | undefined | Promise<DocumentAnalysis | undefined> => {
          if (!(error instanceof AnalysisCancelled)) {
            log.error(`Could not analyse ${document.uri.fsPath || uri}`, error);
            s.failure = error instanceof Error ? error.message : String(error);
          }
          // Replaced by the analysis of the same version with a newer lexicon: answer with that one.
          else if (!disposed && documents.get(uri) === s && s.running && s.running.promise !== promise && s.running.document === document && s.running.version === version) return s.running.promise;
          return undefined;
        },
      )
      .finally(() => {
        if (s.running?.promise === promise) s.running = undefined;
        cancel.dispose();
        if (!disposed) progressed.fire(uri);
      });
    s.running = { document, version, generation: ran, promise, cancel };
    progressed.fire(uri);
    return promise;
  }

  /** Analyses the document after `delayMs` of quiet (a new call restarts the wait). */
  function schedule(document: vscode.TextDocument, delayMs: number): void {
    if (disposed) return;
    if (!readability(document).readable) {
      forget(document.uri.toString());
      return;
    }
    const uri = document.uri.toString();
    // A closed document's pending analysis must not answer for a new one under the same uri.
    const known = documents.get(uri)?.document;
    if (known && known !== document) forget(uri);
    const s = state(uri);
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      if (!document.isClosed) void analyseNow(document);
    }, delayMs);
  }

  function rescheduleAll(): void {
    for (const document of vscode.workspace.textDocuments) schedule(document, 0);
  }

  const subscriptions: vscode.Disposable[] = [
    analysed,
    forgotten,
    progressed,
    vscode.workspace.onDidOpenTextDocument((document) => {
      // A new document can reuse the uri of a closed one (untitled documents do): start afresh.
      if (documents.get(document.uri.toString())?.document !== document) forget(document.uri.toString());
      schedule(document, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) schedule(event.document, config.current.debounceMs);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => forget(document.uri.toString())),
    lexicon.onDidChange(() => {
      generation++;
      rescheduleAll();
    }),
    config.onDidChange((aspects) => {
      if (aspects.has('languages') || aspects.has('analysis')) rescheduleAll();
    }),
  ];
  rescheduleAll();

  return {
    peek(document) {
      const s = documents.get(document.uri.toString());
      return s && (s.document === undefined || s.document === document) ? s.latest : undefined;
    },
    async get(document, token) {
      try {
        if (disposed || document.isClosed || !readability(document).readable) return undefined;
        const s = documents.get(document.uri.toString());
        if (isCurrent(s, document)) return s.latest;
        // While the user types, wait for the analysis that follows the pause rather than
        // analysing every intermediate version.
        if (s?.timer) {
          const after = await untilCancelled(new Promise<Promise<DocumentAnalysis | undefined>>((resolve) => s.waiting.push(resolve)).then((p) => p), token);
          if (after) return after;
        } else {
          const now = await untilCancelled(analyseNow(document), token);
          if (now) return now;
        }
        // The analysis asked for was cancelled by a newer one of the same version (the lexicon
        // changed meanwhile): answer with the current one rather than with nothing.
        if (token?.isCancellationRequested || disposed || document.isClosed || !readability(document).readable) return undefined;
        const current = documents.get(document.uri.toString());
        if (isCurrent(current, document)) return current.latest;
        return await untilCancelled(analyseNow(document), token);
      } catch (error) {
        log.error('Could not analyse a document', error);
        return undefined;
      }
    },
    onDidAnalyse: analysed.event,
    onDidForget: forgotten.event,
    readability,
    progress(document) {
      const s = documents.get(document.uri.toString());
      return { analysing: !!s?.running, failure: s?.failure ?? null };
    },
    onDidChangeProgress: progressed.event,
    dispose() {
      disposed = true;
      for (const uri of [...documents.keys()]) forget(uri);
      for (const subscription of subscriptions) subscription.dispose();
      backend.dispose();
    },
  };
}
