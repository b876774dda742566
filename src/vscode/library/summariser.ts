/**
 * Summarises documents in a worker of their own, one at a time (the editor's worker stays free for
 * the documents being read). A worker that dies is started again for the next document; the
 * document it died on is reported as failed, not retried.
 */
import type { CompactSummary } from '../../core/library/index.js';
import type { WorkerResponse } from '../../worker/protocol.js';
import { describeLexicon, type AnalysisWorker } from '../analysis/worker-backend.js';
import type { Summariser } from './host.js';

interface Pending {
  readonly resolve: (summary: CompactSummary) => void;
  readonly reject: (error: Error) => void;
}

/** Summarises in `size` workers, each text going to the least busy one. */
export function createSummariserPool(spawn: () => AnalysisWorker, size: number): Summariser {
  const pool = Array.from({ length: Math.max(1, size) }, () => ({ summariser: createWorkerSummariser(spawn), busy: 0 }));
  return {
    lanes: pool.length,
    async summarise(text, lexicon, uri) {
      // A file's summaries always go to the same worker, which keeps its chunks.
      const slot = uri === undefined ? pool.reduce((a, b) => (b.busy < a.busy ? b : a)) : pool[laneOf(uri, pool.length)]!;
      slot.busy++;
      try {
        return await slot.summariser.summarise(text, lexicon, uri);
      } finally {
        slot.busy--;
      }
    },
    dispose: () => pool.forEach((p) => p.summariser.dispose()),
  };
}

/** A stable lane for a uri (a string hash). */
function laneOf(uri: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < uri.length; i++) h = (h * 31 + uri.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
}

export function createWorkerSummariser(spawn: () => AnalysisWorker): Summariser {
  let worker: AnalysisWorker | undefined;
  let known = new Set<string>();
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const started = (): AnalysisWorker => {
    if (worker) return worker;
    const w = spawn();
    w.onMessage((message: WorkerResponse) => {
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      if (message.type === 'summary') job.resolve(message.summary);
      else job.reject(new Error(message.type === 'error' ? message.message : 'unexpected answer from the library worker'));
    });
    w.onError((error) => {
      if (worker !== w) return;
      worker = undefined;
      for (const job of pending.values()) job.reject(error instanceof Error ? error : new Error(String(error)));
      pending.clear();
    });
    known = new Set();
    return (worker = w);
  };

  return {
    lanes: 1,
    summarise(text, lexicon, uri) {
      return new Promise((resolve, reject) => {
        const w = started();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const { key, groups, database } = describeLexicon(lexicon);
        const spec = known.has(key) ? { key, ...(database ? { database } : {}) } : { key, groups, ...(database ? { database } : {}) };
        known.add(key);
        try {
          w.post({ type: 'summarise', id, text, lexicon: spec, ...(uri === undefined ? {} : { uri }) });
        } catch (error) {
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    dispose() {
      for (const job of pending.values()) job.reject(new Error('the library worker was stopped'));
      pending.clear();
      worker?.terminate();
      worker = undefined;
    },
  };
}
