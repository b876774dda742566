/**
 * The integration suite for the web extension host (a web worker, as on vscode.dev), with the
 * same `run()` contract as `test/integration/index.ts`. Loaded through the workbench payload
 * `extensionDevelopmentKind: web`. Mocha's browser build, TDD interface (`suite`, `test`).
 *
 * Test files are `test/web/**\/*.test.ts`; they run without Node (no `node:` imports), so they
 * assert with `./assert`. scripts/build.mjs bundles this runner first, then every test file, into
 * `dist/test/web/index.js`; the launcher reads the line `INTEGRATION(web): N passed, N failed`.
 */
import 'mocha/mocha.js';

mocha.setup({ ui: 'tdd', timeout: 60_000, reporter: Mocha.reporters.Base });

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        const summary = `INTEGRATION(web): ${passed} passed, ${failed} failed`;
        console.log(summary);
        if (failed > 0) reject(new Error(summary));
        else resolve();
      });
      runner.on('pass', (t) => {
        passed++;
        console.log(`  ✓ ${t.fullTitle()}`);
      });
      runner.on('fail', (t, error: Error) => {
        failed++;
        console.error(`  ✗ ${t.fullTitle()}\n${error?.stack ?? String(error)}`);
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
