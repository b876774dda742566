// Browser tests against the real workbench (code-server + Chromium).
//
// A spec is a file `test/e2e/<feature>.spec.mjs` that registers tests:
//
//   import assert from 'node:assert/strict';
//   import { test } from '../launch/e2e.mjs';
//
//   test('hover shows the quantities of a ligand', async ({ page, workbench }) => {
//     await workbench.open('sigma1-receptor-nmda-ion-channels.md');
//     const text = await workbench.hover('some word');       // inner text of .monaco-hover
//     assert.match(text, /…/);
//     await workbench.screenshot('screenshot-hover.png');     // saved under media/
//   });
//
// Every test gets a fresh page (1400×900) and a context `{ page, baseUrl, workspace, workbench }`:
// `workspace` is the temp copy of test/fixtures/workspace/ plus seeds/*.md that code-server has
// open; `workbench` holds the helpers below. Tests run one after another, in file order.
//
// Loading the workbench is most of a test's time (its extension host starts, the extension
// activates and analyses): a test registered with `{ continues: true }` takes over the page of the
// test before it in the same file, with its editors closed, when that test passed. Once a page
// has the workbench, `workbench.open()` opens files through Quick Open instead of a reload.
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { forwardConsole, gotoWorkbench, projectRoot, workbenchUrl } from './session.mjs';

const registered = [];
/** The spec file being loaded: its tests run in one lane, in file order. */
let loadingFile = '';

// Waits are hang guards, not speed limits: a loaded two-core CI machine runs the workbench several
// times slower than a quiet one. MARGINALIA_PATIENCE scales every wait (default 3).
const PATIENCE = Number(process.env.MARGINALIA_PATIENCE ?? 3);
/** `ms` scaled by the run's patience. */
export const patience = (ms) => ms * PATIENCE;

/**
 * Registers a browser test.
 * @param {string} name
 * @param {(context: { page: import('playwright-core').Page, baseUrl: string, workspace: string, workbench: Workbench }) => Promise<void>} run
 * @param {{ timeoutMs?: number }} [options]
 */
export function test(name, run, options = {}) {
  registered.push({ name, run, file: loadingFile, continues: options.continues === true, timeoutMs: patience(options.timeoutMs ?? 120_000) });
}

