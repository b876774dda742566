/** The analysis worker of the Node extension host: a worker_threads thread running `dist/worker.js`. */
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { WorkerResponse } from '../../worker/protocol.js';
import { createInProcessBackend, type AnalysisBackend } from './backend.js';
import { createWorkerBackend, type AnalysisWorker } from './worker-backend.js';
import { mark } from '../trace.js';

export function spawnNodeWorker(script: string): AnalysisWorker {
  mark('worker spawn');
  const worker = new Worker(script);
  // The extension host may exit while an analysis runs.
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', (message: WorkerResponse) => listener(message)),
    onError: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`analysis worker exited (${code})`)));
    },
    terminate: () => void worker.terminate(),
  };
}

/** Large documents analysed in a worker thread, small ones in process. */
export function createNodeWorkerBackend(extensionUri: vscode.Uri): AnalysisBackend {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath;
  return createWorkerBackend({ spawn: () => spawnNodeWorker(script), inProcess: createInProcessBackend() });
}
