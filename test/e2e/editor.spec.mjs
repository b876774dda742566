// The sample guide opens in the real workbench, with the extension loaded, and is readable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '../launch/e2e.mjs';

const guide = 'sigma1-receptor-nmda-ion-channels.md';

test('opens the sample guide in the editor and takes a screenshot', async ({ page, workspace, workbench }) => {
  await workbench.open(guide);
  const firstTextLine = readFileSync(path.join(workspace, guide), 'utf8').split('\n').find((line) => line.trim() !== '');
  const shown = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
  // Monaco renders spaces as non-breaking spaces.
  assert.ok(shown.replace(/\u00a0/g, ' ').includes(firstTextLine.trim()), 'the editor shows the start of the guide');
  await workbench.screenshot('screenshot-editor.png');
});
