#!/usr/bin/env node
// Builds every bundle of the extension with esbuild.
//   node scripts/build.mjs            one build
//   node scripts/build.mjs --watch    rebuild on change
//   node scripts/build.mjs --minify   minified (used for nothing by default; sourcemaps stay on)
// Entry points whose source does not exist yet are skipped with a warning, so the build keeps
// working while parts of the project are still being written.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const minify = args.has('--minify');

const fromRoot = (...parts) => path.join(root, ...parts);

/** Options shared by every bundle. */
const common = {
  bundle: true,
  sourcemap: true,
  minify,
  target: 'es2022',
  logLevel: 'warning',
  absWorkingDir: root,
  // Lexicon and schema JSON files are bundled as data.
  loader: { '.json': 'json' },
};

/** citation-js's fetch modules: Marginalia never fetches (the shim refuses), and the browser builds cannot load them. */
const noFetch = { 'node-fetch': './scripts/shims/no-fetch.js', 'sync-fetch': './scripts/shims/no-fetch.js' };

/**
 * Node has read `\p{…}` in regular expressions since version 10, yet esbuild writes every such
 * literal for a Node target as `new RegExp(…)`: built again each time a function runs (the
 * analysis has dozens in its loops). Kept as literals, as the web bundles (es2022) keep them.
 */
const NODE_REGEXPS = { 'regexp-unicode-property-escapes': true };

const nodeBundle = { ...common, platform: 'node', format: 'cjs', target: 'node20', supported: NODE_REGEXPS, external: ['vscode'], alias: noFetch };

/**
 * Fails the web bundles when anything imports a Node built-in: the web extension host is a web
 * worker (vscode.dev), where `fs`, `path`, `worker_threads` … do not exist.
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const names = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!names.has(args.path) && !args.path.startsWith('node:')) return undefined;
      return {
        errors: [{ text: `"${args.path}" is a Node built-in; the web extension runs in a web worker without Node (imported by ${path.relative(root, args.importer)})` }],
      };
    });
  },
};

const webWorkerBundle = {
  ...common,
  platform: 'browser',
  conditions: ['worker', 'browser'],
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
  plugins: [noNodeBuiltins],
  define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
  alias: noFetch,
};

/** Every bundle: [source, options]. */
const bundles = [
  // The export bundle is loaded by the desktop extension at its first export (require('./export.js')).
  ['src/extension.node.ts', { ...nodeBundle, external: ['vscode', './export.js'], outfile: 'dist/extension.js' }],
  ['src/export/index.ts', { ...nodeBundle, outfile: 'dist/export.js' }],
  ['src/extension.web.ts', { ...webWorkerBundle, format: 'cjs', outfile: 'dist/web/extension.js' }],
  ['src/worker/node.ts', { ...nodeBundle, outfile: 'dist/worker.js' }],
  // A dedicated web worker script: plain script, no module system.
  ['src/worker/web.ts', { ...webWorkerBundle, format: 'iife', outfile: 'dist/web/worker.js' }],
  ['webview/main.ts', {
    ...common,
    platform: 'browser',
    format: 'iife',
    outfile: 'dist/webview/main.js',
    plugins: [noNodeBuiltins],
    define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
  }],
  // The evidence table and plot (the library's editor-area webview).
  ['webview/library/evidence.ts', {
    ...common,
    platform: 'browser',
    format: 'iife',
    outfile: 'dist/webview/evidence.js',
    plugins: [noNodeBuiltins],
    define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
  }],
  // The markdown preview's script (contributes.markdown.previewScripts): a plain script.
  ['webview/preview/main.ts', {
    ...common,
    platform: 'browser',
    format: 'iife',
    outfile: 'dist/preview/preview.js',
    plugins: [noNodeBuiltins],
  }],
  ['src/cli/main.ts', { ...nodeBundle, outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }],
];

/** `test/integration/index.ts` (the mocha runner) and every `*.test.ts` below it. */
function integrationTestEntries() {
  const dir = fromRoot('test/integration');
  if (!existsSync(dir)) return [];
  const entries = [];
  const walk = (folder) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.name.endsWith('.test.ts')) entries.push(path.relative(root, full));
    }
  };
  walk(dir);
  if (existsSync(path.join(dir, 'index.ts'))) entries.unshift('test/integration/index.ts');
  return entries;
}

/**
 * markdown-it 12 (the version VS Code's preview uses; a devDependency for tests) requires Node's
 * `punycode` for host names in links. The web tests bundle it with this stand-in, which leaves
 * host names as they are (the documents they render have ASCII host names only).
 */
const punycodeStandIn = {
  name: 'punycode-stand-in',
  setup(build) {
    build.onResolve({ filter: /^punycode$/ }, () => ({ path: 'punycode', namespace: 'punycode-stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'punycode-stand-in' }, () => ({
      contents: 'module.exports = { toASCII: (s) => s, toUnicode: (s) => s };',
      loader: 'js',
    }));
  },
};

