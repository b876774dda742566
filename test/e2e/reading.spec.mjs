// What a new reader sees at the workbench's default layout: the side panel's Data and Entities
// tabs fit the default side-bar width (no horizontal scrolling, no blank row, counts in view),
// and the editor's highlights in the light, dark and high-contrast themes. Screenshots go to media/.
import assert from 'node:assert/strict';
import { patience, test } from '../launch/e2e.mjs';

const guide = 'sigma1-receptor-nmda-ion-channels.md';

/** Whether an element of the panel scrolls sideways (its content wider than its box). */
function scrollsSideways(locator) {
  return locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
}

test('panel at the default side-bar width: every record is one compact row with its names and key figure, details on expand', async ({ page, workbench }) => {
  await workbench.open(guide);
  const panel = await workbench.showPanel('ol.references li.reference');
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  assert.ok(sideBar && sideBar.width < 400, `the side bar has its default width (${sideBar?.width} px)`);
  await panel.locator('vscode-tab-header[data-tab="data"]').click();
  const rows = panel.locator('ol.records li.record');
  await rows.first().waitFor();
  assert.equal(await scrollsSideways(panel.locator('vscode-tab-panel[data-tab="data"]')), false, 'the Data tab needs no horizontal scrolling');
  const names = await panel.locator('ol.records .record-names').evaluateAll((items) => items.map((item) => item.textContent.trim()));
  assert.ok(names.length > 5, `the guide has records (${names.length})`);
  assert.deepEqual(names.filter((name) => name === ''), [], 'no row is blank');
  assert.ok(names.every((name) => !/[\^{}$]/.test(name)), `names read as text, not markup: ${names.filter((n) => /[\^{}$]/.test(n)).join(', ')}`);
  // Each row's figure is inside the row, not cut off at the panel's edge.
  const outside = await rows.evaluateAll((items) =>
    items.filter((item) => {
      const figure = item.querySelector('.record-figure');
      return figure && figure.getBoundingClientRect().right > item.getBoundingClientRect().right + 1;
    }).length,
  );
  assert.equal(outside, 0, 'every key figure is in view');

  // Sorting and the filter stay.
  await panel.locator('select.sort-select').selectOption('molar');
  const molar = (await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-molar')))).filter(Boolean).map(Number);
  assert.deepEqual(molar, [...molar].sort((a, b) => a - b), 'ascending molar values');
  const first = (await panel.locator('ol.records .record-names').first().textContent()).trim().split(' · ')[0];
  await panel.locator('vscode-textfield.record-filter input').fill(first);
  await page.waitForTimeout(300);
  const filtered = await panel.locator('ol.records .record-names').evaluateAll((items) => items.map((item) => item.textContent));
  assert.ok(filtered.length >= 1 && filtered.length < names.length, `the filter narrows the list (${filtered.length} of ${names.length})`);
  await panel.locator('vscode-textfield.record-filter input').fill('');

  await rows.first().locator('button.expander').click();
  const details = panel.locator('ol.records li.record').first().locator('dl.record-details');
  await details.waitFor();
  const fields = await details.locator('dt').evaluateAll((items) => items.map((item) => item.textContent));
  assert.ok(fields.includes('Molar') && fields.includes('From') && fields.includes('Line'), `the details hold every field (${fields.join(', ')})`);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await workbench.screenshot('screenshot-panel-data.png');
}, { timeoutMs: 150_000 });

test('panel at the default side-bar width: long entity names are cut with a tooltip, counts and arrows stay in view', async ({ page, workbench }) => {
  await workbench.open(guide);
  const panel = await workbench.showPanel('ol.references li.reference');
  await panel.locator('vscode-tab-header[data-tab="entities"]').click();
  const rows = panel.locator('.entity-row');
  await rows.first().waitFor();
  assert.equal(await scrollsSideways(panel.locator('vscode-tab-panel[data-tab="entities"]')), false, 'the Entities tab needs no horizontal scrolling');
  const hidden = await rows.evaluateAll((items) =>
    items
      .filter((row) => {
        const right = row.getBoundingClientRect().right + 1;
        const badge = row.querySelector('vscode-badge');
        const step = row.querySelector('.step');
        return !badge || badge.getBoundingClientRect().right > right || !step || step.getBoundingClientRect().right > right;
      })
      .map((row) => row.querySelector('.entity-name')?.textContent),
  );
  assert.deepEqual(hidden, [], 'every count and pair of arrows is in view');
  const tooltips = await panel.locator('.entity-name').evaluateAll((items) => items.every((item) => item.getAttribute('title') === item.textContent));
  assert.ok(tooltips, 'each name has its whole text as a tooltip');
  await page.mouse.move(0, 0);
  await workbench.screenshot('screenshot-panel-entities.png');
}, { timeoutMs: 120_000 });

test('editor: the subtle highlights in the light, dark and high-contrast themes (screenshots)', async ({ page, workbench }) => {
  await workbench.open(guide);
  await workbench.reveal('Quantitative Data Summary');
  for (const [theme, file] of [
    ['Default Light Modern', 'screenshot-editor-light.png'],
    ['Dark High Contrast', 'screenshot-editor-high-contrast.png'],
    ['Default Dark Modern', 'screenshot-editor-dark.png'],
  ]) {
    await workbench.setColorTheme(theme);
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(800);
    // The decorations are drawn:
    // solid and dashed underlines, none with a tint.
    // Monaco paints border decorations as overlay boxes (`.cdr`) under the text.
    const underlines = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.editor-instance .view-overlays .cdr')]
          .map((mark) => getComputedStyle(mark))
          .filter((style) => parseFloat(style.borderBottomWidth) > 0 && style.borderBottomStyle !== 'none' && parseFloat(style.borderTopWidth) === 0)
          .map((style) => [style.borderBottomStyle, style.backgroundColor === 'rgba(0, 0, 0, 0)' || style.backgroundColor === 'transparent']),
      );
    let lines = [];
    for (let waited = 0; waited < 30_000 && !(lines.some(([style]) => style === 'dashed') && lines.some(([style]) => style === 'solid')); waited += 500) {
      lines = await underlines();
      await page.waitForTimeout(500);
    }
    assert.ok(lines.some(([style]) => style === 'solid') && lines.some(([style]) => style === 'dashed'), `${theme}: ligands and targets are underlined (${lines.length} marks)`);
    assert.ok(lines.every(([, clear]) => clear), `${theme}: no entity has a tinted background`);
    await workbench.screenshot(file);
  }
}, { timeoutMs: 150_000 });