/** Helpers that drive the workbench of one page. */
export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, server) {
    this.page = page;
    this.server = server;
    /** Whether the page holds the workbench already (then files open without a reload). */
    this.loaded = false;
  }

  /**
   * Opens `file` (relative to the workspace) in an editor: the first time by loading the
   * workbench with it, later through Quick Open with every other editor closed (`reload` forces a
   * load). Unless `analysed` is false, waits for Marginalia's analysis of it too.
   */
  async open(file, { analysed = true, reload = false } = {}) {
    const { page, server } = this;
    if (this.loaded && !reload) {
      await this.closeAllEditors();
      await this.quickOpen(file);
    } else {
      await gotoWorkbench(page, workbenchUrl({ authority: server.authority, workspace: server.workspace, openFile: file }), server.release);
      await page.locator('.monaco-workbench').waitFor({ timeout: patience(60_000) });
      this.loaded = true;
    }
    await page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(file)}"]`).first().waitFor({ timeout: patience(60_000) });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: patience(60_000) });
    // Until Marginalia's status shows the document analysed (no spinner), then a moment for the
    // decorations to be drawn. A document Marginalia does not read has no such status: not an error.
    if (!analysed) return;
    await page
      .waitForFunction(() => {
        return [...document.querySelectorAll('.statusbar-item')].some((item) =>
          /\d+ ligands? · \d+ targets?|Marginalia: (too large|analysis failed)/.test(item.textContent ?? '') && !item.querySelector('.codicon-sync'));
      }, undefined, { timeout: patience(10_000), polling: 100 })
      .catch(() => {});
    await page.waitForTimeout(300);
  }

  /** Closes every editor; a changed one is closed without saving. */
  async closeAllEditors() {
    const { page } = this;
    await page.keyboard.press('Escape');
    await this.runCommand('View: Close All Editors');
    const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save/ });
    await page.waitForFunction(() => !document.querySelector('.editor-instance .monaco-editor') || document.querySelector('.monaco-dialog-box'), undefined, { timeout: patience(5_000), polling: 100 }).catch(() => {});
    if ((await dontSave.count()) > 0) await dontSave.first().click();
  }

  /**
   * Opens `file` (relative to the workspace) through Quick Open: its whole path typed, the first
   * result is taken once the list has settled, and the whole choice made again until its tab is
   * the active one (the file search can answer before a file written just now is found).
   */
  async quickOpen(file) {
    const { page } = this;
    const tab = page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(file)}"]`);
    await waitUntil(async () => {
      await page.keyboard.press('Escape');
      await this.focusEditorArea();
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input:visible');
      await input.waitFor({ timeout: patience(10_000) });
      await input.fill(file);
      await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: path.basename(file) }).first().waitFor({ timeout: patience(3_000) });
      await page.waitForTimeout(400);
      await page.keyboard.press('Enter');
      await tab.first().waitFor({ timeout: patience(3_000) });
      return true;
    }, 60_000);
  }

  /** Moves the focus out of any webview (which keeps the workbench's keys) to the editor area. */
  async focusEditorArea() {
    const area = await this.page.locator('.part.editor').boundingBox();
    if (area) await this.page.mouse.click(area.x + area.width / 4, area.y + area.height / 2);
  }

  /** Focuses the active text editor. */
  async focusEditor() {
    // The first line in view of the editor itself: its lines move up as it scrolls, and an editor
    // nested in it (a comment thread's note input) is not it.
    const point = await this.page.evaluate(() => {
      const lines = [...document.querySelectorAll('.editor-instance .view-lines')].find((el) => !el.closest('.monaco-editor')?.parentElement?.closest('.monaco-editor'));
      const editor = lines?.closest('.monaco-editor')?.getBoundingClientRect();
      return lines && editor ? { x: lines.getBoundingClientRect().x + 5, y: editor.y + 5 } : null;
    });
    if (!point) throw new Error('no text editor to focus');
    await this.page.mouse.click(point.x, point.y);
  }

  /** Runs a command through the command palette by its title, e.g. 'Marginalia: Show Side Panel'. */
  async runCommand(title) {
    const { page } = this;
    const input = page.locator('.quick-input-widget input:visible');
    // The palette can close again as it opens (focus returning from a webview): open it anew then.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: patience(10_000) });
        await input.fill(`>${title}`, { timeout: patience(5_000) });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    // The row whose label is exactly `title` (its aria-label may add the keybinding after a comma):
    // the first row can be another command that merely contains the words.
    const rows = page.locator('.quick-input-list .monaco-list-row:visible');
    await rows.first().waitFor();
    const exact = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
    if ((await exact.count()) > 0) await exact.first().click();
    else await page.keyboard.press('Enter');
  }

  /**
   * Runs "Marginalia: Show Side Panel" and returns the panel's frame once `ready` (a selector)
   * shows in it. On a busy machine the command palette can still list an earlier command when
   * Enter is pressed; then the view is opened from its activity bar entry.
   */
  async showPanel(ready) {
    const { page } = this;
    await this.runCommand('Marginalia: Show Side Panel');
    const frame = page.locator('iframe.webview.ready');
    try {
      await frame.first().waitFor({ state: 'attached', timeout: patience(10_000) });
    } catch {
      await page.keyboard.press('Escape');
      await page.locator('.activitybar').getByRole('tab', { name: /^Marginalia/ }).click();
      await frame.first().waitFor({ state: 'attached', timeout: patience(30_000) });
    }
    const panel = this.webview();
    await panel.locator(ready).first().waitFor({ timeout: patience(30_000) });
    return panel;
  }

  /**
   * Switches the colour theme through its picker, e.g. 'Default Dark Modern' or 'Default Light Modern'
   * (writing `workbench.colorTheme` into a settings file is not picked up by a loaded workbench here).
   */
  async setColorTheme(name) {
    const { page } = this;
    const themeClass = /light/i.test(name) ? 'vs' : /contrast/i.test(name) ? 'hc-black' : 'vs-dark';
    const applied = () => page.evaluate((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), themeClass);
    // The picker, like the palette, can close as it opens when a webview takes the focus back:
    // then the whole choice is made again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.runCommand('Preferences: Color Theme');
        // Filter the picker to the theme: its list shows only the rows around the current theme.
        await page.locator('.quick-input-widget input:visible').fill(name.replace(/^Default /, ''), { timeout: patience(5_000) });
        // Only a shown row: the workbench may keep an earlier picker's list, hidden, in the page.
        const row = page.locator('.quick-input-list .monaco-list-row:visible', { hasText: name }).first();
        await row.waitFor({ timeout: patience(10_000) });
        await row.click({ timeout: patience(5_000) });
        await page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), themeClass, { timeout: patience(15_000) });
        return;
      } catch (error) {
        if (await applied()) return;
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Scrolls the first occurrence of `text` (after `occurrence - 1` others) into view with the
   * find widget and returns its box on the page.
   */
  async reveal(text, occurrence = 1) {
    const { page } = this;
    await this.focusEditor();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    const input = page.locator('.find-widget textarea, .find-widget input').first();
    await input.waitFor();
    await input.fill(text);
    for (let i = 1; i < occurrence; i++) await page.keyboard.press('Enter');
    const match = page.locator('.monaco-editor .currentFindMatch:visible').first();
    try {
      await match.waitFor({ timeout: patience(5_000) });
    } catch {
      // The widget kept the last search and drew no current match for it: step off and back.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Enter');
      await match.waitFor({ timeout: patience(5_000) });
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    // After Escape the match stays selected; its selection box is where the text is.
    const selection = page.locator('.monaco-editor .view-overlays .selected-text:visible').first();
    await selection.waitFor({ timeout: patience(10_000) });
    return selection.boundingBox();
  }

  /** Hovers the middle of `text` in the editor and returns the hover widget's text. */
  async hover(text, occurrence = 1) {
    const { page } = this;
    const box = await this.reveal(text, occurrence);
    if (!box) throw new Error(`"${text}" is not visible`);
    await page.mouse.move(0, 0);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: patience(15_000) });
    await page.waitForTimeout(300);
    return hover.innerText();
  }

  /**
   * The frame inside a webview (side panel). VS Code nests the content in `iframe.webview` →
   * `iframe#active-frame`. `index` picks among several open webviews.
   */
  webview(index = 0) {
    return this.page.frameLocator('iframe.webview.ready').nth(index).frameLocator('#active-frame');
  }

  /** Saves a screenshot of the whole page under `media/` (or `dir`) and returns its path. */
  async screenshot(name, { dir = path.join(projectRoot, 'media'), locator } = {}) {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, name);
    if (locator) await locator.screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    return file;
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function loadSpecs() {
  const dir = path.join(projectRoot, 'test/e2e');
  let files = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.spec.mjs')).sort();
  } catch {
    // no browser tests yet
  }
  for (const file of files) {
    loadingFile = file;
    await import(pathToFileURL(path.join(dir, file)).href);
  }
  return files;
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every registered browser test; returns the counts. */
/** Drags the side bar's edge so it is `width` pixels wide (no-op when it already is). */
export async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width - 10) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

