/**
 * The evidence table (and its plot) in an editor-area webview: strict CSP with a nonce, no
 * document text in the HTML (rows arrive as a message and are shown with textContent), and
 * messages from the page checked before anything is done with them.
 */
import * as vscode from 'vscode';
import { evidenceCsv, type EvidenceQuery, type EvidenceRow } from '../../core/library/index.js';
import { isEvidenceFromWebview, type EvidenceToWebview } from '../../shared/evidence-protocol.js';
import type { Logger } from '../log.js';
import { createNonce, webviewHtml } from '../panel/html.js';
import { plotBy, queryTitle, rowView } from './evidence-view.js';
import type { LibraryIndexer } from './indexer.js';
import { openLocation } from './open.js';

export function evidenceHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = createNonce()): string {
  return webviewHtml(webview, extensionUri, nonce, {
    title: 'Evidence',
    styles: [{ path: ['media', 'evidence.css'] }],
    script: ['dist', 'webview', 'evidence.js'],
    label: 'Marginalia: evidence table across the library',
  });
}

export class EvidencePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private query: EvidenceQuery | undefined;
  /** The rows last sent, which the page's indices refer to. */
  private rows: EvidenceRow[] = [];
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly indexer: LibraryIndexer,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(indexer.onDidChange(() => this.refresh()));
  }

  /** What the panel shows now (for tests). */
  get current(): { readonly query: EvidenceQuery | undefined; readonly rows: readonly EvidenceRow[] } {
    return { query: this.query, rows: this.rows };
  }

  show(query: EvidenceQuery): void {
    this.query = query;
    if (!this.panel) {
      const roots = [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')];
      const panel = vscode.window.createWebviewPanel('marginalia.evidence', 'Evidence', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: roots,
        retainContextWhenHidden: false,
      });
      this.panel = panel;
      this.ready = false;
      panel.webview.html = evidenceHtml(panel.webview, this.extensionUri);
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m), undefined, this.subscriptions);
      panel.onDidChangeViewState(() => {
        // A page loaded again (after being hidden) says `ready` and gets the rows again.
        if (!panel.visible) this.ready = false;
      });
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
    } else this.panel.reveal(undefined, true);
    this.refresh();
  }

  private refresh(): void {
    // Without a panel there is nothing to keep up to date (the rows are gathered again on show).
    if (!this.query || !this.panel) return;
    const library = this.indexer.library;
    this.rows = library.evidence(this.query);
    const title = queryTitle(library, this.query);
    this.panel.title = `Evidence: ${title}`;
    if (this.ready) this.post();
  }

  private post(): void {
    if (!this.panel || !this.query) return;
    const message: EvidenceToWebview = {
      type: 'evidence',
      title: queryTitle(this.indexer.library, this.query),
      plotBy: plotBy(this.indexer.library, this.query),
      rows: this.rows.map(rowView),
    };
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isEvidenceFromWebview(message)) return;
    if (message.type === 'ready') {
      this.ready = true;
      this.post();
      return;
    }
    if (message.type === 'open') {
      const row = this.rows[message.row];
      if (row) await openLocation(this.indexer.library, { uri: row.uri, start: row.record.start, end: row.record.end }, vscode.ViewColumn.One);
      return;
    }
    const rows = message.rows.map((i) => this.rows[i]).filter((r): r is EvidenceRow => r !== undefined);
    await this.exportCsv(rows);
  }

  /** Asks where to save, then writes the rows as CSV. */
  async exportCsv(rows: readonly EvidenceRow[] = this.rows): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      filters: { CSV: ['csv'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'evidence.csv') } : {}),
      title: 'Export the evidence table as CSV',
    });
    if (!target) return undefined;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(evidenceCsv(rows)));
      return target;
    } catch (error) {
      this.log.error('Could not export the evidence table', error);
      return undefined;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
