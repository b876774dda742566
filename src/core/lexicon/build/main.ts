/**
 * `npm run lexicon:build -- --sources DIR`: reads the raw files of `../sources.json` from DIR,
 * checks each one's sha256, and writes the compiled lexicon to `../compiled/` (the same bytes
 * for the same inputs). Node only; never part of the extension's bundles.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ligandsChannels from '../ligands-channels-toxins.json';
import ligandsChaperone from '../ligands-chaperone-amino-acid.json';
import ligandsEnzymes from '../ligands-enzymes-kinases.json';
import ligandsMonoamine from '../ligands-monoamine.json';
import ligandsOpioid from '../ligands-opioid-cannabinoid-purinergic.json';
import ligandsPlantHormones from '../ligands-plant-hormones.json';
import nonEntities from '../non-entities.json';
import targetsReceptors from '../targets-chaperone-amino-acid.json';
import targetsEnzymes from '../targets-enzymes-transporters.json';
import targetsGpcr from '../targets-gpcr.json';
import targetsChannels from '../targets-ion-channels.json';
import { compileFiles, type SourceMeta, serialise } from './compile.js';
import { parseDrugbank } from './drugbank.js';
import { parseGtopdbLigands, parseGtopdbTargets } from './gtopdb.js';
import { handLayer, type HandFile } from './hand.js';
import { parseHgnc } from './hgnc.js';
import { sourceFile, verify } from './manifest.js';
import { mergeSources } from './merge.js';
import { RULES } from './filters.js';
import handStems from '../stems.json';
import { readStems, type StemFile, usableEndings, usableStems } from './stems.js';
import type { SourceId } from './types.js';
import { parseWordRanks } from './words.js';

const HAND: readonly HandFile[] = [
  ligandsChaperone, ligandsMonoamine, ligandsOpioid, ligandsChannels, ligandsEnzymes, ligandsPlantHormones,
  targetsReceptors, targetsGpcr, targetsChannels, targetsEnzymes, nonEntities,
] as readonly HandFile[];

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function readSource(dir: string, id: string): string {
  const source = sourceFile(id);
  const bytes = readFileSync(path.join(dir, source.file));
  verify(source, createHash('sha256').update(bytes).digest('hex'));
  return (source.file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function meta(id: string, source: SourceId): SourceMeta {
  const s = sourceFile(id);
  return { source, title: s.title, version: s.version, licence: s.licence, attribution: s.attribution, provenance: s.provenance };
}

/** The drug-name stems (hand-written, `../stems.json`) with the ordinary words that end in one, as `compiled/stems.json`. */
function writeStems(ranks: ReadonlyMap<string, number>, out: string): void {
  const stems = usableStems(readStems(handStems as StemFile), ranks, RULES.stemMinLength, RULES.stemMaxOrdinaryWords);
  const endings = usableEndings(handStems as StemFile, ranks, RULES.endingMinLength);
  const words = sourceFile('words');
  const stemFile = {
    format: 3,
    meta: {
      title: 'Drug-name stems (suffixes of International Nonproprietary Names and the class each marks), written for Marginalia',
      version: '2026.12',
      licence: 'MIT (part of Marginalia); exceptions from the word list below',
      attribution: `Marginalia's hand-written stem list (src/core/lexicon/stems.json); exceptions: ${words.attribution}`,
      provenance: 'Marginalia drug-name stems',
    },
    stems: stems.stems.map((x) => [x.stem, x.class]),
    exceptions: stems.exceptions,
    endings: endings.endings.map((x) => [x.stem, x.class]),
    endingMinLength: RULES.endingMinLength,
    endingExceptions: endings.exceptions,
  };
  writeFileSync(path.join(out, 'stems.json'), `${JSON.stringify(stemFile, null, 1)}\n`);
  console.log(`stems: ${stems.stems.length} stems, ${stems.exceptions.length} exceptions; ${endings.endings.length} chemical endings, ${endings.exceptions.length} exceptions`);
}

function main(): void {
  const dir = argument('--sources');
  const out = argument('--out') ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), 'compiled');
  if (!dir) throw new Error('usage: npm run lexicon:build -- --sources DIR [--out DIR] [--only stems]');
  const started = Date.now();
  const ranks = parseWordRanks(readSource(dir, 'words'));
  mkdirSync(out, { recursive: true });
  writeStems(ranks, out);
  // `--only stems`: the stems need the word list alone.
  if (argument('--only') === 'stems') return;
  const hand = handLayer(HAND);
  const sources = {
    hgnc: parseHgnc(readSource(dir, 'hgnc')),
    drugbank: parseDrugbank(readSource(dir, 'drugbank')),
    gtopdb: [...parseGtopdbTargets(readSource(dir, 'gtopdb-targets')), ...parseGtopdbLigands(readSource(dir, 'gtopdb-ligands'))],
  };
  const { entities } = mergeSources(hand, sources);
  const gtopdbMeta = meta('gtopdb-targets', 'gtopdb');
  const files = compileFiles(entities, hand, ranks, {
    hgnc: meta('hgnc', 'hgnc'),
    drugbank: meta('drugbank', 'drugbank'),
    gtopdb: { ...gtopdbMeta, title: 'IUPHAR/BPS Guide to Pharmacology targets, families and ligands (adapted: names, synonyms, classes and ids as matching keys)' },
  });
  for (const file of files) {
    const text = serialise(file);
    writeFileSync(path.join(out, `${file.meta.source}.json`), text);
    const keys = file.records.reduce((n, r) => n + r[5].length, 0);
    console.log(`${file.meta.source}: ${file.records.length} records, ${keys} keys, ${(text.length / 1e6).toFixed(1)} MB`);
  }
  const kinds = { l: 0, t: 0, c: 0 } as Record<string, number>;
  for (const e of entities) if (e.creator !== 'hand') kinds[e.kind === 'target' ? 't' : e.kind === 'chemical' ? 'c' : 'l']!++;
  console.log(`entities from databases: ${kinds.l} ligands, ${kinds.t} targets, ${kinds.c} chemicals; ${Date.now() - started} ms`);
}

main();
