/** Where the platform runs no library (the web extension host), its commands say why instead of failing. */
import * as vscode from 'vscode';

const COMMANDS = ['marginalia.showEvidence', 'marginalia.reindexLibrary', 'marginalia.exportEvidenceCsv', 'marginalia.openLibraryLocation'];

export function registerLibraryUnavailable(): vscode.Disposable {
  const subscriptions = COMMANDS.map((command) =>
    vscode.commands.registerCommand(command, () => {
      void vscode.window.showInformationMessage('Marginalia: the library (workspace index, evidence table) needs the desktop or a remote extension host; it is not available in the browser.');
      return false;
    }),
  );
  return vscode.Disposable.from(...subscriptions);
}
