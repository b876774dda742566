/**
 * The analysis pipeline: parse, then find sections, tables, references, citations, quantities
 * and entities, then link them (back-references, duplicates, records, diagnostics).
 */
import { computeDiagnostics } from './diagnostics.js';
import { builtinLexicon, recogniseEntities, type Lexicon } from './entities/index.js';
import { parseDocument, type ChunkCache, type ParsedDocument } from './parse/index.js';
import { citationsByBlock, entityMemo, incrementalState, quantitiesByBlock, sweepState } from './incremental/index.js';
import { buildRecords } from './records/index.js';
import { findReferences, linkReferences, type FoundReferences } from './references/index.js';
import { findSections } from './sections.js';
import { findTables } from './tables/index.js';
import type { Analysis, EntityInfo, EntityMention } from './types.js';

export interface AnalyzeOptions {
  /** The lexicon to recognise ligands and targets with (built-in lexicon by default). */
  readonly lexicon?: Lexicon;
  /**
   * Reuse parsed chunks of an earlier version of the same document, and what the extractors found
   * in the blocks that did not change (incremental analysis; the result equals a cold analysis).
   */
  readonly cache?: ChunkCache;
}

/**
 * Runs one stage; a stage that fails yields `fallback`, so that one extractor's bug costs only its
 * own results and the analysis stays well-formed.
 */
function stage<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

const NO_REFERENCES: FoundReferences = { list: null, entries: [] };

/** Analyses a markdown document. Never throws on any text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const source = typeof text === 'string' ? text : '';
  const memo = incrementalState(options.cache);
  const doc = stage<ParsedDocument>(() => parseDocument(source, options.cache), { text: source, blocks: [] });
  const sections = stage(() => findSections(doc), []);
  const tables = stage(() => findTables(doc), []);
  const found = stage(() => findReferences(doc, sections), NO_REFERENCES);
  const citations = stage(() => citationsByBlock(doc, found, memo), []);
  const references = stage(
    () => linkReferences(found.entries, citations),
    found.entries.map((e) => ({ ...e, citedBy: [], duplicateOf: null })),
  );
  const quantities = stage(() => quantitiesByBlock(doc, memo), []);
  const entities = stage<{ mentions: EntityMention[]; info: Record<string, EntityInfo> }>(
    () => {
      const lexicon = options.lexicon ?? builtinLexicon();
      return recogniseEntities(doc, tables, lexicon, entityMemo(memo, lexicon));
    },
    { mentions: [], info: {} },
  );
  const records = stage(() => buildRecords(tables, { entities: entities.mentions, citations, quantities }), []);
  const diagnostics = stage(() => computeDiagnostics(references, citations), []);
  sweepState(memo);
  return {
    schema: 1,
    length: source.length,
    references,
    referenceList: found.list,
    citations,
    entities: entities.mentions,
    entityInfo: entities.info,
    quantities,
    tables,
    records,
    sections,
    diagnostics,
  };
}
