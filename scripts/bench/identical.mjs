#!/usr/bin/env node
// Whether a change leaves every output as it was: writes the hash of each document's analysis JSON
// (full and built-in lexicon), of its library summary and whether an incremental re-analysis equals
// the cold one, for every corpus document, seed, fixture, hostile shape and a few generated library
// papers; with --against, compares with an earlier run's hashes. Run before and after a change:
//   node scripts/bench/identical.mjs /tmp/before
//   node scripts/bench/identical.mjs /tmp/after --against /tmp/before
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_MODULE } from '../eval/bundle.mjs';
import { generateLibrary } from './library.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const out = args[0];
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : null;
if (!out) throw new Error('usage: identical.mjs OUT [--against EARLIER]');
mkdirSync(out, { recursive: true });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-identical-'));
try {
  const outfile = path.join(tmp, 'core.mjs');
  await esbuild.build({
    ...NODE_MODULE,
    absWorkingDir: root,
    stdin: {
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'identical.ts',
      contents: `
        export { analyze } from './src/core/analyze.ts';
        export { ChunkCache } from './src/core/parse/index.ts';
        export { summariseDocument, compactSummary } from './src/core/library/index.ts';
        export { fullLexicon } from './src/node/lexicon.ts';
        export { builtinLexicon } from './src/core/entities/index.ts';
        export { HOSTILE_SHAPES } from './test/fixtures/hostile/shapes.ts';`,
    },
    outfile,
  });
  const core = await import(pathToFileURL(outfile).href);
  const full = core.fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
  const builtin = core.builtinLexicon();
  const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : n.endsWith('.md') ? [path.join(dir, n)] : []));
  const docs = [];
  for (const folder of ['test/corpus/docs', 'seeds', 'test/fixtures']) for (const f of walk(path.join(root, folder))) docs.push([path.relative(root, f), readFileSync(f, 'utf8')]);
  for (const s of core.HOSTILE_SHAPES) docs.push([`hostile/${s.name}`, s.generate(32 * 1024)]);
  const library = path.join(tmp, 'library');
  generateLibrary(root, library, 12);
  for (const f of walk(library)) docs.push([`library/${path.relative(library, f)}`, readFileSync(f, 'utf8')]);

  const hash = (s) => createHash('sha256').update(s).digest('hex');
  // Typed arrays of the compact summary as plain arrays, so that their contents are hashed.
  const plain = (_, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
  const hashes = {};
  for (const [name, text] of docs) {
    const analysis = core.analyze(text, { lexicon: full });
    const cold = JSON.stringify(analysis);
    const cache = new core.ChunkCache();
    const middle = Math.floor(text.length / 2);
    core.analyze(`${text.slice(0, middle)} x ${text.slice(middle)}`, { lexicon: full, cache });
    hashes[name] = {
      full: hash(cold),
      builtin: hash(JSON.stringify(core.analyze(text, { lexicon: builtin }))),
      summary: hash(JSON.stringify(core.compactSummary(core.summariseDocument(text, analysis)), plain)),
      incrementalEqualsCold: JSON.stringify(core.analyze(text, { lexicon: full, cache })) === cold,
    };
  }
  writeFileSync(path.join(out, 'hashes.json'), `${JSON.stringify(hashes, null, 1)}\n`);
  console.log(`${docs.length} documents hashed into ${path.join(out, 'hashes.json')}`);
  if (against) {
    const before = JSON.parse(readFileSync(path.join(against, 'hashes.json'), 'utf8'));
    let differences = 0;
    for (const name of new Set([...Object.keys(before), ...Object.keys(hashes)])) {
      for (const field of ['full', 'builtin', 'summary', 'incrementalEqualsCold']) {
        if (before[name]?.[field] !== hashes[name]?.[field]) {
          differences++;
          console.log(`differs: ${name} (${field})`);
        }
      }
    }
    console.log(differences ? `${differences} differences` : `identical: ${Object.keys(hashes).length} documents`);
    process.exitCode = differences ? 1 : 0;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
