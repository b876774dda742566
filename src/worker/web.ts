/** The analysis worker for the web extension host (a dedicated Web Worker); bundled to `dist/web/worker.js`. */
import { WorkerAnalyser } from './analyser.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

/** The parts of a dedicated worker's global scope used here (the project compiles without DOM types). */
interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
const analyser = new WorkerAnalyser();
scope.onmessage = (event) => {
  const response = analyser.handle(event.data);
  if (response) scope.postMessage(response);
};
