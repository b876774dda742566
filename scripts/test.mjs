#!/usr/bin/env node
// `npm test`: build, unit tests (vitest), integration suite inside a real VS Code (code-server),
// browser tests against the workbench. Installs code-server and Chromium first when missing.
// The last line is always `N passed, N failed` (all suites summed); exit code 1 on any failure.
//   options: --skip-unit, --skip-vscode (integration and browser tests)
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

rmSync(temp, { recursive: true, force: true });
console.log(`\ntimings: ${timings.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
