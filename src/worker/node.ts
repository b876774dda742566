/** The analysis worker for the Node extension host (worker_threads); bundled to `dist/worker.js`. */
import { parentPort } from 'node:worker_threads';
import { WorkerAnalyser } from './analyser.js';
import type { WorkerRequest } from './protocol.js';

const analyser = new WorkerAnalyser();
parentPort?.on('message', (request: WorkerRequest) => {
  const response = analyser.handle(request);
  if (response) parentPort!.postMessage(response);
});
