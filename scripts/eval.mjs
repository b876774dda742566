#!/usr/bin/env node
// `npm run eval`: Marginalia's accuracy on the corpus (test/corpus/) and the public benchmarks.
// The harness (test/eval/) and the core are bundled with esbuild first; options: see test/eval/cli.ts
// or `npm run eval -- --help`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBundle } from './eval/bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.exitCode = await withBundle(root, 'test/eval/cli.ts', (m) => m.main(process.argv.slice(2), root));
