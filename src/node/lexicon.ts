/**
 * The full built-in lexicon read synchronously from disk (the command line, the eval, the bench,
 * tests): the hand-curated lexicon with the compiled database files laid on.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILES } from '../core/entities/database.js';
import { builtinLexicon, type Lexicon, withDatabase } from '../core/entities/index.js';

/** Where the compiled files are: `dist/lexicon/` beside a bundle, else the sources' `src/core/lexicon/compiled/`. */
export function databaseDirectory(from: string = typeof __dirname === 'string' ? __dirname : process.cwd()): string | null {
  const candidates = [path.join(from, 'lexicon'), path.resolve(from, '../core/lexicon/compiled'), path.resolve(from, '../../src/core/lexicon/compiled'), path.resolve(from, '../src/core/lexicon/compiled')];
  return candidates.find((dir) => existsSync(path.join(dir, DATABASE_FILES[0]))) ?? null;
}

const loaded = new Map<string, Lexicon>();

/** The built-in lexicon with the database layer from `dir` (read once per directory). */
export function fullLexicon(dir: string | null = databaseDirectory()): Lexicon {
  if (!dir) return builtinLexicon();
  let lexicon = loaded.get(dir);
  if (!lexicon) {
    const texts = DATABASE_FILES.filter((f) => existsSync(path.join(dir, f))).map((f) => readFileSync(path.join(dir, f), 'utf8'));
    lexicon = withDatabase(builtinLexicon(), texts, dir);
    loaded.set(dir, lexicon);
  }
  return lexicon;
}
