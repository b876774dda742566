/** The analysis worker for the web extension host (a dedicated Web Worker); bundled to `dist/web/worker.js`. */
import { WorkerAnalyser } from './analyser.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

/** The parts of a dedicated worker's global scope used here (the project compiles without DOM types). */
interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

/**
 * The database layer's files, sent by the host once per worker (read through
 * `vscode.workspace.fs`: the extension's files may be `vscode-remote:` URIs a Web Worker cannot
 * fetch).
 */
const readDatabase = (location: string): Promise<string[]> => analyser.sentDatabase(location);

const analyser: WorkerAnalyser = new WorkerAnalyser(readDatabase);
scope.onmessage = (event) => {
  void Promise.resolve(analyser.handle(event.data)).then((response) => {
    if (response) scope.postMessage(response);
  });
};
