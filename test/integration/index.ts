/**
 * The integration suite's entry point, with the contract of `@vscode/test-electron`:
 * VS Code loads this module in its extension host (`extensionTestsPath`) and awaits `run()`.
 *
 * Tests use mocha's TDD interface (`suite`, `test`, `suiteSetup`, …), as VS Code's own tests do.
 * Every `*.test.js` next to this file (bundled from `test/integration/**\/*.test.ts`) is run.
 *
 * The launchers read the result from the line `INTEGRATION: N passed, N failed` printed on the
 * console, and from the JSON file named by `MARGINALIA_TEST_RESULTS` when that is set.
 */
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the launchers read back. */
export interface IntegrationResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

function testFiles(folder: string): string[] {
  const files: string[] = [];
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, item.name);
    if (item.isDirectory()) files.push(...testFiles(full));
    else if (item.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // Base prints nothing; the listeners below print each result once.
    reporter: Mocha.reporters.Base,
    // Generous: a test that waits for analysis of a large document on a loaded machine takes
    // well over a minute; a hang is still caught.
    timeout: 180_000,
    // MARGINALIA_TEST_GREP narrows the run to matching test titles while working on one feature.
    ...(process.env.MARGINALIA_TEST_GREP ? { grep: process.env.MARGINALIA_TEST_GREP } : {}),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const result: IntegrationResult = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const summary = `INTEGRATION: ${result.passed} passed, ${result.failed} failed`;
        console.log(summary);
        const resultsFile = process.env.MARGINALIA_TEST_RESULTS;
        if (resultsFile) writeFileSync(resultsFile, JSON.stringify(result, null, 2));
        if (result.failed > 0) reject(new Error(summary));
        else resolve();
      });
      runner.on('pass', (t) => {
        result.passed++;
        console.log(`  ✓ ${t.fullTitle()}`);
      });
      runner.on('pending', (t) => {
        result.pending++;
        console.log(`  - ${t.fullTitle()} (skipped)`);
      });
      runner.on('fail', (t, error: Error) => {
        result.failed++;
        const message = error?.stack ?? String(error);
        result.failures.push({ title: t.fullTitle(), error: message });
        console.error(`  ✗ ${t.fullTitle()}\n${message}`);
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
