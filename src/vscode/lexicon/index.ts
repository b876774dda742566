/**
 * The lexicon the editor analyses with: the built-in one plus the workspace lexicon files,
 * reloaded when they or the `marginalia.lexicon.files` setting change. Problems in a file are
 * shown as one warning; they never stop the extension.
 */
import * as vscode from 'vscode';
import { builtinLexicon, DATABASE_FILES, withDatabase, withUserEntries, type Lexicon } from '../../core/entities/index.js';
import { registerAddSelectionCommands } from './add-selection.js';
import { registerLexiconActionCommands } from './code-actions.js';
import { lexiconFiles, readLexiconFiles, type LexiconFileEntries } from './files.js';
import { mark } from '../trace.js';

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
  /** Settles once the database layer has been read (or could not be). */
  readonly database: Promise<void>;
}

/**
 * The built-in lexicon with the database layer (HGNC, DrugBank, Guide to Pharmacology, drug-name
 * stems), read from the extension's `dist/lexicon/` through `vscode.workspace.fs` (so the web
 * extension host reads it too). Not bundled: it is read after activation, and the analysis runs
 * with the hand-curated lexicon until it is there.
 */
export async function readDatabaseLexicon(extensionUri: vscode.Uri): Promise<Lexicon> {
  const dir = vscode.Uri.joinPath(extensionUri, 'dist', 'lexicon');
  const decoder = new TextDecoder('utf-8');
  const texts = await Promise.all(DATABASE_FILES.map(async (file) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, file)))));
  mark('database read');
  return withDatabase(builtinLexicon(), texts, dir.toString(true));
}

const RELOAD_DELAY_MS = 150;

/**
 * Loads the workspace lexicons, watches them, and registers the commands
 * `marginalia.addSelectionAsLigand` and `marginalia.addSelectionAsTarget`, and those of the
 * light bulb's lexicon actions. The database layer is read once `databaseAfter` settles.
 * Everything it creates is disposed with the extension.
 */
export function registerLexicon(context: vscode.ExtensionContext, databaseAfter: Promise<unknown> = Promise.resolve()): LexiconSource {
  const changed = new vscode.EventEmitter<void>();
  /** The built-in lexicon, with the database layer once it is read. */
  let base: Lexicon = builtinLexicon();
  let baseChanged = false;
  let lexicon: Lexicon = base;
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
      let next = base;
      for (const file of files) if (file.entries.length || file.exclusions.length) next = withUserEntries(next, file.entries, file.origin, file.exclusions);
      const same = files.length === 0 && loaded.length === 0 && !baseChanged;
      baseChanged = false;
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

  const database = (async () => {
    // After the first analyses (with the hand-curated lexicon), so that their highlights come first.
    await databaseAfter.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      base = await readDatabaseLexicon(context.extensionUri);
      mark('database laid');
      baseChanged = true;
      await reload();
    } catch (error) {
      // Without the database layer the hand-curated lexicon still works.
      console.warn(`Marginalia could not read its database lexicon: ${String(error)}`);
    }
  })();

  const source: LexiconSource = {
    current: () => lexicon,
    onDidChange: changed.event,
    files: () => loaded,
    reload,
    database,
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
    ...registerLexiconActionCommands(source),
  );
  void reload();
  return source;
}
