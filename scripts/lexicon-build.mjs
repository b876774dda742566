#!/usr/bin/env node
// npm run lexicon:build -- --sources DIR: bundles the build pipeline (src/core/lexicon/build/)
// with esbuild and runs it; the compiled lexicon goes to src/core/lexicon/compiled/.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lexicon-build-'));
const outfile = path.join(tmp, 'main.mjs');
try {
  await esbuild.build({
    entryPoints: [path.join(root, 'src/core/lexicon/build/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    loader: { '.json': 'json' },
  });
  const args = process.argv.slice(2);
  if (!args.includes('--out')) args.push('--out', path.join(root, 'src/core/lexicon/compiled'));
  const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
