/**
 * The side panel (webview view `marginalia.panel`): follows the active editor, sends the
 * webview a model of its document whenever a new analysis arrives, highlights the references of
 * the marker under the cursor or the mouse, and carries out the webview's requests in the editor.
 */
import * as vscode from 'vscode';
import { isReferenceLinkUrl, referenceLinks } from '../../core/references/open.js';
import type { Analysis } from '../../core/types.js';
import type { AnalysisIndex } from '../../core/query.js';
import type { DocumentAnalysis } from '../analysis/service.js';
import {
  isWebviewMessage,
  type HighlightReason,
  type HostMessage,
  type PanelAnnotations,
  type PanelModel,
  type WebviewMessage,
} from '../../shared/protocol.js';
import { panelHtml, panelResourceRoots } from './html.js';
import { panelAnnotations, type PanelAnnotationSource } from './annotations.js';
import { buildPanelModel, emptyModel, pointedNumbers } from './model.js';

export type { DocumentAnalysis };

/**
 * The part of the analysis service (`src/vscode/analysis/service.ts`) the panel uses; the
 * service satisfies it as is.
 */
export interface PanelAnalysisService {
  peek(document: vscode.TextDocument): DocumentAnalysis | undefined;
  get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined>;
  readonly onDidAnalyse: vscode.Event<DocumentAnalysis>;
  /** Fires with a document's uri when its analysis is dropped (closed, or no longer readable). */
  readonly onDidForget?: vscode.Event<string>;
  /** Whether Marginalia reads the document, and why not. */
  readability?(document: vscode.TextDocument): { readonly readable: boolean; readonly reason?: string };
}

export type Highlight = Extract<HostMessage, { type: 'highlight' }>;

/** What `marginalia._panelState` reports (for tests). */
export interface PanelStateSnapshot {
  readonly resolved: boolean;
  readonly ready: boolean;
  readonly visible: boolean;
  readonly model: PanelModel | undefined;
  readonly highlight: Highlight | undefined;
  readonly cspViolations: readonly string[];
  readonly rejectedMessages: number;
  /** The annotations last sent for the Annotations tab. */
  readonly annotations?: PanelAnnotations;
}

function fileName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

