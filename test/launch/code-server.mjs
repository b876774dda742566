#!/usr/bin/env node
// Runs, in code-server 4.100.3 (VS Code 1.100.3), or 4.139.1 (VS Code 1.139.1) with MARGINALIA_VSCODE=current:
// - the integration suite (test/integration, mocha inside the Node extension host);
// - the web integration suite (test/web, mocha inside the web worker extension host, with the
//   extension's "browser" bundle, as on vscode.dev);
// - the browser tests (test/e2e/*.spec.mjs, Playwright against the workbench).
//
//   node test/launch/code-server.mjs              integration suite (Node extension host)
//   node test/launch/code-server.mjs --web        web integration suite
//   node test/launch/code-server.mjs --e2e        browser tests
//   node test/launch/code-server.mjs --all        all three (each in its own code-server and workspace copy)
//   node test/launch/code-server.mjs --fast       the integration and web integration suites
//   MARGINALIA_VSCODE=current …                   in VS Code 1.139.1 (code-server 4.139.1) instead of 1.100.3
//   MARGINALIA_E2E_RELEASES=oldest,current …      the browser tests' lanes in those releases, in turn
//   options: --grep <text>     only tests whose title contains <text>
//            --json <file>     write { passed, failed } there (scripts/test.mjs reads it)
//            --verbose         also print code-server's and the workbench's own output
// Needs a build (npm run build). Exits non-zero when a test fails.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launchChromium, prepareWorkspace, projectRoot, gotoWorkbench, removeTemp, startCodeServer, vscodeRelease, webExtensionHostSettings, workbenchUrl,
} from './session.mjs';
import { runBrowserTests } from './e2e.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const all = argv.includes('--all');
const fast = argv.includes('--fast');
const runIntegration = all || fast || !(argv.includes('--e2e') || argv.includes('--web'));
const runWeb = all || fast || argv.includes('--web');
const runE2E = all || argv.includes('--e2e');
const grep = option('--grep');
const jsonFile = option('--json');
const verbose = argv.includes('--verbose');

// A guard against a suite that never ends, not a speed limit: on a loaded two-core CI machine the
// Node-host suite has taken over five minutes.
const suiteTimeoutMs = Number(process.env.MARGINALIA_SUITE_TIMEOUT_MS ?? 15 * 60_000);
/** The two integration suites: same contract, different extension hosts. */
const suites = {
  node: { label: 'INTEGRATION', testsIndex: path.join(projectRoot, 'dist/test/integration/index.js') },
  web: {
    label: 'INTEGRATION(web)',
    testsIndex: path.join(projectRoot, 'dist/test/web/index.js'),
    extensionKind: 'web',
    needs: path.join(projectRoot, 'dist/web/extension.js'),
  },
};

/** The workbench logs (its own and the extension host's console) as `%c INFO`, `color: #33f`, text. */
const logPrefix = /^%c\s*(INFO|ERR|WARN|DEBUG|TRACE)\s+color: #[0-9a-f]{3,6}\s?/;
/** Workbench complaints that are expected on a closed network with a fresh profile. */
const knownNoise = new RegExp([
  'ENOTFOUND', 'Unable to read file .*\\(Canceled', '^Canceled: Canceled', '^Error: INTEGRATION:',
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^Updating additional builtin',
  '^\\[Service Worker\\]', '^ChatSessionStore', '^\\[lifecycle\\]',
  "Failed to execute 'abort' on 'IDBTransaction'",
].join('|'));

async function runIntegrationSuite(browser, server, temp, suite) {
  const { testsIndex, label, extensionKind } = suite;
  if (!existsSync(testsIndex)) throw new Error(`${path.relative(projectRoot, testsIndex)} is missing: run npm run build first`);
  // Written by the Node suite's runner (the web worker cannot write files).
  const resultsFile = path.join(temp, 'integration-results.json');
  rmSync(resultsFile, { force: true });
  const summaryPattern = new RegExp(`${label.replace(/[()]/g, '\\$&')}: (\\d+) passed, (\\d+) failed`);

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let summaryLine;
  page.on('console', (message) => {
    const raw = message.text();
    const summary = summaryPattern.exec(raw);
    if (summary) summaryLine = { passed: Number(summary[1]), failed: Number(summary[2]) };
    const text = raw.replace(logPrefix, '');
    if (verbose) console.log(`  ${raw}`);
    else if (!knownNoise.test(text) && !summaryPattern.test(text) && (logPrefix.test(raw) || /^\s+[✓✗-] /.test(text))) console.log(`  ${text}`);
  });
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await gotoWorkbench(page, workbenchUrl({ authority: server.authority, workspace: server.workspace, extensionTestsPath: testsIndex, extensionKind }), server.release);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), suiteTimeoutMs);
  });
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  await page.close();

  // The file is the reliable channel; the console line is the fallback.
  let result = summaryLine;
  if (!extensionKind && existsSync(resultsFile)) result = JSON.parse(readFileSync(resultsFile, 'utf8'));
  else if (verbose) console.log(`${label}: using the console summary`);
  if (code === 'timeout') {
    console.error(`${label}: no result after ${suiteTimeoutMs / 1000} s`);
    return { passed: result?.passed ?? 0, failed: (result?.failed ?? 0) + 1 };
  }
  if (!result) {
    // run() threw before mocha reported anything (e.g. a test file failed to load).
    console.error(`${label}: the suite ended with exit code ${code} and reported no results`);
    return { passed: 0, failed: 1 };
  }
  if (code !== 0 && result.failed === 0) result.failed = 1;
  return { passed: result.passed, failed: result.failed };
}

