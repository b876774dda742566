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
    async summarise(text, lexicon) {
      const slot = pool.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy++;
      try {
        return await slot.summariser.summarise(text, lexicon);
      } finally {
        slot.busy--;
      }
    },
    dispose: () => pool.forEach((p) => p.summariser.dispose()),
  };
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
    summarise(text, lexicon) {
      return new Promise((resolve, reject) => {
        const w = started();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const { key, groups, database } = describeLexicon(lexicon);
        const spec = known.has(key) ? { key, ...(database ? { database } : {}) } : { key, groups, ...(database ? { database } : {}) };
        known.add(key);
        try {
          w.post({ type: 'summarise', id, text, lexicon: spec });
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
