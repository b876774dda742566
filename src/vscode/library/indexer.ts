/**
 * The workspace index: reads every library file, reuses the persisted summary of unchanged
 * content, summarises the rest in the library worker (never on the extension host's thread),
 * shows progress with a cancel button, persists as it goes and follows file changes.
 */
import * as vscode from 'vscode';
import type { Lexicon } from '../../core/entities/index.js';
import { Library } from '../../core/library/index.js';
import type { LexiconSource } from '../analysis/service.js';
import { describeLexicon } from '../analysis/worker-backend.js';
import type { Logger } from '../log.js';
import { isLibraryFile, LIBRARY_GLOB, libraryFiles } from './files.js';
import type { LibraryHost, LibraryPersistence, Summariser } from './host.js';
import { mark } from '../trace.js';

/** How often the views hear about a growing index while it is built (ms). */
const CHANGE_EVERY_MS = 750;
/** From this many files on, indexing shows a notification (with Cancel) rather than a status bar item. */
const NOTIFY_FROM_FILES = 50;
/**
 * While indexing, the persisted index is written at most this often (ms), and never more than a
 * tenth of the time: a flush re-encodes the shards that changed, which grow with the library.
 */
const FLUSH_EVERY_MS = 30_000;

export interface IndexRun {
  readonly files: number;
  readonly reused: number;
  readonly analysed: number;
  readonly failed: number;
  readonly cancelled: boolean;
  readonly ms: number;
}

export class LibraryIndexer implements vscode.Disposable {
  readonly library = new Library();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private store: LibraryPersistence | undefined;
  private lexicon: Lexicon | undefined;
  private run: Promise<IndexRun> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pendingFiles = new Map<string, ReturnType<typeof setTimeout>>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private maxBytes: number;

  constructor(
    private readonly host: LibraryHost,
    private readonly summariser: Summariser,
    private readonly lexicons: LexiconSource,
    private readonly log: Logger,
  ) {
    this.maxBytes = this.readMaxBytes();
    const watcher = vscode.workspace.createFileSystemWatcher(LIBRARY_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidChange((uri) => this.fileChanged(uri)),
      watcher.onDidCreate((uri) => this.fileChanged(uri)),
      watcher.onDidDelete((uri) => this.fileDeleted(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      lexicons.onDidChange(() => void this.reindex()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude')) void this.reindex();
        if (e.affectsConfiguration('marginalia.analysis.maxDocumentSizeMB')) this.maxBytes = this.readMaxBytes();
      }),
    );
  }

  private readMaxBytes(): number {
    return (vscode.workspace.getConfiguration('marginalia').get<number>('analysis.maxDocumentSizeMB') ?? 10) * 1024 * 1024;
  }

  /** The last indexing run, once no newer one is under way (a lexicon or settings change starts one). */
  async whenIndexed(): Promise<IndexRun | undefined> {
    let run: Promise<IndexRun> | undefined;
    let result: IndexRun | undefined;
    do {
      run = this.run;
      result = await run?.catch(() => undefined);
    } while (run !== this.run);
    return result;
  }

  /** Indexes the whole workspace again (a run in progress is cancelled first). */
  reindex(): Promise<IndexRun> {
    this.cancel?.cancel();
    const previous = this.run;
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const run = (async () => {
      await previous?.catch(() => undefined);
      return this.indexAll(cancel.token);
    })();
    this.run = run;
    return run;
  }

  private async ready(): Promise<LibraryPersistence | undefined> {
    await this.lexicons.database?.catch(() => undefined);
    const lexicon = this.lexicons.current();
    if (lexicon !== this.lexicon || !this.store) {
      this.lexicon = lexicon;
      const key = `library:${describeLexicon(lexicon).key}`;
      this.store = this.host.store(key);
      const loaded = await this.store?.load();
      for (const d of loaded?.discarded ?? []) this.log.info(`Library: discarded cache shard ${d.file} (${d.problem})`);
      if (loaded) this.log.info(`Library: ${loaded.summaries} summaries reopened from the workspace storage`);
      // Summaries made with another lexicon say other things: start over.
      this.library.clear();
    }
    return this.store;
  }

  private async indexAll(token: vscode.CancellationToken): Promise<IndexRun> {
    const started = Date.now();
    mark('library index start');
    const store = await this.ready();
    mark('library ready');
    const files = await libraryFiles(token);
    const wanted = new Set(files.map((f) => f.toString()));
    for (const d of this.library.list()) if (!wanted.has(d.uri)) this.library.delete(d.uri);
    let reused = 0;
    let analysed = 0;
    let failed = 0;
    let lastFlush = Date.now();
    let flushEvery = FLUSH_EVERY_MS;
    const work = async (progress: vscode.Progress<{ message?: string; increment?: number }>, progressToken: vscode.CancellationToken) => {
      const stopped = () => token.isCancellationRequested || progressToken.isCancellationRequested;
      let next = 0;
      let done = 0;
      // One lane per summariser worker, each reading its next file while the others are analysed.
      const lane = async () => {
        while (next < files.length && !stopped()) {
          const file = files[next++]!;
          const bytes = await Promise.resolve(vscode.workspace.fs.readFile(file)).catch(() => undefined);
          if (stopped()) return;
          if (bytes && bytes.length <= this.maxBytes) {
            const outcome = await this.indexBytes(file.toString(), bytes, store);
            if (outcome === 'reused') reused++;
            else if (outcome === 'analysed') analysed++;
            else failed++;
          }
          done++;
          progress.report({ increment: 100 / files.length, message: `${done} of ${files.length} documents` });
          this.changeSoon();
          if (store && Date.now() - lastFlush > flushEvery) {
            const flushStarted = Date.now();
            await store.flush().catch((error) => this.log.error('Could not save the library index', error));
            lastFlush = Date.now();
            flushEvery = Math.max(FLUSH_EVERY_MS, 10 * (lastFlush - flushStarted));
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, this.summariser.lanes) * 2 }, lane));
      return stopped();
    };
    const cancelled = await vscode.window.withProgress(
      // A few documents index in seconds: the status bar says so. A real library gets a notification with Cancel.
      { location: files.length >= NOTIFY_FROM_FILES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: 'Marginalia: indexing the library', cancellable: true },
      (progress, progressToken) => work(progress, progressToken),
    );
    if (!cancelled && store) store.retain(new Set(this.library.list().map((d) => d.hash)));
    await store?.flush().catch((error) => this.log.error('Could not save the library index', error));
    this.changed.fire();
    const result = { files: files.length, reused, analysed, failed, cancelled, ms: Date.now() - started };
    this.log.info(`Library: ${files.length} documents (${reused} from the index, ${analysed} analysed, ${failed} failed) in ${result.ms} ms${cancelled ? ', cancelled' : ''}`);
    return result;
  }

