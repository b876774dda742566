/**
 * Registers the side panel: the webview view, its commands (`marginalia.showPanel`,
 * `marginalia.revealReference`, `marginalia.exportRecordsCsv`, `marginalia.exportReferences`), and a hover provider that only
 * tells the panel which citation marker the mouse rests on (it returns no hover of its own).
 */
import * as vscode from 'vscode';
import { isRevealReferenceArgs } from '../../shared/protocol.js';
import { recordsToCsv } from './csv.js';
import { lineCounter } from './model.js';
import type { PanelAnnotationSource } from './annotations.js';
import { PanelViewProvider, type PanelAnalysisService, type PanelStateSnapshot } from './provider.js';
import { exportReferences, type ReferenceFormatter } from '../references/export.js';

export type { DocumentAnalysis, PanelAnalysisService } from './provider.js';

/**
 * Internal command for the integration tests: the last model and highlight sent to the webview.
 * Not contributed in package.json, so it is not in the command palette.
 */
export const panelStateCommand = 'marginalia._panelState';

function hoverSelector(): vscode.DocumentSelector {
  const languages = vscode.workspace.getConfiguration('marginalia').get<string[]>('languages', ['markdown']);
  return (Array.isArray(languages) ? languages : ['markdown']).map((language) => ({ language }));
}

/** Where to save the CSV: the `target` a test passes, or the user's choice in a save dialog. */
async function csvTarget(document: vscode.TextDocument, target: unknown): Promise<vscode.Uri | undefined> {
  // Only a real Uri is accepted: a command link in markdown can pass JSON, never a Uri instance,
  // so no link can make the extension write a file where it wants.
  if (target instanceof vscode.Uri) return target;
  const base = document.uri.path.replace(/\.[^./]*$/, '');
  return vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.records.csv` }),
    filters: { CSV: ['csv'] },
    saveLabel: 'Export records',
    title: 'Export quantitative records as CSV',
  });
}

async function exportRecordsCsv(panel: PanelViewProvider, service: PanelAnalysisService, target: unknown): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  const document = panel.currentDocument ?? editor?.document;
  const analysed = document ? await service.get(document) : undefined;
  if (!document || !analysed) {
    void vscode.window.showInformationMessage('Marginalia: open a document it reads to export its records.');
    return undefined;
  }
  const uri = await csvTarget(document, target);
  if (!uri) return undefined;
  const csv = recordsToCsv(analysed.analysis, lineCounter(document.getText()));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(csv));
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showInformationMessage(`Marginalia: exported ${analysed.analysis.records.length} records.`);
  }
  return uri;
}

/** The document to export from (the panel's, else the active editor's), its analysis and its editor's selection. */
async function exportSource(panel: PanelViewProvider, service: PanelAnalysisService) {
  const active = vscode.window.activeTextEditor;
  const document = panel.currentDocument ?? active?.document;
  const analysed = document ? await service.get(document) : undefined;
  if (!document || !analysed) return undefined;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const selection = editor && !editor.selection.isEmpty ? { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) } : null;
  return { document, analysis: analysed.analysis, selection };
}

/** Registers the side panel and its commands; dispose to remove them all. */
export function registerPanel(context: vscode.ExtensionContext, service: PanelAnalysisService, loadFormatter: () => Promise<ReferenceFormatter>, annotations?: PanelAnnotationSource): vscode.Disposable {
  const panel = new PanelViewProvider(context.extensionUri, service, annotations);
  let hover: vscode.Disposable | undefined;
  const registerHover = () => {
    hover?.dispose();
    hover = vscode.languages.registerHoverProvider(hoverSelector(), {
      provideHover(document, position) {
        panel.onHover(document, position);
        return undefined;
      },
    });
  };
  registerHover();

  const disposables: vscode.Disposable[] = [
    panel,
    vscode.window.registerWebviewViewProvider(PanelViewProvider.viewId, panel),
    vscode.commands.registerCommand('marginalia.showPanel', () => panel.show(false)),
    vscode.commands.registerCommand('marginalia.openDataTable', () => panel.openDataTable()),
    vscode.commands.registerCommand('marginalia.revealReference', async (args: unknown) => {
      if (!isRevealReferenceArgs(args)) {
        console.warn('marginalia.revealReference: ignored invalid arguments');
        return false;
      }
      return panel.revealReference(args.uri, args.number);
    }),
    vscode.commands.registerCommand('marginalia.exportRecordsCsv', (target: unknown) => exportRecordsCsv(panel, service, target)),
    vscode.commands.registerCommand('marginalia.exportReferences', async (target: unknown, format: unknown, scope: unknown) =>
      exportReferences(await exportSource(panel, service), loadFormatter, target, format, scope),
    ),
    vscode.commands.registerCommand(panelStateCommand, (): PanelStateSnapshot => panel.snapshot()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('marginalia.languages')) registerHover();
    }),
    { dispose: () => hover?.dispose() },
  ];
  const all = vscode.Disposable.from(...disposables);
  context.subscriptions.push(all);
  return all;
}