/** Starts a code-server with its own profile and its own copy of the workspace under `dir`. */
async function startIsolated(dir, options = {}) {
  const workspace = prepareWorkspace(dir);
  return startCodeServer({ workspace, tempDir: dir, log: verbose, ...options });
}

/** Workspace trust on, without the startup prompt: the workspace opens untrusted (Restricted Mode). */
const restrictedModeSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** The releases MARGINALIA_E2E_RELEASES names for the browser tests' lanes (default: this run's). */
function releasesOfLanes() {
  const named = (process.env.MARGINALIA_E2E_RELEASES ?? vscodeRelease).split(',').map((r) => r.trim()).filter((r) => r === 'oldest' || r === 'current');
  return named.length > 0 ? named : [vscodeRelease];
}
const laneReleasesCount = () => releasesOfLanes().length;

async function main() {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-test-'));
  const resultsFile = path.join(temp, 'integration-results.json');
  const env = { MARGINALIA_TEST_RESULTS: resultsFile, ...(grep ? { MARGINALIA_TEST_GREP: grep } : {}) };
  const browser = await launchChromium();
  const servers = new Set();
  const cleanup = async () => {
    await browser.close().catch(() => {});
    await Promise.all([...servers].map((server) => server.stop()));
    removeTemp(temp);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  // Every suite gets its own code-server, profile and workspace copy: what one suite leaves
  // behind (untitled editors, workspace settings, edited files) never reaches the next.
  const withServer = async (name, options, run) => {
    const server = await startIsolated(path.join(temp, name), options);
    servers.add(server);
    try {
      return await run(server);
    } finally {
      await server.stop();
      servers.delete(server);
    }
  };

  const total = { passed: 0, failed: 0 };
  try {
    for (const [kind, wanted] of [['node', runIntegration], ['restricted', runIntegration && !grep], ['web', runWeb]]) {
      if (!wanted) continue;
      // Restricted Mode: the node suite again, in a workspace that is not trusted, narrowed to its
      // "Restricted Mode" tests (which skip themselves in the trusted pass).
      const suite = kind === 'restricted' ? { ...suites.node, label: 'RESTRICTED MODE' } : suites[kind];
      if (suite.needs && !existsSync(suite.needs)) {
        console.warn(`${suite.label}: skipped, ${path.relative(projectRoot, suite.needs)} is not built yet`);
        continue;
      }
      const started = Date.now();
      // The web suite's settings put the extension in the web worker extension host.
      const options =
        kind === 'web'
          ? { settings: webExtensionHostSettings }
          : kind === 'restricted'
            ? { env: { ...env, MARGINALIA_TEST_GREP: 'Restricted Mode' }, workspaceTrust: true, settings: restrictedModeSettings }
            : { env };
      const result = await withServer(kind, options, (server) => {
        console.log(`${suite.label}: code-server at ${server.baseUrl}`);
        return runIntegrationSuite(browser, server, temp, suite);
      });
      console.log(`${suite.label}: ${result.passed} passed, ${result.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      total.passed += result.passed;
      total.failed += result.failed;
    }
    if (runE2E) {
      const started = Date.now();
      // Lanes of spec files, each on a code-server of its own, in the releases MARGINALIA_E2E_RELEASES
      // names in turn (default: this run's release). MARGINALIA_E2E_LANES sets how many: one by
      // default, since on two cores two lanes only share the CPU (measured: 467 s against 442 s);
      // two when the lanes are two releases.
      const lanes = Math.max(1, Number(process.env.MARGINALIA_E2E_LANES ?? laneReleasesCount()) || 1);
      const laneReleases = releasesOfLanes();
      const releaseOfLane = (i) => laneReleases[i % laneReleases.length] ?? vscodeRelease;
      const withServers = (count, run, servers = []) =>
        servers.length === count
          ? run(servers)
          : withServer(`e2e-${servers.length + 1}`, { release: releaseOfLane(servers.length) }, (server) => withServers(count, run, [...servers, server]));
      const result = await withServers(lanes, (servers) => runBrowserTests({ browser, servers, grep, verbose }));
      console.log(`E2E: ${result.passed} passed, ${result.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      total.passed += result.passed;
      total.failed += result.failed;
    }
  } catch (error) {
    console.error(error);
    total.failed += 1;
  } finally {
    await cleanup();
  }
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(total));
  process.exitCode = total.failed > 0 ? 1 : 0;
}

await main();
