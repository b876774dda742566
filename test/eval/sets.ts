/**
 * Where the documents and their gold are: the corpus (`test/corpus/docs/` + `gold/`) and the
 * benchmarks (`test/corpus/benchmarks/<name>/docs/<split>-NN.md` + `gold/<split>-NN.json`, described
 * by `benchmarks/BENCHMARKS.json`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KindMap } from './system.js';
import { CORPUS_KINDS } from './system.js';

export type AreaName = 'citations' | 'references' | 'fields' | 'entities' | 'records';
export const ALL_AREAS: readonly AreaName[] = ['citations', 'references', 'fields', 'entities', 'records'];

export interface DocumentEntry {
  /** Base name, unique within its set. */
  readonly name: string;
  /** The document, relative to test/corpus/ (what the gold's `document` says). */
  readonly document: string;
  /** The gold file (absolute), or null when none is written yet. */
  readonly gold: string | null;
}

export interface Published {
  readonly system: string;
  readonly metric: 'exact' | 'overlap' | 'fields';
  readonly f1: number;
  readonly note?: string;
}

export interface SetInfo {
  /** `corpus` or the benchmark's name. */
  readonly name: string;
  readonly title: string;
  readonly areas: readonly AreaName[];
  readonly kinds: KindMap;
  readonly published: readonly Published[];
  readonly documents: readonly DocumentEntry[];
  /** Why the set has no documents, when it has none. */
  readonly absent?: string;
}

interface BenchmarkConfig {
  readonly name: string;
  readonly title: string;
  readonly areas: readonly AreaName[];
  readonly kinds?: KindMap;
  readonly published?: readonly Published[];
}

export function corpusRoot(root: string): string {
  return path.join(root, 'test', 'corpus');
}

function listDocuments(base: string, docsDir: string, goldDir: string, prefix: string | null): DocumentEntry[] {
  if (!existsSync(docsDir)) return [];
  return readdirSync(docsDir)
    .filter((f) => !f.startsWith('.') && (prefix === null || f.startsWith(prefix)) && statSync(path.join(docsDir, f)).isFile())
    .sort()
    .map((file) => {
      const name = file.replace(/\.[^.]+$/, '');
      const gold = path.join(goldDir, `${name}.json`);
      return { name, document: path.relative(base, path.join(docsDir, file)).split(path.sep).join('/'), gold: existsSync(gold) ? gold : null };
    });
}

/** Gold files with no document beside them (reported by the validator). */
export function orphanGold(root: string): string[] {
  const base = corpusRoot(root);
  const out: string[] = [];
  const check = (docsDir: string, goldDir: string) => {
    if (!existsSync(goldDir)) return;
    const names = new Set(existsSync(docsDir) ? readdirSync(docsDir).map((f) => f.replace(/\.[^.]+$/, '')) : []);
    for (const f of readdirSync(goldDir)) if (f.endsWith('.json') && !names.has(f.slice(0, -5))) out.push(path.join(goldDir, f));
  };
  check(path.join(base, 'docs'), path.join(base, 'gold'));
  for (const b of benchmarkConfigs(root)) check(path.join(base, 'benchmarks', b.name, 'docs'), path.join(base, 'benchmarks', b.name, 'gold'));
  return out;
}

function benchmarkConfigs(root: string): BenchmarkConfig[] {
  const file = path.join(corpusRoot(root), 'benchmarks', 'BENCHMARKS.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { benchmarks: BenchmarkConfig[] }).benchmarks;
}

/** The corpus and every benchmark, with the documents of the chosen split (`test` or `devel`). */
export function evaluationSets(root: string, split: 'test' | 'devel' = 'test'): SetInfo[] {
  const base = corpusRoot(root);
  const corpus: SetInfo = {
    name: 'corpus',
    title: 'Corpus (real documents, hand-made gold)',
    areas: ALL_AREAS,
    kinds: CORPUS_KINDS,
    published: [],
    documents: listDocuments(base, path.join(base, 'docs'), path.join(base, 'gold'), null),
  };
  const benchmarks = benchmarkConfigs(root).map((b): SetInfo => {
    const dir = path.join(base, 'benchmarks', b.name);
    const documents = listDocuments(base, path.join(dir, 'docs'), path.join(dir, 'gold'), `${split}-`);
    return {
      name: b.name,
      title: b.title,
      areas: b.areas,
      kinds: b.kinds ?? CORPUS_KINDS,
      published: b.published ?? [],
      documents,
      ...(documents.length === 0 ? { absent: `no ${split} documents in ${path.relative(root, path.join(dir, 'docs'))}` } : {}),
    };
  });
  return [corpus, ...benchmarks];
}
