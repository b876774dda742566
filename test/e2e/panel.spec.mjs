// The side panel in the real workbench: it lists the sample guide's references, jumps to an
// entry, follows the cursor onto a citation marker, filters, and renders under its strict CSP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { patience, test, waitUntil, widenSideBar } from '../launch/e2e.mjs';

const guide = 'sigma1-receptor-nmda-ion-channels.md';

/** 1-based line of the first line of the guide that starts with `prefix`. */
function lineStartingWith(workspace, prefix) {
  const lines = readFileSync(path.join(workspace, guide), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `the guide has a line starting with "${prefix}"`);
  return index + 1;
}

/** Opens the guide and the panel; returns the panel's frame once it lists the references. */
async function openPanel(workbench, file = guide, ready = 'ol.references li.reference') {
  await workbench.open(file);
  return workbench.showPanel(ready);
}

/** The editor's cursor line from the status bar ("Ln 196, Col 3 (49 selected)"). */
async function cursorLine(page) {
  const item = page.locator('#status\\.editor\\.selection');
  await item.waitFor();
  const match = /Ln (\d+), Col (\d+)/.exec(await item.innerText());
  assert.ok(match, 'the status bar shows the cursor position');
  return Number(match[1]);
}

/** Collects the Content-Security-Policy complaints Chromium prints for any frame of the page. */
function collectCspViolations(page) {
  const violations = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|apply|execute)/i.test(text) && /panel\.css|main\.js|codicon|marginalia|inline/i.test(text)) {
      violations.push(text);
    }
  });
  return violations;
}

test('panel: clicking reference 21 selects its entry in the editor', async ({ page, workspace, workbench }) => {
  const violations = collectCspViolations(page);
  const panel = await openPanel(workbench);
  const entryLine = lineStartingWith(workspace, '- 21.');
  await panel.locator('#ref-21 button.number').click();
  await assert.doesNotReject(waitUntil(async () => (await cursorLine(page)) === entryLine, 20_000));
  const status = await page.locator('#status\\.editor\\.selection').innerText();
  assert.match(status, /selected/, 'the whole entry is selected');
  assert.deepEqual(violations, [], 'no CSP violation while the panel renders');
});

test('panel: the cursor on a [12] marker highlights reference 12', async ({ workbench }) => {
  const panel = await openPanel(workbench);
  await workbench.reveal('[12]');
  const entry = panel.locator('#ref-12');
  await assert.doesNotReject(waitUntil(async () => (await entry.getAttribute('class'))?.includes('highlighted') ?? false, 20_000));
  assert.equal(await entry.getAttribute('aria-current'), 'true');
  const highlighted = await panel.locator('li.reference.highlighted').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-number'))));
  assert.deepEqual(highlighted, [12], 'only the reference under the cursor is highlighted');
  assert.ok(await entry.isVisible(), 'the panel scrolled reference 12 into view');
}, { continues: true });

test('panel: clicking a citing sentence of reference 12 selects its marker in the editor', async ({ page, workspace, workbench }) => {
  const panel = await openPanel(workbench);
  await panel.locator('#ref-12 button.expander').click();
  const first = panel.locator('#citing-12 .citing').first();
  await first.waitFor();
  const line = Number(/line (\d+)/.exec(await first.innerText())?.[1]);
  const text = readFileSync(path.join(workspace, guide), 'utf8').split('\n')[line - 1] ?? '';
  assert.ok(text.includes('[12]'), `line ${line} holds a [12] marker`);
  await first.click();
  await assert.doesNotReject(waitUntil(async () => (await cursorLine(page)) === line, 20_000));
  await page.waitForTimeout(500);
  // The panel made that selection itself: it must not jump to another reference of the marker.
  assert.equal(await panel.locator('li.reference.highlighted').count(), 0);
  assert.ok(await first.isVisible());
});

test('panel: filtering by "Frontiers" leaves entries 1, 3, 5 and 14', async ({ workbench }) => {
  const panel = await openPanel(workbench);
  await panel.locator('vscode-textfield.filter input').fill('Frontiers');
  const shown = panel.locator('ol.references li.reference');
  await assert.doesNotReject(waitUntil(async () => (await shown.count()) === 4, 20_000));
  const numbers = await shown.evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-number'))));
  assert.deepEqual(numbers, [1, 3, 5, 14]);
});

test('panel: hiding and showing the view keeps the filter and the expanded entry, with a new nonce', async ({ page, workbench }) => {
  let panel = await openPanel(workbench);
  const firstNonce = await panel.locator('script[nonce]').getAttribute('nonce');
  await panel.locator('vscode-textfield.filter input').fill('Frontiers');
  await panel.locator('#ref-3 button.expander').click();
  await panel.locator('#citing-3 .citing').first().waitFor();
  await page.keyboard.press('Control+Shift+E'); // the Explorer replaces the panel in the side bar
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: patience(10_000) });
  panel = await workbench.showPanel('#citing-3 .citing');
  assert.equal(await panel.locator('vscode-textfield.filter').evaluate((field) => field.value), 'Frontiers');
  const numbers = await panel.locator('ol.references li.reference').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-number'))));
  assert.deepEqual(numbers, [1, 3, 5, 14]);
  const secondNonce = await panel.locator('script[nonce]').getAttribute('nonce');
  assert.match(secondNonce ?? '', /^[0-9a-f]{36}$/);
  assert.notEqual(secondNonce, firstNonce, 'every load of the page has its own nonce');
}, { continues: true });

