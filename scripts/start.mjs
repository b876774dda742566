#!/usr/bin/env node
// `npm start`: builds the extension and opens the sample guide with it loaded.
// - With desktop VS Code (`code` on the PATH): a window with the extension in development mode.
// - Otherwise: code-server 4.100.3 on 127.0.0.1 (installed on first use); prints the URL that
//   opens the guide with the extension loaded, and runs until Ctrl+C.
//   options: --port <n> (default 8080, or a free port if taken), --code-server (skip desktop `code`),
//            --check (open the URL in headless Chromium, verify the extension loaded, then exit)
//   npm start -- PATH   opens another folder (or the folder of a markdown file, with that file open)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
/** The first argument that is neither an option nor an option's value: a folder or file to open. */
const target = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--port');
function opened() {
  if (target === undefined) return { folder: path.join(root, 'seeds'), file: 'sigma1-receptor-nmda-ion-channels.md' };
  const full = path.resolve(process.cwd(), target);
  if (!existsSync(full)) {
    console.error(`npm start: ${target} does not exist (give a folder, or a markdown file to open in its folder)`);
    process.exit(2);
  }
  return statSync(full).isDirectory() ? { folder: full, file: undefined } : { folder: path.dirname(full), file: path.basename(full) };
}
const { folder: seedsFolder, file: guide } = opened();

function build() {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasDesktopCode() {
  if (argv.includes('--code-server') || argv.includes('--check')) return false;
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

async function portToUse() {
  const { freePort } = await import('../test/launch/session.mjs');
  const wanted = Number(option('--port') ?? process.env.PORT ?? 8080);
  const { createServer } = await import('node:net');
  const free = await new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(wanted, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? wanted : freePort();
}

/** Loads the workbench in headless Chromium and checks that the extension's contributions are there. */
async function checkExtensionLoaded(url) {
  const { gotoWorkbench, launchChromium } = await import('../test/launch/session.mjs');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await gotoWorkbench(page, url);
    if (guide) await page.locator(`.tabs-container .tab[aria-label^="${guide}"]`).first().waitFor({ timeout: 60_000 });
    // The activity bar entry comes from the extension's manifest (viewsContainers).
    await page.locator('.activitybar .action-item a[aria-label^="Marginalia"], .activitybar .action-item[aria-label^="Marginalia"]').first().waitFor({ timeout: 60_000 });
    console.log(`check: ${guide ?? seedsFolder} is open and the Marginalia extension is loaded`);
    return true;
  } catch (error) {
    console.error(`check failed: ${error?.message ?? error}`);
    return false;
  } finally {
    await browser.close();
  }
}

async function main() {
  build();
  if (hasDesktopCode()) {
    console.log('Opening the guide in VS Code with the extension in development mode…');
    const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, seedsFolder, ...(guide ? [path.join(seedsFolder, guide)] : [])], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const { startCodeServer, workbenchUrl } = await import('../test/launch/session.mjs');
  const profile = path.join(root, '.vscode-test/start-profile');
  mkdirSync(profile, { recursive: true });
  const port = await portToUse();
  console.log('Starting code-server (VS Code 1.100.3 in the browser)…');
  const server = await startCodeServer({ workspace: seedsFolder, tempDir: profile, port });
  const url = workbenchUrl({ authority: server.authority, workspace: seedsFolder, openFile: guide });
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  if (argv.includes('--check')) {
    const ok = await checkExtensionLoaded(url);
    await server.stop();
    process.exit(ok ? 0 : 1);
  }
  console.log(`\nOpen this URL in a browser on this machine to read ${guide ?? seedsFolder} with Marginalia:\n\n  ${url}\n`);
  console.log(`(code-server at ${server.baseUrl}; the URL above also loads the extension in development mode.)`);
  console.log('Press Ctrl+C to stop.');
  server.child.on('exit', (code) => {
    console.error(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
}

await main();
