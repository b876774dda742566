/**
 * One evaluation: every document with gold in the corpus and the benchmarks analysed as the CLI
 * would, scored per area, summed per set (micro over documents).
 */
import path from 'node:path';
import { analyze } from '../../src/core/analyze.js';
import { builtinLexicon } from '../../src/core/entities/index.js';
import { fullLexicon } from '../../src/node/lexicon.js';
import type { Analysis } from '../../src/core/types.js';
import { addCounts, emptyCounts, type Counts } from './counts.js';
import type { Finding } from './findings.js';
import { FIELD_NAMES, readGold, type FieldName, type Gold } from './gold.js';
import { scoreCitations, type CitationScore } from './score/citations.js';
import { ENTITY_GROUPS, scoreEntities, type EntityGroup, type EntityScore } from './score/entities.js';
import { scoreFields, type FieldScore } from './score/fields.js';
import { RECORD_ATTRIBUTES, scoreRecords, type Accuracy, type RecordAttribute, type RecordScore } from './score/records.js';
import { alignReferences, scoreReferences, type ReferenceScore } from './score/references.js';
import { corpusRoot, evaluationSets, orphanGold, type AreaName, type SetInfo } from './sets.js';
import { scoredMentions, type KindMap } from './system.js';
import { readDocument } from './text.js';
import { asGold, validateGold } from './validate.js';

export interface DocumentScore {
  readonly set: string;
  readonly name: string;
  readonly citations?: CitationScore;
  readonly references?: ReferenceScore;
  readonly fields?: FieldScore;
  readonly entities?: EntityScore;
  readonly records?: RecordScore;
  /** Milliseconds the analysis took. */
  readonly ms: number;
}

export interface SetTotals {
  citations?: Counts;
  /** Over the documents whose gold has no reference list. */
  noList?: { documents: number; invented: number; resolved: number };
  references?: Counts;
  fields?: { perField: Record<FieldName, Counts>; micro: Counts };
  entities?: { exact: Record<EntityGroup, Counts>; overlap: Record<EntityGroup, Counts> };
  records?: { counts: Counts; attributes: Record<RecordAttribute, Accuracy> };
}

export interface SetScore {
  readonly info: SetInfo;
  readonly documents: readonly DocumentScore[];
  /** Documents with no gold yet (not scored). */
  readonly withoutGold: readonly string[];
  readonly totals: SetTotals;
}

export interface Evaluation {
  readonly split: 'test' | 'devel';
  readonly sets: readonly SetScore[];
  /** Gold files that failed validation (not scored), as readable lines. */
  readonly problems: readonly string[];
  readonly seconds: number;
}

export interface EvaluateOptions {
  readonly split?: 'test' | 'devel';
  /** Only this document: its name, or `set/name`. */
  readonly only?: string;
  /** Analyse with the hand-curated lexicon alone (without the database layer). */
  readonly builtinOnly?: boolean;
}

/** Scores one document's analysis against its gold, in the given areas. */
export function scoreDocument(gold: Gold, analysis: Analysis, areas: readonly AreaName[], kinds: KindMap): Omit<DocumentScore, 'set' | 'name' | 'ms'> {
  const alignment = alignReferences(gold, analysis);
  const has = (a: AreaName) => areas.includes(a);
  return {
    ...(has('citations') ? { citations: scoreCitations(gold, analysis, alignment) } : {}),
    ...(has('references') ? { references: scoreReferences(gold, analysis, alignment) } : {}),
    ...(has('fields') ? { fields: scoreFields(gold, analysis, alignment) } : {}),
    ...(has('entities') ? { entities: scoreEntities(gold, scoredMentions(analysis, kinds)) } : {}),
    ...(has('records') ? { records: scoreRecords(gold, analysis, alignment) } : {}),
  };
}

