/**
 * The lexicon the editor analyses with: the built-in one plus the workspace lexicon files,
 * reloaded when they or the `marginalia.lexicon.files` setting change. Problems in a file are
 * shown as one warning; they never stop the extension.
 */
import * as vscode from 'vscode';
import { builtinLexicon, withUserEntries, type Lexicon } from '../../core/entities/index.js';
import { registerAddSelectionCommands } from './add-selection.js';
import { lexiconFiles, readLexiconFiles, type LexiconFileEntries } from './files.js';

export { type LexiconFileEntries } from './files.js';

/** The current lexicon and its changes. */
export interface LexiconSource {
  /** The lexicon to analyse with (the built-in one until the workspace files are read). */
  current(): Lexicon;
  /** Fires after the workspace lexicon files changed and were read again. */
  readonly onDidChange: vscode.Event<void>;
  /** The workspace files that went into {@link current}, e.g. to rebuild it in a worker with `withUserEntries`. */
  files(): readonly LexiconFileEntries[];
  /** Reads the files again now. */
  reload(): Promise<void>;
}

const RELOAD_DELAY_MS = 150;

/**
 * Loads the workspace lexicons, watches them, and registers the commands
 * `marginalia.addSelectionAsLigand` and `marginalia.addSelectionAsTarget`.
 * Everything it creates is disposed with the extension.
 */
export function registerLexicon(context: vscode.ExtensionContext): LexiconSource {
  const changed = new vscode.EventEmitter<void>();
  let lexicon: Lexicon = builtinLexicon();
  let loaded: readonly LexiconFileEntries[] = [];
  let watchers: vscode.Disposable[] = [];
  let lastWarning = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const reload = async (): Promise<void> => {
    const mine = ++generation;
    try {
      const candidates = lexiconFiles();
      watch(candidates.map((c) => c.uri));
      const files = await readLexiconFiles(candidates);
      if (mine !== generation) return;
      let next = builtinLexicon();
      for (const file of files) if (file.entries.length) next = withUserEntries(next, file.entries, file.origin);
      const same = files.length === 0 && loaded.length === 0;
      lexicon = next;
      loaded = files;
      warn(files.flatMap((f) => f.errors));
      if (!same) changed.fire();
    } catch (error) {
      // Reading lexicons must never take the extension down; keep the previous lexicon.
      warn([`Marginalia could not read the workspace lexicon: ${String(error)}`]);
    }
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void reload(), RELOAD_DELAY_MS);
  };

  const warn = (errors: readonly string[]): void => {
    const message = errors.join('; ');
    if (message === lastWarning) return;
    lastWarning = message;
    if (!message) return;
    const shown = errors.length > 3 ? `${errors.slice(0, 3).join('; ')}; and ${errors.length - 3} more` : message;
    void vscode.window.showWarningMessage(`Marginalia lexicon: ${shown}`);
  };

  const watch = (uris: readonly vscode.Uri[]): void => {
    for (const w of watchers) w.dispose();
    watchers = uris.map((uri) => {
      const dir = vscode.Uri.joinPath(uri, '..');
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name));
      watcher.onDidChange(schedule);
      watcher.onDidCreate(schedule);
      watcher.onDidDelete(schedule);
      return watcher;
    });
  };

  const source: LexiconSource = {
    current: () => lexicon,
    onDidChange: changed.event,
    files: () => loaded,
    reload,
  };

  context.subscriptions.push(
    changed,
    { dispose: () => watchers.forEach((w) => w.dispose()) },
    { dispose: () => timer && clearTimeout(timer) },
    vscode.workspace.onDidChangeWorkspaceFolders(schedule),
    vscode.workspace.onDidGrantWorkspaceTrust(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('marginalia.lexicon')) schedule();
    }),
    ...registerAddSelectionCommands(source),
  );
  void reload();
  return source;
}
