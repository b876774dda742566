/**
 * What the window shows about the active document: the counts in the status bar ("9 ligands ·
 * 24 targets · 77 citations", a click opens the side panel), that it is being analysed, or why
 * it is not (too large: a click opens the size setting; failed: a click shows the log),
 * and the `marginalia.active` context key for keybindings and menus.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis/service.js';
import type { ConfigWatcher } from './config.js';
import type { Logger } from './log.js';
import { documentCounts, failureText, plural, sizeText, statusText, TOO_LARGE_HINT } from './statusText.js';

const CLICK_COMMAND = 'marginalia._statusBarClicked';
const SHOW_LOG_COMMAND = 'marginalia._showLog';
const SIZE_SETTING = 'marginalia.analysis.maxDocumentSizeMB';

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
      item.backgroundColor = undefined;
      item.command = CLICK_COMMAND;
      if (!readable.readable) {
        // A document of another language is none of our business; a too-large one is.
        if (!config.current.languages.includes(document.languageId)) return item.hide();
        item.text = '$(circle-slash) Marginalia: too large';
        item.tooltip = `${readable.reason}\n${TOO_LARGE_HINT}`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        item.command = { command: 'workbench.action.openSettings', title: 'Open the setting', arguments: [SIZE_SETTING] };
        item.show();
        return;
      }
      const analysed = service.peek(document);
      const progress = service.progress(document);
      if (progress.failure !== null && !progress.analysing && analysed?.version !== document.version) {
        item.text = '$(error) Marginalia: analysis failed';
        item.tooltip = `${failureText(fileName(document.uri), progress.failure)}\nClick to see the details in the "Marginalia" output.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        item.command = log.show ? SHOW_LOG_COMMAND : CLICK_COMMAND;
        item.show();
        return;
      }
      if (!analysed) {
        item.text = '$(sync~spin) Marginalia: analysing…';
        item.tooltip = `Analysing ${fileName(document.uri)} (${sizeText(document.getText().length)})…`;
        item.show();
        void service.get(document);
        return;
      }
      const { analysis } = analysed;
      const counts = documentCounts(analysis);
      const updating = analysed.version !== document.version && progress.analysing;
      item.text = `${updating ? '$(sync~spin) ' : ''}${statusText(analysis)}`;
      item.tooltip = [
        `Marginalia — ${fileName(document.uri)}${updating ? ' (analysing the latest changes…)' : ''}`,
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
    service.onDidChangeProgress((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri) update();
    }),
    vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show?.()),
    // For tests: what the item says now.
    vscode.commands.registerCommand('marginalia._statusBar', () => {
      update();
      const command = typeof item.command === 'string' ? item.command : item.command?.command;
      return { text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : '', command };
    }),
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