/** Every finding of a document score, in document order. */
export function findingsOf(doc: DocumentScore): Finding[] {
  return [doc.citations, doc.references, doc.fields, doc.entities, doc.records]
    .flatMap((s) => s?.findings ?? [])
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Loads and validates a gold file; returns the gold or the problems. */
export function loadGold(root: string, goldFile: string, documentPath: string): { gold: Gold; text: string } | { problems: string[] } {
  const where = path.relative(root, goldFile);
  let value: unknown;
  try {
    value = readGold(goldFile);
  } catch (e) {
    return { problems: [`${where}: not valid JSON (${(e as Error).message})`] };
  }
  const file = path.join(corpusRoot(root), documentPath);
  let doc: { text: string; sha256: string } | null = null;
  try {
    doc = readDocument(file);
  } catch {
    doc = null;
  }
  const problems = validateGold(value, { text: doc?.text ?? null, sha256: doc?.sha256 ?? null, expectedPath: documentPath });
  if (problems.length > 0 || doc === null) return { problems: problems.map((p) => `${where}: ${p}`) };
  return { gold: asGold(value), text: doc.text };
}

/** Checks every gold file of the corpus and of the benchmarks (both splits). */
export function validateAll(root: string): { files: number; problems: string[] } {
  const problems: string[] = [];
  let files = 0;
  const seen = new Set<string>();
  for (const split of ['test', 'devel'] as const) {
    for (const set of evaluationSets(root, split)) {
      for (const doc of set.documents) {
        if (doc.gold === null || seen.has(doc.gold)) continue;
        seen.add(doc.gold);
        files++;
        const loaded = loadGold(root, doc.gold, doc.document);
        if ('problems' in loaded) problems.push(...loaded.problems);
      }
    }
  }
  for (const orphan of orphanGold(root)) problems.push(`${path.relative(root, orphan)}: no document of that name`);
  return { files, problems };
}

function emptyTotals(areas: readonly AreaName[]): SetTotals {
  const groups = () => Object.fromEntries(ENTITY_GROUPS.map((g) => [g, emptyCounts()])) as Record<EntityGroup, Counts>;
  const t: SetTotals = {};
  if (areas.includes('citations')) t.citations = emptyCounts();
  if (areas.includes('references')) t.references = emptyCounts();
  if (areas.includes('fields')) t.fields = { perField: Object.fromEntries(FIELD_NAMES.map((n) => [n, emptyCounts()])) as Record<FieldName, Counts>, micro: emptyCounts() };
  if (areas.includes('entities')) t.entities = { exact: groups(), overlap: groups() };
  if (areas.includes('records'))
    t.records = { counts: emptyCounts(), attributes: Object.fromEntries(RECORD_ATTRIBUTES.map((a) => [a, { correct: 0, total: 0 }])) as Record<RecordAttribute, Accuracy> };
  return t;
}

function addDocument(t: SetTotals, d: DocumentScore): void {
  if (t.citations && d.citations) {
    addCounts(t.citations, d.citations.counts);
    if (d.citations.noList) {
      t.noList ??= { documents: 0, invented: 0, resolved: 0 };
      t.noList.documents++;
      t.noList.invented += d.citations.noList.invented;
      t.noList.resolved += d.citations.noList.resolved;
    }
  }
  if (t.references && d.references) addCounts(t.references, d.references.counts);
  if (t.fields && d.fields) {
    for (const n of FIELD_NAMES) addCounts(t.fields.perField[n], d.fields.perField[n]);
    addCounts(t.fields.micro, d.fields.micro);
  }
  if (t.entities && d.entities)
    for (const g of ENTITY_GROUPS) {
      addCounts(t.entities.exact[g], d.entities.exact[g]);
      addCounts(t.entities.overlap[g], d.entities.overlap[g]);
    }
  if (t.records && d.records) {
    addCounts(t.records.counts, d.records.counts);
    for (const a of RECORD_ATTRIBUTES) {
      t.records.attributes[a].correct += d.records.attributes[a].correct;
      t.records.attributes[a].total += d.records.attributes[a].total;
    }
  }
}

export function evaluate(root: string, options: EvaluateOptions = {}): Evaluation {
  const started = performance.now();
  const split = options.split ?? 'test';
  // The lexicon the extension ships: the hand-curated entries with the database layer (or only the former).
  const lexicon = options.builtinOnly ? builtinLexicon() : fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
  const problems: string[] = [];
  const sets: SetScore[] = [];
  for (const info of evaluationSets(root, split)) {
    const documents: DocumentScore[] = [];
    const withoutGold: string[] = [];
    const totals = emptyTotals(info.areas);
    for (const doc of info.documents) {
      if (options.only !== undefined && options.only !== doc.name && options.only !== `${info.name}/${doc.name}`) continue;
      if (doc.gold === null) {
        withoutGold.push(doc.name);
        continue;
      }
      const loaded = loadGold(root, doc.gold, doc.document);
      if ('problems' in loaded) {
        problems.push(...loaded.problems);
        continue;
      }
      const t = performance.now();
      const analysis = analyze(loaded.text, { lexicon });
      const ms = performance.now() - t;
      const score: DocumentScore = { set: info.name, name: doc.name, ms, ...scoreDocument(loaded.gold, analysis, info.areas, info.kinds) };
      documents.push(score);
      addDocument(totals, score);
    }
    sets.push({ info, documents, withoutGold, totals });
  }
  return { split, sets, problems, seconds: (performance.now() - started) / 1000 };
}
