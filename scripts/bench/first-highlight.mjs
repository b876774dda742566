// `npm run bench -- --first-highlight`: how long a reader looks at a plain file. Drives the real
// workbench (code-server + Debian's Chromium, as the browser tests do), opens the sample guide,
// and measures, in the page, the time from the editor showing the document's text to the first
// Marginalia decoration in it. Each run loads a fresh window (a new extension host).
//   options: --runs N (default 3)
import { mkdtempSync } from 'node:fs';
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
  const marks = { editor: null, decoration: null };
  window.__marginaliaMarks = marks;
  const check = () => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (marks.editor === null && lines && lines.textContent.trim().length > 0) marks.editor = performance.now();
    if (marks.decoration === null && lines && document.querySelector('.editor-instance .monaco-editor [class*="ced-"]')) marks.decoration = performance.now();
    if (marks.decoration === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export async function firstHighlight({ runs = 3, report }) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-first-highlight-'));
  const workspace = prepareWorkspace(temp);
  const server = await startCodeServer({ workspace, tempDir: temp });
  const browser = await launchChromium();
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(observe);
      await gotoWorkbench(page, workbenchUrl({ authority: server.authority, workspace, openFile: GUIDE }));
      await page.waitForFunction(() => window.__marginaliaMarks?.decoration !== null, null, { timeout: 120_000, polling: 100 });
      const marks = await page.evaluate(() => window.__marginaliaMarks);
      results.push(marks);
      console.log(`  run ${i + 1}: editor shows text at ${marks.editor.toFixed(0)} ms, first highlight at ${marks.decoration.toFixed(0)} ms (gap ${(marks.decoration - marks.editor).toFixed(0)} ms)`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    removeTemp(temp);
  }
  const gaps = results.map((m) => m.decoration - m.editor).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  report?.(median);
  return { gaps, median, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--runs');
  const { median } = await firstHighlight({ runs: i > 0 ? Number(process.argv[i + 1]) : 3 });
  console.log(`first highlight after the editor shows (median): ${median.toFixed(0)} ms (aim ≤ 1000 ms)`);
}