  /** `edited`: a file re-indexed after a change, whose chunks the worker keeps for the next one. */
  private async indexBytes(uri: string, bytes: Uint8Array, store: LibraryPersistence | undefined, edited = false): Promise<'reused' | 'analysed' | 'failed' | 'unchanged'> {
    const hash = this.host.hash(bytes);
    if (this.library.get(uri)?.hash === hash) return 'reused';
    const kept = store?.get(hash);
    if (kept) {
      // The library keeps the store's object (its strings shared): one copy of each summary.
      this.library.set(uri, hash, kept);
      return 'reused';
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      const summary = await this.summariser.summarise(text, this.lexicon ?? this.lexicons.current(), edited ? uri : undefined);
      this.library.set(uri, hash, summary);
      store?.put(hash, summary);
      return 'analysed';
    } catch (error) {
      this.log.warn(`Library: could not index ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      return 'failed';
    }
  }

  /** Re-indexes one file that changed on disk (after a short pause, as saves come in bursts). */
  private fileChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pendingFiles.get(key));
    this.pendingFiles.set(
      key,
      setTimeout(() => {
        this.pendingFiles.delete(key);
        void this.reindexFile(uri);
      }, 100),
    );
  }

  /** Re-indexes one file now; resolves once the library holds its new summary. */
  async reindexFile(uri: vscode.Uri): Promise<void> {
    await this.run?.catch(() => undefined);
    if (!(await isLibraryFile(uri))) {
      if (this.library.delete(uri.toString())) this.changed.fire();
      return;
    }
    const store = await this.ready();
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
    if (!bytes || bytes.length > this.maxBytes) {
      if (this.library.delete(uri.toString())) this.changed.fire();
      return;
    }
    const previous = this.library.get(uri.toString())?.hash;
    await this.indexBytes(uri.toString(), bytes, store, true);
    if (this.library.get(uri.toString())?.hash === previous) return;
    this.changed.fire();
    await store?.flush().catch((error) => this.log.error('Could not save the library index', error));
  }

  private fileDeleted(uri: vscode.Uri): void {
    if (this.library.delete(uri.toString())) this.changed.fire();
  }

  private changeSoon(): void {
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, CHANGE_EVERY_MS);
  }

  dispose(): void {
    this.cancel?.cancel();
    clearTimeout(this.changeTimer);
    for (const timer of this.pendingFiles.values()) clearTimeout(timer);
    this.subscriptions.forEach((d) => d.dispose());
    this.summariser.dispose();
    this.changed.dispose();
  }
}
