/**
 * The analysis worker of the web extension host: a dedicated Web Worker running
 * `dist/web/worker.js`. Where the script cannot be loaded as a worker directly (another origin),
 * it is fetched and started from a blob URL; where no worker can start, analysis stays in process.
 */
import * as vscode from 'vscode';
import { DATABASE_FILES } from '../../core/entities/database.js';
import type { WorkerRequest, WorkerResponse } from '../../worker/protocol.js';
import { createInProcessBackend, type AnalysisBackend } from './backend.js';
import { createWorkerBackend, type AnalysisWorker } from './worker-backend.js';

/** The parts of the Web Worker API used here (the project compiles without DOM types). */
interface WebWorker {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
interface WebGlobals {
  Worker?: new (url: string) => WebWorker;
  URL: { createObjectURL(blob: unknown): string };
  Blob: new (parts: string[], options: { type: string }) => unknown;
  fetch(url: string): Promise<{ ok: boolean; text(): Promise<string> }>;
}

/** Starts the worker; messages posted before it runs are kept and sent once it does. */
export function spawnWebWorker(scriptUrl: string): AnalysisWorker {
  const g = globalThis as unknown as WebGlobals;
  if (!g.Worker) throw new Error('no Web Worker in this extension host');
  const WorkerClass = g.Worker;
  let messageListener: ((message: WorkerResponse) => void) | undefined;
  let errorListener: ((error: unknown) => void) | undefined;
  let worker: WebWorker | undefined;
  let queue: WorkerRequest[] = [];
  let ended = false;
  const attach = (w: WebWorker): void => {
    if (ended) return w.terminate();
    worker = w;
    w.onmessage = (event) => messageListener?.(event.data);
    w.onerror = (event) => errorListener?.(event);
    for (const message of queue) w.postMessage(message);
    queue = [];
  };
  try {
    attach(new WorkerClass(scriptUrl));
  } catch {
    g.fetch(scriptUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`could not load ${scriptUrl}`);
        return response.text();
      })
      .then((source) => attach(new WorkerClass(g.URL.createObjectURL(new g.Blob([source], { type: 'text/javascript' })))))
      .catch((error: unknown) => errorListener?.(error));
  }
  return {
    post: (message) => (worker ? worker.postMessage(message) : void queue.push(message)),
    onMessage: (listener) => void (messageListener = listener),
    onError: (listener) => void (errorListener = listener),
    terminate: () => {
      ended = true;
      worker?.terminate();
    },
  };
}

/** Large documents analysed in a Web Worker, small ones in process. */
export function createWebWorkerBackend(extensionUri: vscode.Uri): AnalysisBackend {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true);
  return createWorkerBackend({ spawn: () => spawnWebWorker(script), inProcess: createInProcessBackend(), databaseTexts: readDatabaseTexts });
}

/** The database layer's files, read through `vscode.workspace.fs` for a Web Worker that cannot fetch them. */
async function readDatabaseTexts(location: string): Promise<readonly string[]> {
  const dir = vscode.Uri.parse(location);
  const decoder = new TextDecoder('utf-8');
  return Promise.all(DATABASE_FILES.map(async (file) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, file)))));
}
