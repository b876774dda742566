/**
 * The analysis pipeline: parse, then find sections, tables, references, citations, quantities
 * and entities, then link them (back-references, duplicates, records, diagnostics).
 */
import { computeDiagnostics, limitDiagnostics } from './diagnostics.js';
import { builtinLexicon, type Lexicon } from './entities/index.js';
import { parseDocument, type ChunkCache, type ParsedDocument } from './parse/index.js';
import {
  confirmedCitations,
  entitiesByBlock,
  incrementalState,
  linkedReferences,
  quantitiesByBlock,
  recordsByTable,
  referencesByEntry,
  tablesByBlock,
} from './incremental/index.js';
import type { FoundReferences } from './references/index.js';
import { findSections } from './sections.js';
import type { Analysis, EntityInfo, EntityMention } from './types.js';

export interface AnalyzeOptions {
  /** The lexicon to recognise ligands and targets with (built-in lexicon by default). */
  readonly lexicon?: Lexicon;
  /**
   * Reuse parsed chunks of an earlier version of the same document, and what the extractors found
   * in the blocks that did not change (incremental analysis; the result equals a cold analysis).
   */
  readonly cache?: ChunkCache;
  /** When given, receives each stage's duration in milliseconds, by stage name (for `npm run bench`). */
  readonly timings?: Record<string, number>;
  /**
   * A `performance.now()` time after which the chunks not yet parsed are read as plain text (each
   * with a `read-as-plain-text` diagnostic): for one-shot callers with a time limit. Such chunks
   * are kept in `cache` as read, so an editor session should not pass one.
   */
  readonly deadline?: number;
}

/**
 * Runs the stages of one analysis. A stage that fails yields its fallback, so that one
 * extractor's bug costs only its own results and the analysis stays well-formed.
 */
function stages(timings: Record<string, number> | undefined) {
  return function stage<T>(name: string, run: () => T, fallback: () => T): T {
    const started = timings ? performance.now() : 0;
    try {
      return run();
    } catch {
      return fallback();
    } finally {
      if (timings) timings[name] = (timings[name] ?? 0) + performance.now() - started;
    }
  };
}

const NO_REFERENCES: FoundReferences = { list: null, entries: [] };

/** Analyses a markdown document. Never throws on any text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const source = typeof text === 'string' ? text : '';
  const stage = stages(options.timings);
  const memo = incrementalState(options.cache);
  const doc = stage<ParsedDocument>('parse', () => parseDocument(source, options.cache, options.deadline), () => ({ text: source, blocks: [] }));
  const sections = stage('sections', () => findSections(doc), () => []);
  const tables = stage('tables', () => tablesByBlock(doc, memo), () => []);
  const listed = stage('references', () => referencesByEntry(doc, sections, memo), () => NO_REFERENCES);
  const { found, citations } = stage('citations', () => confirmedCitations(doc, listed, memo), () => ({ found: listed, citations: [] }));
  const references = stage(
    'links',
    () => linkedReferences(found.entries, citations, memo),
    () => found.entries.map((e) => ({ ...e, citedBy: [], duplicateOf: null })),
  );
  const quantities = stage('quantities', () => quantitiesByBlock(doc, memo), () => []);
  const entities = stage<{ mentions: EntityMention[]; info: Record<string, EntityInfo> }>(
    'entities',
    () => entitiesByBlock(doc, tables, options.lexicon ?? builtinLexicon(), memo),
    () => ({ mentions: [], info: {} }),
  );
  const records = stage('records', () => recordsByTable(doc, tables, { entities: entities.mentions, citations, quantities }, memo), () => []);
  const diagnostics = stage(
    'diagnostics',
    () => {
      const limits = limitDiagnostics(doc.blocks);
      const found = computeDiagnostics(references, citations);
      return limits.length === 0 ? found : [...limits, ...found].sort((a, b) => a.start - b.start || a.end - b.end);
    },
    () => [],
  );
  memo?.sweep();
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