test('panel: the data list sorts by molar value and a row click selects its source row', async ({ page, workspace, workbench }) => {
  const panel = await openPanel(workbench);
  await panel.locator('vscode-tab-header[data-tab="data"]').click();
  // One compact row per record (the side bar is narrow); the molar value sorts without being shown.
  const rows = panel.locator('ol.records li.record');
  await rows.first().waitFor();
  await panel.locator('select.sort-select').selectOption('molar');
  const values = (await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-molar')))).filter(Boolean).map(Number);
  assert.ok(values.length > 1, 'some records have a molar value');
  assert.deepEqual(values, [...values].sort((a, b) => a - b), 'ascending molar values');
  await panel.getByRole('button', { name: /^Sorted ascending/ }).click();
  const descending = (await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-molar')))).filter(Boolean).map(Number);
  assert.deepEqual(descending, [...values].sort((a, b) => b - a), 'the direction button reverses the order');
  const main = rows.first().locator('button.record-main');
  const label = await main.getAttribute('aria-label');
  const line = Number(/line (\d+)/.exec(label ?? '')?.[1]);
  await main.click();
  await assert.doesNotReject(waitUntil(async () => (await cursorLine(page)) === line, 20_000));
  assert.ok(readFileSync(path.join(workspace, guide), 'utf8').split('\n')[line - 1]?.trim(), 'the row is a line of the guide');
});

test('panel: clicking an entity steps through its mentions', async ({ page, workbench }) => {
  const panel = await openPanel(workbench);
  await panel.locator('vscode-tab-header[data-tab="entities"]').click();
  const entity = panel.locator('.entity-name').first();
  await entity.waitFor();
  await entity.click();
  const status = page.locator('.statusbar-item', { hasText: /mention 1 of \d+/ });
  await status.first().waitFor({ timeout: patience(20_000) });
  const firstLine = await cursorLine(page);
  await entity.click();
  await page.locator('.statusbar-item', { hasText: /mention 2 of \d+/ }).first().waitFor({ timeout: patience(20_000) });
  assert.ok((await cursorLine(page)) >= firstLine, 'the second mention comes after the first');
});

test('panel: keyboard only, Tab reaches a reference number and Enter jumps to its entry', async ({ page, workspace, workbench }) => {
  const panel = await openPanel(workbench);
  await panel.locator('vscode-textfield.filter input').fill('21');
  await waitUntil(async () => (await panel.locator('ol.references li.reference').count()) >= 1, 10_000);
  await panel.locator('vscode-textfield.filter input').focus();
  // Filter → Export → first entry's expander → its number.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await panel.locator(':focus').evaluate((el) => `${el.className} ${el.textContent?.trim()}`);
  assert.match(focused, /^number \d+$/, `focus is on a reference number (${focused})`);
  const number = Number(focused.split(' ')[1]);
  await page.keyboard.press('Enter');
  const entryLine = lineStartingWith(workspace, `- ${number}.`);
  await assert.doesNotReject(waitUntil(async () => (await cursorLine(page)) === entryLine, 20_000));
});

test('panel: markup in the document is shown as text, never run', async ({ page, workbench }) => {
  const panel = await openPanel(workbench, 'panel/hostile.md', '#ref-1 .title');
  const first = panel.locator('#ref-1 .title');
  assert.equal(await first.innerText(), 'Title with markup bold');
  assert.match(await panel.locator('#ref-1 .reference-body').getAttribute('title'), /^<img src=x onerror=/);
  assert.equal(await panel.locator('main img, main svg, main script, main b').count(), 0, 'no element made from document text');
  await panel.locator('#ref-2 button.expander').click();
  const sentence = panel.locator('#citing-2 .sentence').first();
  await sentence.waitFor();
  assert.match(await sentence.innerText(), /<script>/);
  assert.notEqual(await page.title(), 'pwned');
});

test('panel: screenshots in the dark and the light theme', async ({ page, workbench }) => {
  for (const [theme, file] of [
    ['Default Dark Modern', 'screenshot-panel-dark.png'],
    ['Default Light Modern', 'screenshot-panel-light.png'],
  ]) {
    const panel = await openPanel(workbench);
    // Out of the panel's webview first: its taking the focus back closes the palette as it opens.
    await workbench.focusEditor();
    await workbench.setColorTheme(theme);
    await widenSideBar(page, 520);
    await workbench.reveal('[12]');
    await panel.locator('#ref-12.highlighted').waitFor({ timeout: patience(10_000) });
    const expander = panel.locator('#ref-12 button.expander');
    if ((await panel.locator('#citing-12 .citing').count()) === 0) await expander.click();
    await panel.locator('#citing-12 .citing').first().waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await workbench.screenshot(file);
  }
}, { timeoutMs: 180_000 });
