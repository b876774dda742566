// Bundles a TypeScript entry of the harness (with the core it imports) into one ES module in a
// temporary folder, as scripts/bench.mjs does for the core, and imports it.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * esbuild's options for one ES module of TypeScript for Node (the harness's, the bench's). Regular
 * expressions with `\p{…}` stay literals, as in the extension's Node bundles (scripts/build.mjs):
 * esbuild would otherwise build each again with `new RegExp` every time its function runs.
 */
export const NODE_MODULE = { bundle: true, format: 'esm', platform: 'node', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, loader: { '.json': 'json' }, logLevel: 'error' };

export async function withBundle(root, entry, run) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-eval-'));
  try {
    const outfile = path.join(dir, 'entry.mjs');
    await esbuild.build({ ...NODE_MODULE, entryPoints: [path.join(root, entry)], outfile });
    return await run(await import(pathToFileURL(outfile).href));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