test('panel: the Data tab opens every field as a wide table in the editor area, sortable, rows go to their source', async ({ page, workbench }) => {
  await workbench.open(guide);
  const panel = await workbench.showPanel('ol.references li.reference');
  await panel.locator('vscode-tab-header[data-tab="data"]').click();
  await panel.locator('ol.records li.record').first().waitFor();
  await panel.locator('vscode-button[aria-label="Open as a table in the editor"]').click();
  await page.locator('.tabs-container .tab[aria-label^="Data: sigma1"]').first().waitFor({ timeout: patience(30_000) });
  // The wide table is the second webview on the page (the side panel is the first).
  let table;
  for (let waited = 0; waited < 30_000 && !table; waited += 500) {
    for (let i = 0; i < (await page.locator('iframe.webview.ready').count()); i++) {
      const frame = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe');
      if ((await frame.locator('table.records').count()) > 0) table = frame;
    }
    if (!table) await page.waitForTimeout(500);
  }
  assert.ok(table, 'a webview in the editor area shows the records table');
  const headers = await table.locator('table.records th').evaluateAll((cells) => cells.map((cell) => cell.textContent.trim()));
  assert.deepEqual(headers, ['Ligand', 'Target', 'Measure', 'Value', 'pValue', 'Molar', 'Effect', 'Context', 'Refs', 'From']);
  await table.getByRole('button', { name: 'Sort by Molar' }).click();
  assert.equal(await table.locator('th[aria-sort="ascending"]').innerText(), 'Molar');
  const blank = await table.locator('table.records tbody tr').evaluateAll((rows) => rows.filter((row) => !row.textContent.trim()).length);
  assert.equal(blank, 0, 'no blank row');
  await page.mouse.move(0, 0);
  await workbench.screenshot('screenshot-data-table.png');
}, { timeoutMs: 120_000 });
