/** The analysis worker for the Node extension host (worker_threads); bundled to `dist/worker.js`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { WorkerAnalyser } from './analyser.js';
import type { WorkerRequest } from './protocol.js';

/** The database layer's files, from the extension's folder (`location` is its file: URI). */
const readDatabase = (location: string, files: readonly string[]): Promise<string[]> => {
  const dir = location.startsWith('file:') ? fileURLToPath(location) : location;
  return Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
};

const analyser = new WorkerAnalyser(readDatabase);
parentPort?.on('message', (request: WorkerRequest) => {
  void Promise.resolve(analyser.handle(request)).then((response) => {
    if (response) parentPort!.postMessage(response);
  });
});
