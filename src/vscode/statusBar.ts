/**
 * What the window shows about the active document: the counts in the status bar ("9 ligands ·
 * 24 targets · 77 citations", a click opens the side panel; or why the document is not analysed),
 * and the `marginalia.active` context key for keybindings and menus.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis/service.js';
import type { ConfigWatcher } from './config.js';
import type { Logger } from './log.js';
import { documentCounts, plural, statusText } from './statusText.js';

const CLICK_COMMAND = 'marginalia._statusBarClicked';

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

export function registerStatusBar(service: AnalysisService, config: ConfigWatcher, log: Logger): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('marginalia.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Marginalia';
  item.command = CLICK_COMMAND;
  let active: boolean | undefined;

  function setActive(value: boolean): void {
    if (value === active) return;
    active = value;
    void vscode.commands.executeCommand('setContext', 'marginalia.active', value);
  }

  function update(): void {
    try {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        setActive(false);
        item.hide();
        return;
      }
      const { document } = editor;
      const readable = service.readability(document);
      setActive(readable.readable);
      if (!readable.readable) {
        // A document of another language is none of our business; a too-large one is.
        if (!config.current.languages.includes(document.languageId)) return item.hide();
        item.text = '$(circle-slash) Marginalia: not analysed';
        item.tooltip = readable.reason;
        item.show();
        return;
      }
      const analysed = service.peek(document);
      if (!analysed) {
        item.text = '$(sync~spin) Marginalia';
        item.tooltip = `Analysing ${fileName(document.uri)}…`;
        item.show();
        void service.get(document);
        return;
      }
      const { analysis } = analysed;
      const counts = documentCounts(analysis);
      item.text = statusText(analysis);
      item.tooltip = [
        `Marginalia — ${fileName(document.uri)}${analysed.version === document.version ? '' : ' (updating…)'}`,
        `${plural(counts.ligands, 'ligand')} and ${plural(counts.targets, 'target')} (distinct), ${plural(counts.citations, 'citation marker')}`,
        `${plural(analysis.references.length, 'reference')}, ${plural(analysis.tables.length, 'table')}, ${plural(analysis.records.length, 'quantitative record')}`,
        'Click to show the side panel.',
      ].join('\n');
      item.show();
    } catch (error) {
      log.error('Could not update the status bar', error);
    }
  }

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    service.onDidAnalyse((analysed) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === analysed.uri) update();
    }),
    service.onDidForget(update),
    config.onDidChange((aspects) => {
      if (aspects.has('languages') || aspects.has('analysis')) update();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      // The size limit can be crossed by an edit.
      if (event.document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.commands.registerCommand(CLICK_COMMAND, async () => {
      // The side panel registers marginalia.showPanel; until it does, open its view container.
      const commands = await vscode.commands.getCommands(true);
      return vscode.commands.executeCommand(commands.includes('marginalia.showPanel') ? 'marginalia.showPanel' : 'workbench.view.extension.marginalia');
    }),
  );
}
