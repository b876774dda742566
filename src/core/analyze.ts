/**
 * The analysis pipeline: parse, then find sections, tables, references, citations, quantities
 * and entities, then link them (back-references, duplicates, records, diagnostics).
 */
import { findCitations } from './citations/index.js';
import { computeDiagnostics } from './diagnostics.js';
import { builtinLexicon, recogniseEntities, type Lexicon } from './entities/index.js';
import { parseDocument, type ChunkCache } from './parse/index.js';
import { findQuantities } from './quantities/index.js';
import { buildRecords } from './records/index.js';
import { findReferences, linkReferences } from './references/index.js';
import { findSections } from './sections.js';
import { findTables } from './tables/index.js';
import type { Analysis } from './types.js';

export interface AnalyzeOptions {
  /** The lexicon to recognise ligands and targets with (built-in lexicon by default). */
  readonly lexicon?: Lexicon;
  /** Reuse parsed chunks of an earlier version of the same document. */
  readonly cache?: ChunkCache;
}

/** Analyses a markdown document. Never throws on any text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const doc = parseDocument(text, options.cache);
  const sections = findSections(doc);
  const tables = findTables(doc);
  const found = findReferences(doc, sections);
  const citations = findCitations(doc, found);
  const references = linkReferences(found.entries, citations);
  const quantities = findQuantities(doc);
  const { mentions, info } = recogniseEntities(doc, tables, options.lexicon ?? builtinLexicon());
  const records = buildRecords(tables, { entities: mentions, citations, quantities });
  return {
    schema: 1,
    length: text.length,
    references,
    referenceList: found.list,
    citations,
    entities: mentions,
    entityInfo: info,
    quantities,
    tables,
    records,
    sections,
    diagnostics: computeDiagnostics(references, citations),
  };
}
