// Bundles a TypeScript entry of the harness (with the core it imports) into one ES module in a
// temporary folder, as scripts/bench.mjs does for the core, and imports it.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function withBundle(root, entry, run) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-eval-'));
  try {
    const outfile = path.join(dir, 'entry.mjs');
    await esbuild.build({
      entryPoints: [path.join(root, entry)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      loader: { '.json': 'json' },
      logLevel: 'error',
    });
    return await run(await import(pathToFileURL(outfile).href));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
