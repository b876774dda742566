#!/usr/bin/env node
// Runs the same integration suite (dist/test/integration/index.js) in desktop VS Code through
// @vscode/test-electron, which downloads a VS Code build into .vscode-test/ the first time.
// Needs internet for that download; on a machine without it use test/launch/code-server.mjs.
//
//   node test/launch/electron.mjs [--version 1.100.3|stable|insiders] [--grep <text>] [--json <file>]
// On Linux without a display, run it under xvfb-run.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareWorkspace, projectRoot, removeTemp } from './session.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
// The lowest version the manifest supports is 1.90; the code-server launcher tests 1.100.3.
const version = option('--version') ?? process.env.MARGINALIA_VSCODE_VERSION ?? 'stable';
const grep = option('--grep');
const jsonFile = option('--json');

async function main() {
  const testsIndex = path.join(projectRoot, 'dist/test/integration/index.js');
  if (!existsSync(testsIndex)) throw new Error('dist/test/integration/index.js is missing: run npm run build first');

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(projectRoot, '.vscode-test') });
  } catch (error) {
    console.error(
      `Could not download VS Code ${version} (${error?.message ?? error}).\n` +
        '@vscode/test-electron needs internet access to update.code.visualstudio.com the first time.\n' +
        'Without internet, run the same suite in code-server instead: npm run test:integration',
    );
    process.exitCode = 2;
    return;
  }

  const temp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-electron-'));
  const workspace = prepareWorkspace(temp);
  const resultsFile = path.join(temp, 'integration-results.json');
  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: testsIndex,
      extensionTestsEnv: { MARGINALIA_TEST_RESULTS: resultsFile, ...(grep ? { MARGINALIA_TEST_GREP: grep } : {}) },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions stay out of the way
        `--user-data-dir=${path.join(temp, 'user-data')}`,
        `--extensions-dir=${path.join(temp, 'extensions')}`,
      ],
    });
  } catch (error) {
    // runTests rejects when run() rejected, i.e. when a test failed.
    console.error(`integration (electron): ${error?.message ?? error}`);
    exitCode = 1;
  }
  const result = existsSync(resultsFile)
    ? JSON.parse(readFileSync(resultsFile, 'utf8'))
    : { passed: 0, failed: 1 };
  if (exitCode !== 0 && result.failed === 0) result.failed = 1;
  console.log(`INTEGRATION: ${result.passed} passed, ${result.failed} failed`);
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ passed: result.passed, failed: result.failed }));
  removeTemp(temp);
  process.exitCode = result.failed > 0 ? 1 : 0;
}

await main();
