/**
 * Rebuilds the benchmark documents and their gold (test/corpus/benchmarks/) from the public
 * repositories, byte for byte the same on every run: `node scripts/eval/build-benchmarks.mjs
 * --mtl GIT_DIR --anystyle GIT_DIR` (bare git directories, e.g. as the search tool's fetch leaves them).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSequences, referenceListDocument, sequenceText, type Segment } from './anystyle.js';
import { evenRuns, iobDocument, readIob } from './iob.js';
import { compactJson } from './json.js';

interface Source {
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  readonly sha256: string;
  readonly bytes: number;
}

interface Repo {
  readonly gitDir: string;
  readonly repository: string;
  readonly commit: string;
}

function openRepo(gitDir: string, repository: string): Repo {
  const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  return { gitDir, repository, commit };
}

function readRaw(repo: Repo, file: string): { text: string; source: Source } {
  const bytes = execFileSync('git', ['--git-dir', repo.gitDir, 'show', `${repo.commit}:${file}`], { maxBuffer: 64 << 20 });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { text: bytes.toString('utf8'), source: { repository: repo.repository, path: file, commit: repo.commit, sha256, bytes: bytes.length } };
}

const sha = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const pad = (k: number) => String(k + 1).padStart(2, '0');

function resetDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

interface Written {
  readonly split: string;
  readonly documents: number;
  readonly units: number;
  readonly from: string;
}

function writeDocument(base: string, bench: string, name: string, text: string, gold: Record<string, unknown>): void {
  writeFileSync(path.join(base, bench, 'docs', `${name}.md`), text);
  writeFileSync(path.join(base, bench, 'gold', `${name}.json`), compactJson({ document: `benchmarks/${bench}/docs/${name}.md`, sha256: sha(text), ...gold }));
}

/** An IOB benchmark: each split in documents of about `size` sentences. */
function buildIob(base: string, bench: string, repo: Repo, dir: string, kind: 'ligand' | 'target', label: string, size: number): { sources: Source[]; written: Written[] } {
  resetDir(path.join(base, bench, 'docs'));
  resetDir(path.join(base, bench, 'gold'));
  const sources: Source[] = [];
  const written: Written[] = [];
  for (const split of ['test', 'devel'] as const) {
    const raw = readRaw(repo, `${dir}/${split}.tsv`);
    sources.push(raw.source);
    const runs = evenRuns(readIob(raw.text), size);
    let first = 1;
    let units = 0;
    runs.forEach((sentences, k) => {
      const doc = iobDocument(sentences);
      units += doc.mentions.length;
      writeDocument(base, bench, `${split}-${pad(k)}`, doc.text, {
        annotator: `${label}, rebuilt from ${repo.repository} ${dir}/${split}.tsv, sentences ${first}–${first + sentences.length - 1}`,
        regions: [{ start: 0, end: doc.text.length, label: 'whole document' }],
        referenceList: null,
        references: [],
        citations: [],
        entities: doc.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, kind })),
        records: [],
      });
      first += sentences.length;
    });
    written.push({ split, documents: runs.length, units, from: `${dir}/${split}.tsv` });
  }
  return { sources, written };
}

/** AnyStyle: test = gold.xml less the strings also in core.xml (its training set); devel = core.xml. */
function buildAnystyle(base: string, bench: string, repo: Repo, size: number): { sources: Source[]; written: Written[] } {
  resetDir(path.join(base, bench, 'docs'));
  resetDir(path.join(base, bench, 'gold'));
  const gold = readRaw(repo, 'res/parser/gold.xml');
  const core = readRaw(repo, 'res/parser/core.xml');
  const coreSequences = readSequences(core.text);
  const training = new Set(coreSequences.map(sequenceText));
  const splits: [string, Segment[][], string][] = [
    ['test', readSequences(gold.text).filter((s) => !training.has(sequenceText(s))), 'res/parser/gold.xml less core.xml'],
    ['devel', coreSequences, 'res/parser/core.xml'],
  ];
  const written: Written[] = [];
  for (const [split, sequences, from] of splits) {
    const runs = evenRuns(sequences, size);
    let units = 0;
    runs.forEach((run, k) => {
      const doc = referenceListDocument(run);
      units += doc.entries.length;
      writeDocument(base, bench, `${split}-${pad(k)}`, doc.text, {
        annotator: `AnyStyle ${from} (tagged strings), fields mapped by test/eval/build/anystyle.ts`,
        regions: [],
        referenceList: { scheme: 'numeric' },
        references: doc.entries,
        citations: [],
        entities: [],
        records: [],
      });
    });
    written.push({ split, documents: runs.length, units, from });
  }
  return { sources: [gold.source, core.source], written };
}

export function build(root: string, mtlGitDir: string, anystyleGitDir: string): string {
  const base = path.join(root, 'test', 'corpus', 'benchmarks');
  mkdirSync(base, { recursive: true });
  const mtl = openRepo(mtlGitDir, 'cambridgeltl/MTL-Bioinformatics-2016');
  const anystyle = openRepo(anystyleGitDir, 'inukshuk/anystyle');
  const mtlLicence = 'CC BY 4.0 (the repository\'s LICENSE.md covers its data; its README: "The corpora used for the experiments (which can be re-distributed) are in the data folder")';
  const entries = [
    { name: 'bc5cdr-chem', licence: mtlLicence, origin: 'BioCreative V CDR corpus (Li et al. 2016, Database baw068), chemical mentions', ...buildIob(base, 'bc5cdr-chem', mtl, 'data/BC5CDR-chem-IOB', 'ligand', 'BC5CDR chemical annotations', 250) },
    { name: 'bc2gm', licence: mtlLicence, origin: 'BioCreative II gene mention corpus (Smith et al. 2008, Genome Biol 9:S2), one span per mention as in the IOB version', ...buildIob(base, 'bc2gm', mtl, 'data/BC2GM-IOB', 'target', 'BC2GM gene/protein annotations', 250) },
    { name: 'anystyle', licence: 'BSD-2-Clause ("AnyStyle, Copyright 2011-2023 Sylvester Keil. All rights reserved."; the notice and conditions are in LICENSES.md beside this file)', origin: 'AnyStyle parser gold and training strings', ...buildAnystyle(base, 'anystyle', anystyle, 300) },
  ];
  const sources = {
    about: 'Public benchmarks rebuilt as documents with gold in the corpus format (GUIDELINES.md) by `node scripts/eval/build-benchmarks.mjs`; never used by the analysis (nothing from them enters the lexicon or the code).',
    benchmarks: entries.map(({ name, licence, origin, sources: s, written: w }) => ({ name, origin, licence, sources: s, built: w })),
  };
  writeFileSync(path.join(base, 'SOURCES.json'), `${JSON.stringify(sources, null, 2)}\n`);
  return entries.map((e) => `${e.name}: ${e.written.map((w) => `${w.split} ${w.documents} documents, ${w.units} units`).join('; ')}`).join('\n');
}

