/** Entry point in VS Code's Node extension host (desktop, remote, code-server). */
import type * as vscode from 'vscode';
import { traceToFile, traceVscodeMarks } from './node/trace-file.js';
import { createNodeWorkerBackend } from './vscode/analysis/node-worker.js';
import { activateMarginalia, type MarginaliaApi } from './vscode/activate.js';
import { nodeLibraryHost } from './vscode/library/node-host.js';
import { mark } from './vscode/trace.js';

traceToFile(process.env.MARGINALIA_TRACE);
mark('bundle loaded');

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  traceVscodeMarks(process.env.MARGINALIA_TRACE);
  mark('activate');
  // Large documents are analysed in a worker, off the extension host's thread.
  return activateMarginalia(context, {
    createBackend: () => createNodeWorkerBackend(context.extensionUri),
    // A bundle of its own (citation-js), read on first export: activation stays light.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/export.js is a sibling bundle, not a module of this one
    loadReferenceFormatter: async () => (require('./export.js') as typeof import('./export/index.js')).formatReferences,
    libraryHost: nodeLibraryHost,
  });
}

export function deactivate(): void {}