/**
 * The web-worker test bundle: `test/web/index.ts` (mocha's browser build) first, so that mocha's
 * globals exist when the test files (`test/web/**\/*.test.ts`) register their suites.
 */
function webTestBundle() {
  const dir = fromRoot('test/web');
  if (!existsSync(path.join(dir, 'index.ts'))) return undefined;
  const tests = [];
  const walk = (folder) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.name.endsWith('.test.ts')) tests.push(`./${path.relative(dir, full).split(path.sep).join('/')}`);
    }
  };
  walk(dir);
  const contents = ["export { run } from './index';", ...tests.sort().map((t) => `import '${t}';`)].join('\n');
  return {
    ...webWorkerBundle,
    plugins: [punycodeStandIn, ...webWorkerBundle.plugins],
    format: 'cjs',
    stdin: { contents, resolveDir: dir, sourcefile: 'web-tests-entry.ts', loader: 'ts' },
    outfile: 'dist/test/web/index.js',
  };
}

/** Codicon font and stylesheet for the webview (loaded through `<link id="vscode-codicon-stylesheet">`). */
function copyCodicons() {
  const source = fromRoot('node_modules/@vscode/codicons/dist');
  const target = fromRoot('dist/codicons');
  mkdirSync(target, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(path.join(source, file), path.join(target, file));
}

/**
 * The compiled database lexicon (src/core/lexicon/compiled/) beside the bundles, as
 * `dist/lexicon/`: the extension loads it lazily at run time (it is not bundled into extension.js).
 */
function copyLexicon() {
  const source = fromRoot('src/core/lexicon/compiled');
  if (!existsSync(source)) return;
  const target = fromRoot('dist/lexicon');
  mkdirSync(target, { recursive: true });
  const files = readdirSync(source).filter((file) => file.endsWith('.json'));
  // A compiled file no longer made (a withdrawn source) must not stay in dist/ and travel in the .vsix.
  for (const file of readdirSync(target)) if (file.endsWith('.json') && !files.includes(file)) rmSync(path.join(target, file));
  for (const file of files) copyFileSync(path.join(source, file), path.join(target, file));
  // The sources' licences and attributions travel with the data (the Guide to Pharmacology's CC BY-SA asks it).
  copyFileSync(fromRoot('src/core/lexicon/SOURCES.md'), path.join(target, 'SOURCES.md'));
}

/**
 * Deletes bundles of integration tests whose source is gone, which the runner would otherwise
 * still discover. (Not the whole folder: another test run may be reading it right now.)
 */
function removeStaleTestBundles() {
  const dir = fromRoot('dist/test/integration');
  if (!existsSync(dir)) return;
  const expected = new Set(integrationTestEntries().map((entry) => path.relative('test/integration', entry).replace(/\.ts$/, '.js')));
  const walk = (folder) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, item.name);
      if (item.isDirectory()) walk(full);
      else if (!expected.has(path.relative(dir, full).replace(/\.js\.map$/, '.js'))) rmSync(full);
    }
  };
  walk(dir);
}

function buildOptions() {
  const options = [];
  for (const [source, bundle] of bundles) {
    if (!existsSync(fromRoot(source))) {
      console.warn(`build: skipped ${source} (not written yet)`);
      continue;
    }
    options.push({ ...bundle, entryPoints: [source] });
  }
  const tests = integrationTestEntries();
  if (tests.length > 0) {
    // mocha stays external: the test runner requires it from the project's node_modules,
    // which the extension host (desktop or code-server) can read.
    options.push({ ...nodeBundle, entryPoints: tests, outbase: 'test/integration', outdir: 'dist/test/integration', external: ['vscode', 'mocha'] });
  }
  const webTests = webTestBundle();
  if (webTests) options.push(webTests);
  return options;
}

async function main() {
  const started = Date.now();
  copyCodicons();
  copyLexicon();
  const options = buildOptions();
  if (watch) {
    const report = {
      name: 'report-rebuilds',
      setup(build) {
        build.onEnd((result) => {
          const entry = build.initialOptions.entryPoints?.join(', ') ?? build.initialOptions.outfile;
          console.log(`build: ${entry} ${result.errors.length > 0 ? `failed (${result.errors.length} errors)` : 'ok'}`);
        });
      },
    };
    const contexts = await Promise.all(options.map((o) => esbuild.context({ ...o, plugins: [...(o.plugins ?? []), report] })));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`build: watching ${options.length} bundles (Ctrl+C to stop)`);
    return;
  }
  const results = await Promise.allSettled(options.map((o) => esbuild.build(o)));
  removeStaleTestBundles();
  const failed = results.filter((r) => r.status === 'rejected');
  if (existsSync(fromRoot('dist/cli.js'))) chmodSync(fromRoot('dist/cli.js'), 0o755);
  if (failed.length > 0) {
    console.error(`build: ${failed.length} of ${options.length} bundles failed`);
    process.exit(1);
  }
  console.log(`build: ${options.length} bundles in ${Date.now() - started} ms`);
}

await main();
