// `npm run bench -- --first-highlight`: how long a reader looks at a plain file. Drives the real
// workbench (code-server + Debian's Chromium, as the browser tests do), opens the sample guide,
// and measures, in the page, the time from the editor showing the document's text to the first
// Marginalia decoration in it. Each run starts its own code-server, profile and browser context:
// code-server keeps a closed window's extension host running (for a reconnection), and one left
// over from an earlier run would still be indexing and laying its lexicon while the next is timed.
//   options: --runs N (default 3)
//            --trace   also print each run's timeline: VS Code's extension-host marks and the
//                      extension's own (written to the file MARGINALIA_TRACE names, see
//                      src/vscode/trace.ts) beside the page's, in ms since navigation
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gotoWorkbench, launchChromium, prepareWorkspace, removeTemp, startCodeServer, workbenchUrl } from '../../test/launch/session.mjs';

const GUIDE = 'sigma1-receptor-nmda-ion-channels.md';

/**
 * Runs in the page before the workbench: records when the editor first shows text and when a
 * decoration class made by `createTextEditorDecorationType` (monaco names them `ced-…`) first
 * appears in it, as `performance.now()` times since navigation.
 */
function observe() {
  const marks = { editor: null, decoration: null, origin: performance.timeOrigin };
  window.__marginaliaMarks = marks;
  const check = () => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (marks.editor === null && lines && lines.textContent.trim().length > 0) marks.editor = performance.now();
    if (marks.decoration === null && lines && document.querySelector('.editor-instance .monaco-editor [class*="ced-"]')) marks.decoration = performance.now();
    if (marks.decoration === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** VS Code's extension-host marks worth a line (the rest are steps of these). */
const VSCODE_MARKS = /extHost\/(ready|willLoadExtensionCode\/marginalia|willActivateExtension\/marginalia)|code\/timeOrigin/;

/** The marks of one run (epoch ms in the file) against the page's navigation start. */
function readTrace(traceFile, marks) {
  if (!existsSync(traceFile)) return [];
  const rows = readFileSync(traceFile, 'utf8').trim().split('\n').map((line) => {
    const at = line.indexOf(' ');
    return { ms: Number(line.slice(0, at)) - marks.origin, label: line.slice(at + 1) };
  });
  return rows.filter((r) => !r.label.startsWith('vscode ') || VSCODE_MARKS.test(r.label));
}

function timeline(rows, marks) {
  if (rows.length === 0) return ['    (no marks: did the extension host start with MARGINALIA_TRACE?)'];
  const all = [...rows, { ms: marks.editor, label: 'page: the editor shows text' }, { ms: marks.decoration, label: 'page: first decoration' }];
  return all.sort((a, b) => a.ms - b.ms).map((r) => `    ${r.ms.toFixed(0).padStart(6)} ms  ${r.label}`);
}

/** One fresh workbench: its own server, profile and browser context. */
async function oneRun(browser, trace) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-first-highlight-'));
  const workspace = prepareWorkspace(temp);
  const traceFile = path.join(temp, 'trace.log');
  // The extension's own marks are always kept: they split the wait into VS Code's and ours.
  const server = await startCodeServer({ workspace, tempDir: temp, env: { MARGINALIA_TRACE: traceFile } });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(observe);
    await gotoWorkbench(page, workbenchUrl({ authority: server.authority, workspace, openFile: GUIDE }));
    await page.waitForFunction(() => window.__marginaliaMarks?.decoration !== null, null, { timeout: 120_000, polling: 100 });
    const marks = await page.evaluate(() => window.__marginaliaMarks);
    return { marks, rows: readTrace(traceFile, marks) };
  } finally {
    await context.close();
    await server.stop();
    removeTemp(temp);
  }
}

export async function firstHighlight({ runs = 3, report, trace = false }) {
  const browser = await launchChromium();
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { marks, rows } = await oneRun(browser, trace);
      const loaded = rows.find((r) => r.label === 'bundle loaded')?.ms ?? null;
      results.push({ ...marks, loaded });
      const split = loaded === null ? '' : `; Marginalia's code loaded at ${loaded.toFixed(0)} ms`;
      console.log(`  run ${i + 1}: editor shows text at ${marks.editor.toFixed(0)} ms, first highlight at ${marks.decoration.toFixed(0)} ms (gap ${(marks.decoration - marks.editor).toFixed(0)} ms${split})`);
      if (trace) console.log(timeline(rows, marks).join('\n'));
    }
  } finally {
    await browser.close();
  }
  const middle = (values) => {
    const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
    return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
  };
  const gaps = results.map((m) => m.decoration - m.editor).sort((a, b) => a - b);
  const median = middle(gaps);
  // Before the bundle loads, the time is VS Code's (starting the extension host, reading the extensions); after it, ours.
  const vscodePart = middle(results.map((m) => (m.loaded === null ? null : m.loaded - m.editor)));
  const ownPart = middle(results.map((m) => (m.loaded === null ? null : m.decoration - m.loaded)));
  report?.(median, { vscodePart, ownPart });
  return { gaps, median, vscodePart, ownPart, results };
}

/** `--runs N` and `--trace` from a command line. */
export function firstHighlightOptions(argv) {
  const i = argv.indexOf('--runs');
  return { runs: i >= 0 ? Number(argv[i + 1]) : 3, trace: argv.includes('--trace') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { median, vscodePart, ownPart } = await firstHighlight(firstHighlightOptions(process.argv));
  console.log(`first highlight after the editor shows (median): ${median.toFixed(0)} ms (aim ≤ 1000 ms)`);
  if (vscodePart !== null) console.log(`  of which until Marginalia's code loads: ${vscodePart.toFixed(0)} ms; from then to the first highlight: ${ownPart.toFixed(0)} ms`);
}
