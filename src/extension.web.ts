/** Entry point in VS Code's web worker extension host (vscode.dev, code-server in the browser). */
import type * as vscode from 'vscode';
import { createWebWorkerBackend } from './vscode/analysis/web-worker.js';
import { activateMarginalia, type MarginaliaApi } from './vscode/activate.js';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // Large documents are analysed in a worker, off the extension host's thread.
  return activateMarginalia(context, { createBackend: () => createWebWorkerBackend(context.extensionUri) });
}

export function deactivate(): void {}
