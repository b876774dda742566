/**
 * `marginalia library DIR --json|--jsonl|--csv [--cache FOLDER]`: the library of a folder.
 * --json   the index: documents (path, hash, summary), entities across them, shared works, and
 *          the evidence table's rows;
 * --jsonl  one evidence row per line (document path, line, offsets), for DuckDB, pandas, Spark;
 * --csv    the same rows as CSV.
 */
import { statSync } from 'node:fs';
import { builtinLexicon } from '../core/entities/index.js';
import { evidenceCsv, flatRow, SHARD_VERSION } from '../core/library/index.js';
import { indexFolder } from '../node/library/folder.js';
import { LibraryStore } from '../node/library/store.js';
import type { CliIo } from './run.js';

export interface LibraryOptions {
  readonly command: 'library';
  readonly dir: string;
  readonly format: 'json' | 'jsonl' | 'csv';
  readonly cache: string | null;
}

export function parseLibraryArgs(rest: readonly string[], error: (message: string) => Error): LibraryOptions {
  const formats: LibraryOptions['format'][] = [];
  const dirs: string[] = [];
  let cache: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json' || arg === '--jsonl' || arg === '--csv') formats.push(arg.slice(2) as LibraryOptions['format']);
    else if (arg === '--cache') {
      cache = rest[++i] ?? null;
      if (cache === null) throw error('--cache needs a folder');
    } else if (arg.startsWith('-')) throw error(`unknown option "${arg}"`);
    else dirs.push(arg);
  }
  if (dirs.length !== 1) throw error(dirs.length === 0 ? 'missing DIR' : 'expected exactly one DIR');
  if (formats.length !== 1) throw error('give one of --json, --jsonl or --csv');
  return { command: 'library', dir: dirs[0]!, format: formats[0]!, cache };
}

export async function runLibrary(options: LibraryOptions, io: CliIo): Promise<number> {
  try {
    if (!statSync(options.dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`marginalia: cannot read ${options.dir}: ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : (e as Error).message}\n`);
    return 2;
  }
  const lexicon = io.lexicon ? io.lexicon() : builtinLexicon();
  const lexiconKey = `${lexicon.version}${lexicon.database ? '+database' : ''}`;
  const store = options.cache ? new LibraryStore(options.cache, lexiconKey) : undefined;
  const loaded = await store?.load();
  for (const d of loaded?.discarded ?? []) io.stderr(`marginalia: discarded cache shard ${d.file} (${d.problem})\n`);
  const { library } = indexFolder(options.dir, { lexicon, ...(store ? { store } : {}) });
  await store?.flush();
  const rows = library.evidence(null);
  if (options.format === 'csv') io.stdout(evidenceCsv(rows));
  else if (options.format === 'jsonl') io.stdout(rows.map((row) => `${JSON.stringify(flatRow(row))}\n`).join(''));
  else {
    const index = {
      format: SHARD_VERSION,
      lexicon: lexiconKey,
      documents: library.list().map((d) => ({ path: d.uri, hash: d.hash, summary: d.summary })),
      entities: library.entities().map((e) => ({ ...e, occurrences: library.occurrencesOf(e.id) })),
      works: library.sharedWorks(),
      evidence: rows.map(flatRow),
    };
    io.stdout(`${JSON.stringify(index, null, 2)}\n`);
  }
  return 0;
}