export class PanelViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'marginalia.panel';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  /** The records as a wide table in the editor area, when opened from the panel. */
  private wide: vscode.WebviewPanel | undefined;
  private wideReady = false;
  private document: vscode.TextDocument | undefined;
  private model: PanelModel | undefined;
  /** The analysis the model was built from (a new lexicon re-analyses the same version). */
  private modelSource: Analysis | undefined;
  private highlight: Highlight | undefined;
  private sentAnnotations: PanelAnnotations | undefined;
  /** A selection the panel made itself; the selection event it causes must not re-highlight. */
  private ownSelection: { uri: string; offset: number; at: number } | undefined;
  private readonly cspViolations: string[] = [];
  private rejectedMessages = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: PanelAnalysisService,
    /** The reader's annotations, for the Annotations tab (absent when that feature did not start). */
    private readonly annotations?: PanelAnnotationSource,
  ) {
    if (annotations) {
      this.disposables.push(
        annotations.onDidChange((uri) => {
          if (uri === this.document?.uri.toString()) this.postAnnotations();
        }),
      );
    }
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.onSelection(event)),
      service.onDidAnalyse((analysed) => this.onAnalysed(analysed)),
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed === this.document && !vscode.window.activeTextEditor) this.follow(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('marginalia')) this.follow(vscode.window.activeTextEditor);
      }),
    );
    if (service.onDidForget) {
      this.disposables.push(
        service.onDidForget((uri) => {
          if (uri === this.document?.uri.toString()) this.follow(vscode.window.activeTextEditor);
        }),
      );
    }
    this.follow(vscode.window.activeTextEditor);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    view.webview.options = { enableScripts: true, localResourceRoots: panelResourceRoots(this.extensionUri) };
    view.webview.html = panelHtml(view.webview, this.extensionUri);
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.receive(message, 'side')),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
      // A hidden webview is destroyed; the page loaded when it shows again says `ready` and gets
      // the model. Giving it fresh HTML now means that load, too, has a nonce of its own.
      view.onDidChangeVisibility(() => {
        if (view.visible) return;
        this.ready = false;
        view.webview.html = panelHtml(view.webview, this.extensionUri);
      }),
    );
  }

  /** Opens (or shows) the records of the shown document as a full-width table beside the editor. */
  openDataTable(): void {
    if (this.wide) {
      this.wide.reveal(vscode.ViewColumn.Beside);
      return;
    }
    const wide = vscode.window.createWebviewPanel(
      'marginalia.dataTable',
      this.wideTitle(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: panelResourceRoots(this.extensionUri) },
    );
    this.wide = wide;
    this.wideReady = false;
    wide.webview.html = panelHtml(wide.webview, this.extensionUri, undefined, 'wide');
    const subscriptions = [
      wide.webview.onDidReceiveMessage((message: unknown) => this.receive(message, 'wide')),
      wide.onDidDispose(() => {
        subscriptions.forEach((d) => d.dispose());
        if (this.wide === wide) {
          this.wide = undefined;
          this.wideReady = false;
        }
      }),
    ];
  }

  private wideTitle(): string {
    return this.model?.kind === 'document' ? `Data: ${this.model.name}` : 'Marginalia: Data';
  }

  /** Shows the view (resolving it if needed) without taking the focus from the editor. */
  async show(preserveFocus: boolean): Promise<void> {
    if (this.view) this.view.show(preserveFocus);
    else await vscode.commands.executeCommand(`${PanelViewProvider.viewId}.focus`);
  }

  /** The document the panel shows, if any. */
  get currentDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  snapshot(): PanelStateSnapshot {
    return {
      resolved: this.view !== undefined,
      ready: this.ready,
      visible: this.view?.visible ?? false,
      model: this.model,
      highlight: this.highlight,
      cspViolations: [...this.cspViolations],
      rejectedMessages: this.rejectedMessages,
      ...(this.sentAnnotations ? { annotations: this.sentAnnotations } : {}),
    };
  }

  /** Highlights the references behind `marginalia.revealReference`, switching document if needed. */
  async revealReference(uri: string, number: number): Promise<boolean> {
    if (this.document?.uri.toString() !== uri) {
      const target = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (!target) return false;
      await this.showDocument(target);
    }
    this.setHighlight([number], 'command', true);
    await this.show(true);
    return true;
  }

  private isRead(document: vscode.TextDocument): boolean {
    const languages = vscode.workspace.getConfiguration('marginalia').get<string[]>('languages', ['markdown']);
    return Array.isArray(languages) && languages.includes(document.languageId);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Editors outside the editor area (the Output panel, the debug console) have no view column;
    // clicking into them must not take the panel away from the document being read.
    if (editor && editor.viewColumn === undefined) return;
    // The wide data table is an editor too: while it is active, it shows the document it was opened for.
    if (!editor && this.wide?.active && this.document && !this.document.isClosed) return;
    void this.showDocument(editor?.document).catch((error) => console.error('marginalia panel:', error));
  }

  private async showDocument(document: vscode.TextDocument | undefined): Promise<void> {
    const previous = this.document?.uri.toString();
    if (!document) {
      this.document = undefined;
      this.setModel(emptyModel('no-editor'));
      return;
    }
    const readability = this.service.readability?.(document);
    if (readability ? !readability.readable : !this.isRead(document)) {
      this.document = undefined;
      this.setModel(emptyModel('not-read', fileName(document.uri), readability?.reason));
      return;
    }
    this.document = document;
    const uri = document.uri.toString();
    if (previous !== uri) this.highlight = undefined;
    const known = this.service.peek(document);
    if (known) this.onAnalysed(known);
    else if (previous !== uri) this.setModel(emptyModel('analysing'));
    if (known?.version === document.version) return;
    const analysed = await this.service.get(document);
    if (this.document !== document) return;
    if (analysed) this.onAnalysed(analysed);
    else if (!known) this.setModel(emptyModel('too-large', fileName(document.uri)));
  }

  private onAnalysed(analysed: DocumentAnalysis): void {
    const document = this.document;
    if (!document || analysed.uri !== document.uri.toString()) return;
    if (this.modelSource === analysed.analysis && this.model?.kind === 'document' && this.model.uri === analysed.uri) return;
    // Citing sentences are cut from the text the analysis was made of; a later version will follow.
    if (analysed.version !== document.version) return;
    this.modelSource = analysed.analysis;
    this.setModel(
      buildPanelModel(analysed.analysis, {
        uri: analysed.uri,
        version: analysed.version,
        name: fileName(document.uri),
        text: document.getText(),
      }),
    );
  }

  private setModel(model: PanelModel): void {
    if (model.kind === 'empty') this.modelSource = undefined;
    this.model = model;
    if (this.wide) this.wide.title = this.wideTitle();
    this.post({ type: 'model', model });
    if (model.kind === 'document') this.postAnnotations();
  }

  /** Sends the shown document's annotations (after the model, so the webview knows the document). */
  private postAnnotations(): void {
    const document = this.document;
    if (!this.annotations || !document) return;
    const known = this.annotations.peek(document.uri.toString());
    if (known) {
      this.sentAnnotations = panelAnnotations(document, known);
      this.post({ type: 'annotations', annotations: this.sentAnnotations });
    }
    else void this.annotations.get(document).then((loaded) => loaded && this.document === document && this.postAnnotations());
  }

  private setHighlight(numbers: readonly number[], reason: HighlightReason, force = false): void {
    const uri = this.document?.uri.toString();
    if (!uri) return;
    if (!force && this.highlight && this.highlight.uri === uri && sameNumbers(this.highlight.numbers, numbers)) return;
    this.highlight = { type: 'highlight', uri, numbers: [...new Set(numbers)], reason };
    this.post(this.highlight);
  }

  /** Called by the hover provider: the mouse rests on `position` of `document`. */
  onHover(document: vscode.TextDocument, position: vscode.Position): void {
    if (document !== this.document) return;
    const analysed = this.service.peek(document);
    if (!analysed || analysed.version !== document.version) return;
    const offset = document.offsetAt(position);
    const hit = analysed.index.citationAt(offset);
    if (hit) this.setHighlight(pointedNumbers(hit.citation, offset), 'hover');
  }

  private onSelection(event: vscode.TextEditorSelectionChangeEvent): void {
    const document = event.textEditor.document;
    if (document !== this.document) return;
    const selection = event.selections[0];
    if (!selection) return;
    const offset = document.offsetAt(selection.active);
    const start = document.offsetAt(selection.start);
    const end = document.offsetAt(selection.end);
    const own = this.ownSelection;
    if (own && Date.now() - own.at < 1000) {
      // Opening the editor may report its old selection first; wait for ours and skip both.
      if (own.uri === document.uri.toString() && own.offset === offset) this.ownSelection = undefined;
      return;
    }
    this.ownSelection = undefined;
    const analysed = this.service.peek(document);
    if (!analysed || analysed.version !== document.version) return;
    const hit = analysed.index.citationAt(offset);
    if (hit) this.setHighlight(pointedNumbers(hit.citation, start, end), 'cursor');
    else if (this.highlight && this.highlight.numbers.length > 0) this.setHighlight([], 'cursor');
  }

  private post(message: HostMessage): void {
    if (this.view && this.ready) void this.view.webview.postMessage(message);
    if (this.wide && this.wideReady) void this.wide.webview.postMessage(message);
  }

  private receive(message: unknown, from: 'side' | 'wide'): void {
    if (!isWebviewMessage(message)) {
      this.rejectedMessages++;
      return;
    }
    void this.handle(message, from).catch((error) => console.error('marginalia panel:', error));
  }

  private async handle(message: WebviewMessage, from: 'side' | 'wide'): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const webview = from === 'wide' ? this.wide?.webview : this.view?.webview;
        if (from === 'wide') this.wideReady = true;
        else this.ready = true;
        if (this.model) void webview?.postMessage({ type: 'model', model: this.model } satisfies HostMessage);
        if (this.highlight) void webview?.postMessage(this.highlight);
        if (from === 'side' && this.model?.kind === 'document') this.postAnnotations();
        return;
      }
      case 'openDataTable':
        this.openDataTable();
        return;
      case 'cspViolation':
        if (this.cspViolations.length < 50) this.cspViolations.push(`${message.directive} ${message.blocked}`);
        console.warn(`marginalia panel: CSP violation ${message.directive} ${message.blocked}`);
        return;
      case 'exportCsv':
        await vscode.commands.executeCommand('marginalia.exportRecordsCsv');
        return;
      case 'exportReferences':
        await vscode.commands.executeCommand('marginalia.exportReferences');
        return;
      default:
        break;
    }
    // The rest act on the shown document; a request about another one is stale and dropped.
    const document = this.document;
    if (!document || message.uri !== document.uri.toString()) return;
    const analysed = this.service.peek(document);
    if (!analysed) return;
    const { analysis, index } = analysed;
    switch (message.type) {
      case 'revealReference': {
        const reference = index.reference(message.number);
        if (reference) await this.select(document, reference.start, reference.end, false);
        return;
      }
      case 'revealCitation': {
        const citation = analysis.citations[message.citation];
        if (citation) await this.select(document, citation.start, citation.end, false);
        return;
      }
      case 'revealRecord': {
        const record = analysis.records[message.record];
        if (record) await this.select(document, record.start, record.end, false);
        return;
      }
      case 'stepMention':
        await this.stepMention(document, message.entity, message.direction, index);
        return;
      case 'revealAnnotation':
        await vscode.commands.executeCommand('marginalia.revealAnnotation', { id: message.id });
        return;
      case 'openReference': {
        // The address is rebuilt from this analysis: the webview only says which link it wants.
        const reference = index.reference(message.number);
        const link = reference ? referenceLinks(reference.fields).find((l) => l.kind === message.kind) : undefined;
        if (link && isReferenceLinkUrl(link.url)) await vscode.env.openExternal(vscode.Uri.parse(link.url, true));
        return;
      }
    }
  }

  private async stepMention(document: vscode.TextDocument, id: string, direction: 1 | -1, index: AnalysisIndex): Promise<void> {
    const mentions = index.mentionsOf(id);
    if (mentions.length === 0) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const cursor = editor ? document.offsetAt(editor.selection.active) : -1;
    let position: number;
    if (direction === 1) {
      position = mentions.findIndex((m) => m.start > cursor);
      if (position < 0) position = 0;
    } else {
      position = -1;
      for (let i = mentions.length - 1; i >= 0; i--) {
        if (mentions[i]!.start < cursor) {
          position = i;
          break;
        }
      }
      if (position < 0) position = mentions.length - 1;
    }
    const mention = mentions[position]!;
    // Keep the focus in the panel so Enter steps on through the mentions.
    await this.select(document, mention.start, mention.end, true);
    vscode.window.setStatusBarMessage(`${mention.name}: mention ${position + 1} of ${mentions.length}`, 3000);
  }

  /** Selects a span in the editor showing `document` (cursor at its start) and scrolls to it. */
  private async select(document: vscode.TextDocument, start: number, end: number, preserveFocus: boolean): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Active,
      preserveFocus,
      preview: false,
    });
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    this.ownSelection = { uri: document.uri.toString(), offset: start, at: Date.now() };
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private disposeView(): void {
    for (const d of this.viewDisposables) d.dispose();
    this.viewDisposables = [];
  }

  dispose(): void {
    this.wide?.dispose();
    this.disposeView();
    for (const d of this.disposables) d.dispose();
  }
}
