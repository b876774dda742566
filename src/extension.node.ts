/** Entry point in VS Code's Node extension host (desktop, remote, code-server). */
import type * as vscode from 'vscode';
import { createNodeWorkerBackend } from './vscode/analysis/node-worker.js';
import { activateMarginalia, type MarginaliaApi } from './vscode/activate.js';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // Large documents are analysed in a worker, off the extension host's thread.
  return activateMarginalia(context, { createBackend: () => createNodeWorkerBackend(context.extensionUri) });
}

export function deactivate(): void {}
