/** Entry point in VS Code's Node extension host (desktop, remote, code-server). */
import path from 'node:path';
import * as vscode from 'vscode';
import { builtinLexicon } from './core/entities/index.js';
import { traceToFile, traceVscodeMarks } from './node/trace-file.js';
import type { AnalysisBackend } from './vscode/analysis/backend.js';
import { primeShownDocuments } from './vscode/analysis/early.js';
import { createNodeWorkerBackend } from './vscode/analysis/node-worker.js';
import { activateMarginalia, type MarginaliaApi } from './vscode/activate.js';
import { nodeLibraryHost } from './vscode/library/node-host.js';
import { mark } from './vscode/trace.js';

traceToFile(process.env.MARGINALIA_TRACE);
mark('bundle loaded');

/** The backend, made as the bundle loads so that the shown documents' analysis starts now (see early.ts). */
let early: AnalysisBackend | undefined = startEarly();

function startEarly(): AnalysisBackend | undefined {
  try {
    // The bundle is dist/extension.js; the worker dist/worker.js beside it.
    const backend = createNodeWorkerBackend(path.join(__dirname, 'worker.js'));
    primeShownDocuments(backend, builtinLexicon());
    return backend;
  } catch {
    // The activation makes the backend again (and reports what fails).
    return undefined;
  }
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  traceVscodeMarks(process.env.MARGINALIA_TRACE);
  mark('activate');
  // Large documents are analysed in a worker, off the extension host's thread.
  return activateMarginalia(context, {
    createBackend: () => {
      const backend = early ?? createNodeWorkerBackend(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath);
      early = undefined;
      return backend;
    },
    // A bundle of its own (citation-js), read on first export: activation stays light.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/export.js is a sibling bundle, not a module of this one
    loadReferenceFormatter: async () => (require('./export.js') as typeof import('./export/index.js')).formatReferences,
    libraryHost: nodeLibraryHost,
  });
}

export function deactivate(): void {}
