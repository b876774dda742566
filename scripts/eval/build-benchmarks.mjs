#!/usr/bin/env node
// Rebuilds test/corpus/benchmarks/ (documents, gold, SOURCES.json) from bare git directories of
// cambridgeltl/MTL-Bioinformatics-2016 and inukshuk/anystyle:
//   node scripts/eval/build-benchmarks.mjs --mtl GIT_DIR --anystyle GIT_DIR
// (defaults: the search tool's mirrors under /work/.mirror/). Same inputs, same bytes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundle } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const mtl = option('--mtl', '/work/.mirror/cambridgeltl+MTL-Bioinformatics-2016/repo');
const anystyle = option('--anystyle', '/work/.mirror/inukshuk+anystyle/repo');
await withBundle(root, 'test/eval/build/main.ts', (m) => console.log(m.build(root, mtl, anystyle)));
