/**
 * Indexes a folder of markdown documents in process (the CLI and the benchmark): reads, hashes,
 * reuses a stored summary when the content and lexicon are unchanged, else analyses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../core/analyze.js';
import type { Lexicon } from '../../core/entities/index.js';
import { compactSummary, Library, summariseDocument } from '../../core/library/index.js';
import { contentHash } from './hash.js';
import type { LibraryStore } from './store.js';

/** Folders never worth walking into. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
const MARKDOWN = /\.(md|markdown)$/i;

/** Markdown files under `dir`, sorted, as paths relative to it with `/`. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      if (item.isDirectory()) {
        if (!SKIPPED.has(item.name) && !item.name.startsWith('.')) walk(path.join(folder, item.name), `${prefix}${item.name}/`);
      } else if (item.isFile() && MARKDOWN.test(item.name)) out.push(`${prefix}${item.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

export interface FolderIndexOptions {
  readonly lexicon: Lexicon;
  readonly store?: LibraryStore;
  /** Called after each file (for progress). */
  readonly onFile?: (file: string, reused: boolean) => void;
}

/** The library of `dir`, keyed by relative path. */
export function indexFolder(dir: string, options: FolderIndexOptions): { library: Library; analysed: number; reused: number; bytes: number } {
  const library = new Library();
  const live = new Set<string>();
  let analysed = 0;
  let reused = 0;
  let bytes = 0;
  for (const file of markdownFiles(dir)) {
    const content = readFileSync(path.join(dir, file));
    bytes += content.length;
    const hash = contentHash(content);
    live.add(hash);
    let summary = options.store?.get(hash);
    const hit = summary !== undefined;
    if (!summary) {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
      summary = compactSummary(summariseDocument(text, analyze(text, { lexicon: options.lexicon })));
      analysed++;
    } else reused++;
    // One object for the library and the store.
    library.set(file, hash, summary);
    if (!hit) options.store?.put(hash, summary);
    options.onFile?.(file, hit);
  }
  options.store?.retain(live);
  return { library, analysed, reused, bytes };
}
