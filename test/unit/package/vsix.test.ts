/**
 * What the .vsix holds, as `vsce ls` lists it (the same listing `npm run package` zips): the
 * bundles, media (with the README's screenshots, so they show on the details page), the schema,
 * the lexicon data with its sources and licences, the docs the README links; no sources, tests,
 * fixtures or corpus. Needs the bundles in dist/ (`npm test` builds them first).
 */
import { listFiles } from '@vscode/vsce';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
/**
 * The files' total size, uncompressed (an upper bound of the .vsix), must stay below this. On
 * 2026-12-02: 17.9 MB of files, zipped by `npm run package` into a 5.7 MB .vsix.
 */
const MAX_PACKAGE_MB = 24;

let files: string[] = [];
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'extension.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  files = (await listFiles({ cwd: root, packageManager: 'none' as never })).map((f) => f.replace(/\\/g, '/')).sort();
}, 60_000);

describe('the packaged extension (.vsix)', () => {
  it('holds every bundle the manifest and the bundles load', () => {
    for (const bundle of ['dist/extension.js', 'dist/web/extension.js', 'dist/worker.js', 'dist/web/worker.js', 'dist/export.js', 'dist/cli.js', 'dist/webview/main.js', 'dist/preview/preview.js']) {
      expect(files).toContain(bundle);
    }
  });

  it('holds the media, the schema, the lexicon data with its licences, the docs and the changelog', () => {
    expect(files).toEqual(expect.arrayContaining([
      'media/icon.png', 'media/marginalia.svg', 'media/panel.css', 'media/preview.css',
      'schemas/lexicon.schema.json', 'schemas/annotations.schema.json', 'media/evidence.css',
      'dist/lexicon/SOURCES.md', 'dist/lexicon/hgnc.json', 'dist/lexicon/drugbank.json', 'dist/lexicon/gtopdb.json', 'dist/lexicon/stems.json',
      'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json',
      'docs/command-line.md', 'docs/security.md', 'docs/performance.md', 'docs/accuracy.md', 'docs/development.md',
    ]));
  });

  it('holds every image and doc the README links to, so they show on the details page', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\(((?:media|docs)\/[^)#\s]+)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(3);
    for (const file of linked) expect(files).toContain(file);
  });

  it('leaves out sources, tests, fixtures, the corpus, seeds, tooling and source maps', () => {
    const outside = files.filter((f) => /^(src|test|seeds|scripts|webview|node_modules|\.vscode-test|\.ci|bench-results|eval-results)\//.test(f) || /\.(ts|map)$/.test(f) || f.startsWith('dist/test/'));
    expect(outside).toEqual([]);
  });

  it(`stays under ${MAX_PACKAGE_MB} MB of files`, () => {
    const bytes = files.reduce((n, f) => n + statSync(path.join(root, f)).size, 0);
    expect(bytes / 1024 / 1024).toBeLessThan(MAX_PACKAGE_MB);
  });

  it('has a marketplace-ready manifest', () => {
    expect(manifest.repository.url).toBe('https://github.com/marginalia-reader/marginalia.git');
    expect(manifest.icon).toBe('media/icon.png');
    expect(manifest.galleryBanner).toEqual({ color: '#1e3a34', theme: 'dark' });
    expect(manifest.categories).toEqual(['Visualization', 'Education', 'Other']);
    expect(manifest.keywords.length).toBeLessThanOrEqual(30);
  });
});
