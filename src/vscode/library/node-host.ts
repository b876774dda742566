/** The library's platform on the Node extension host: a worker_threads worker, shards on disk, SHA-1. */
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { contentHash } from '../../node/library/hash.js';
import { LibraryStore } from '../../node/library/store.js';
import { spawnNodeWorker } from '../analysis/node-worker.js';
import type { LibraryHost } from './host.js';

export function nodeLibraryHost(context: vscode.ExtensionContext): LibraryHost {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  return {
    spawnWorker: () => spawnNodeWorker(script),
    store: (lexiconKey) => {
      const storage = context.storageUri;
      if (!storage || storage.scheme !== 'file') return undefined;
      return new LibraryStore(vscode.Uri.joinPath(storage, 'library').fsPath, lexiconKey);
    },
    hash: contentHash,
    // One per core, at most two: the editor's own analysis worker and the host need room too.
    workers: Math.max(1, Math.min(2, availableParallelism())),
  };
}
