/** Entry point in VS Code's web worker extension host (vscode.dev, code-server in the browser). */
import type * as vscode from 'vscode';
import { createWebWorkerBackend } from './vscode/analysis/web-worker.js';
import { formatReferences } from './export/index.js';
import { activateMarginalia, type MarginaliaApi } from './vscode/activate.js';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // Large documents are analysed in a worker, off the extension host's thread.
  return activateMarginalia(context, {
    createBackend: () => createWebWorkerBackend(context.extensionUri),
    // A web extension is one script: the formatter is part of it.
    loadReferenceFormatter: async () => formatReferences,
  });
}

export function deactivate(): void {}
