/** Entry point in VS Code's web worker extension host (vscode.dev, code-server in the browser). */
import * as vscode from 'vscode';
import { builtinLexicon } from './core/entities/index.js';
import { formatReferences } from './export/index.js';
import type { AnalysisBackend } from './vscode/analysis/backend.js';
import { primeShownDocuments } from './vscode/analysis/early.js';
import { createWebWorkerBackend } from './vscode/analysis/web-worker.js';
import { activateMarginalia, type MarginaliaApi } from './vscode/activate.js';

/** The manifest's publisher and name. */
const EXTENSION_ID = 'marginalia.marginalia';

/** The backend, made as the bundle loads so that the shown documents' analysis starts now (see early.ts). */
let early: AnalysisBackend | undefined = startEarly();

function startEarly(): AnalysisBackend | undefined {
  try {
    const location = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    if (!location) return undefined;
    const backend = createWebWorkerBackend(location);
    primeShownDocuments(backend, builtinLexicon());
    return backend;
  } catch {
    // The activation makes the backend again (and reports what fails).
    return undefined;
  }
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // Large documents are analysed in a worker, off the extension host's thread.
  return activateMarginalia(context, {
    createBackend: () => {
      const backend = early ?? createWebWorkerBackend(context.extensionUri);
      early = undefined;
      return backend;
    },
    // A web extension is one script: the formatter is part of it.
    loadReferenceFormatter: async () => formatReferences,
  });
}

export function deactivate(): void {}
