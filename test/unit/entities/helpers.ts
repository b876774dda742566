import { readFileSync } from 'node:fs';
import { builtinLexicon, type Lexicon, recogniseEntities } from '../../../src/core/entities/index.js';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findTables } from '../../../src/core/tables/index.js';

/** Reads a file of the project (paths relative to the project root). */
export function read(path: string): string {
  return readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
}

/** Parses a text, finds its tables and recognises its entities. */
export function recognise(text: string, lexicon: Lexicon = builtinLexicon()) {
  const doc = parseDocument(text);
  return { text, ...recogniseEntities(doc, findTables(doc), lexicon) };
}

/** The mentions as `[text, id]` pairs, in order. */
export function pairs(result: ReturnType<typeof recognise>): [string, string][] {
  return result.mentions.map((m) => [m.text, m.id]);
}
