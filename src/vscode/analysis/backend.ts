/**
 * Where the analysis actually runs. The service talks only to this interface, so the computation
 * can move off the extension host's thread (a worker) without touching any feature.
 */
import type * as vscode from 'vscode';
import { analyze } from '../../core/analyze.js';
import type { Lexicon } from '../../core/entities/index.js';
import { ChunkCache } from '../../core/parse/index.js';
import type { Analysis } from '../../core/types.js';

export interface AnalysisRequest {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lexicon: Lexicon;
}

export interface AnalysisBackend {
  /** Analyses one version of a document. Rejects when cancelled or when the analysis fails. */
  analyse(request: AnalysisRequest, token?: vscode.CancellationToken): Promise<Analysis>;
  /**
   * Starts the analysis of a request before anyone asks for it (optional): `analyse` with the
   * same uri, version and lexicon then answers with it. Returns that analysis (undefined when
   * nothing was started); a failure there is also the asker's to see.
   */
  prime?(request: AnalysisRequest): Promise<Analysis> | undefined;
  /** Drops what the backend keeps for a closed document (optional). */
  forget?(uri: string): void;
  dispose(): void;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** Runs the analysis on the extension host's thread, reusing parsed chunks per document. */
export function createInProcessBackend(): AnalysisBackend {
  const caches = new Map<string, ChunkCache>();
  return {
    async analyse(request, token) {
      // Yield once so a burst of requests can be cancelled before any of them blocks the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (token?.isCancellationRequested) throw new AnalysisCancelled();
      let cache = caches.get(request.uri);
      if (!cache) caches.set(request.uri, (cache = new ChunkCache()));
      return analyze(request.text, { lexicon: request.lexicon, cache });
    },
    forget: (uri) => void caches.delete(uri),
    dispose: () => caches.clear(),
  };
}
