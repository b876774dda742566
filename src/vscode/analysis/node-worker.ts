/** The analysis worker of the Node extension host: a worker_threads thread running `dist/worker.js`. */
import { Worker } from 'node:worker_threads';
import type { WorkerResponse } from '../../worker/protocol.js';
import { createInProcessBackend, type AnalysisBackend } from './backend.js';
import { createWorkerBackend, type AnalysisWorker } from './worker-backend.js';
import { mark } from '../trace.js';

export function spawnNodeWorker(script: string): AnalysisWorker {
  mark('worker spawn');
  const worker = new Worker(script);
  worker.on('online', () => mark('worker online'));
  // The extension host may exit while an analysis runs.
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', (message: WorkerResponse) => {
      mark(`worker answered ${message.type}`);
      listener(message);
    }),
    onError: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`analysis worker exited (${code})`)));
    },
    terminate: () => void worker.terminate(),
  };
}

/** Large documents analysed in a worker thread (`script`, dist/worker.js), small ones in process. */
export function createNodeWorkerBackend(script: string): AnalysisBackend {
  return createWorkerBackend({ spawn: () => spawnNodeWorker(script), inProcess: createInProcessBackend() });
}
