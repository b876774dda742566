/**
 * The library feature: the workspace index, the Library view, the evidence table, the hover
 * summary, workspace symbols and their commands. Started only where the platform can run it off
 * the extension host's thread (see {@link LibraryHost}).
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, Library } from '../../core/library/index.js';
import type { AnalysisService, LexiconSource } from '../analysis/service.js';
import type { Logger } from '../log.js';
import { EvidencePanel } from './evidence-panel.js';
import { parseQuery } from './evidence-view.js';
import type { LibraryHost } from './host.js';
import { registerLibraryHover } from './hover.js';
import { libraryHoverMarkdown } from './hover-text.js';
import { LibraryIndexer, type IndexRun } from './indexer.js';
import { openLocation } from './open.js';
import { createSummariserPool } from './summariser.js';
import { registerLibrarySymbols } from './symbols.js';
import { LibraryTreeProvider, type LibraryNode } from './tree.js';

/** What tests (and other extensions) can reach of the library. */
export interface LibraryApi {
  readonly library: () => Library;
  whenIndexed(): Promise<IndexRun | undefined>;
  reindexFile(uri: vscode.Uri): Promise<void>;
  readonly tree: vscode.TreeDataProvider<LibraryNode>;
  readonly evidence: EvidencePanel;
  hoverSummary(id: string, uri: string): string | undefined;
}

export function registerLibrary(
  context: vscode.ExtensionContext,
  host: LibraryHost,
  service: AnalysisService,
  lexicons: LexiconSource,
  selector: () => vscode.DocumentSelector,
  log: Logger,
): LibraryApi {
  const indexer = new LibraryIndexer(host, createSummariserPool(() => host.spawnWorker(), host.workers), lexicons, log);
  const library = () => indexer.library;
  const tree = new LibraryTreeProvider(indexer);
  const evidence = new EvidencePanel(context.extensionUri, indexer, log);
  const view = vscode.window.createTreeView('marginalia.library', { treeDataProvider: tree, showCollapseAll: true });
  // The view is contributed hidden: it shows where an extension host runs the library (not the
  // web worker host), which `isWeb` cannot tell (code-server's workbench is web, its host Node).
  void vscode.commands.executeCommand('setContext', 'marginalia.libraryAvailable', true);
  const updateMessage = () => {
    view.message = indexer.library.size === 0 ? 'No markdown documents indexed yet.' : undefined;
  };
  context.subscriptions.push(
    indexer,
    tree,
    evidence,
    view,
    indexer.onDidChange(updateMessage),
    registerLibraryHover(selector(), service, library, log),
    registerLibrarySymbols(library),
    vscode.commands.registerCommand('marginalia.showEvidence', async (args?: unknown) => {
      const query: EvidenceQuery | undefined = args === undefined ? await pickEntity(indexer.library) : parseQuery(indexer.library, args);
      if (!query) return false;
      evidence.show(query);
      return true;
    }),
    vscode.commands.registerCommand('marginalia.openLibraryLocation', (args?: unknown) => openLocation(indexer.library, args)),
    vscode.commands.registerCommand('marginalia.reindexLibrary', () => indexer.reindex()),
    vscode.commands.registerCommand('marginalia.exportEvidenceCsv', () => evidence.exportCsv()),
  );
  void indexer.reindex().then(updateMessage, (error) => log.error('Could not index the library', error));
  return {
    library,
    whenIndexed: () => indexer.whenIndexed(),
    reindexFile: (uri) => indexer.reindexFile(uri),
    tree,
    evidence,
    hoverSummary: (id, uri) => libraryHoverMarkdown(indexer.library, id, uri),
  };
}

async function pickEntity(library: Library): Promise<EvidenceQuery | undefined> {
  const items = library
    .entities()
    .filter((e) => e.records > 0)
    .map((e) => ({ label: e.name, description: `${e.kind} · ${e.documents} documents · ${e.records} records`, id: e.id }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Evidence table for…', matchOnDescription: true });
  return picked ? { entity: picked.id } : undefined;
}