/** Polls `condition` (a throw counts as not yet) until it holds or `timeoutMs` has passed. */
/** `window.pwned`, or a title set by a payload, in every frame of the page, including the webview's nested frames. */
export async function pwnedMarks(page) {
  const marks = [];
  for (const frame of page.frames()) {
    try {
      marks.push(await frame.evaluate(() => window.pwned ?? (/pwned/.test(document.title) ? document.title : undefined)));
    } catch {
      // A frame that navigated away meanwhile has nothing left to check.
    }
  }
  return marks.filter((mark) => mark !== undefined);
}

export async function waitUntil(condition, timeoutMs) {
  const deadline = Date.now() + patience(timeoutMs);
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Splits the tests into `count` lanes of whole spec files (a file's tests may build on each
 * other), the files with the most tests first, each to the lane with the fewest so far.
 */
export function lanesOf(tests, count) {
  const byFile = new Map();
  for (const t of tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const lanes = Array.from({ length: Math.max(1, count) }, () => []);
  for (const group of [...byFile.values()].sort((a, b) => b.length - a.length)) {
    lanes.reduce((least, lane) => (lane.length < least.length ? lane : least)).push(...group);
  }
  return lanes.filter((lane) => lane.length > 0);
}

/**
 * Runs the registered tests, one lane per server: each server has its own profile and workspace,
 * so a lane's theme changes and written files never reach another. While one lane waits on the
 * workbench (a webview loading, a hover's delay), the other runs.
 */
export async function runBrowserTests({ browser, servers, grep, verbose = false }) {
  const files = await loadSpecs();
  const tests = registered.filter((t) => !grep || t.name.includes(grep));
  const lanes = lanesOf(tests, servers.length);
  console.log(`e2e: ${tests.length} tests from ${files.length} spec files in ${lanes.length} lane(s)`);
  console.log(lanes.map((lane, i) => `  lane ${i + 1} (VS Code ${servers[i].release}): ${[...new Set(lane.map((t) => t.file))].join(', ')}`).join('\n'));
  const results = await Promise.all(lanes.map((lane, i) => runLane(browser, servers[i], lane, verbose)));
  return { passed: results.reduce((n, r) => n + r.passed, 0), failed: results.reduce((n, r) => n + r.failed, 0) };
}

async function runLane(browser, server, tests, verbose) {
  const result = { passed: 0, failed: 0 };
  /** The page the last test left, while a test that continues it may take it over. */
  let kept;
  for (const [i, t] of tests.entries()) {
    const taken = t.continues && kept?.file === t.file ? kept : undefined;
    if (kept && !taken) await kept.context.close();
    kept = undefined;
    const context = taken?.context ?? (await browser.newContext({ viewport: { width: 1400, height: 900 } }));
    const page = taken?.page ?? (await context.newPage());
    if (!taken) forwardConsole(page, { prefix: '    ', filter: (text) => verbose || /\[Extension Host\].*(error|marginalia)/i.test(text) });
    const workbench = taken?.workbench ?? new Workbench(page, server);
    const started = Date.now();
    let passed = false;
    try {
      await withTimeout(t.run({ page, baseUrl: server.baseUrl, workspace: server.workspace, workbench }), t.timeoutMs, t.name);
      passed = true;
      result.passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms${taken ? ', continued' : ''}, ${server.release})`);
    } catch (error) {
      result.failed++;
      console.error(`  ✗ ${t.name} (${server.release})\n${error?.stack ?? error}`);
      const failureShot = path.join(projectRoot, 'test-results', `${t.name.replace(/[^\w-]+/g, '_')}.png`);
      await workbench.screenshot(path.basename(failureShot), { dir: path.dirname(failureShot) }).catch(() => {});
      console.error(`    screenshot of the failure: ${path.relative(projectRoot, failureShot)}`);
    }
    // A failed test's page is never handed on: what went wrong in it must not fail the next one.
    if (passed && tests[i + 1]?.continues) kept = { file: t.file, context, page, workbench };
    else await context.close();
  }
  return result;
}
