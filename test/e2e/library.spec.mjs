// The library in the real workbench: the evidence table for a target shared by the library's
// documents (test/fixtures/workspace/library/) opens from the command palette, sorts, filters and
// plots under its strict CSP; a row opens its source line. Screenshots go to media/.
import assert from 'node:assert/strict';
import { patience, test, waitUntil } from '../launch/e2e.mjs';

const paper = 'library/osp-itraconazole-pbpk-evaluation-report.md';

function collectCspViolations(page) {
  const violations = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|apply|execute)/i.test(text) && /evidence|marginalia|inline|eval/i.test(text)) violations.push(text);
  });
  return violations;
}


/** Opens the evidence table for `name` through "Marginalia: Show Evidence Table" (retried while the library is indexed). */
async function openEvidence(page, workbench, name) {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) });
  await waitUntil(async () => {
    await workbench.runCommand('Marginalia: Show Evidence Table');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: patience(5000) });
    await input.fill(name);
    try {
      await row.first().waitFor({ timeout: patience(3000) });
      return true;
    } catch {
      await page.keyboard.press('Escape');
      return false;
    }
  }, 120_000);
  await row.first().click();
  const evidence = workbench.webview(0);
  await evidence.locator('#evidence tbody tr').first().waitFor({ timeout: patience(30_000) });
  return evidence;
}

test('library: the evidence table of a shared target sorts, filters, plots and opens a row', async ({ page, workbench }) => {
  const violations = collectCspViolations(page);
  await workbench.open(paper);
  const evidence = await openEvidence(page, workbench, 'CYP3A4');
  const rows = evidence.locator('#evidence tbody tr');
  const total = await rows.count();
  assert.ok(total >= 6, `${total} records for CYP3A4`);
  const documents = await evidence.locator('#evidence tbody tr td:nth-child(7)').allInnerTexts();
  assert.ok(new Set(documents).size >= 2, `records from ${new Set(documents).size} documents`);
  // The plot: one dot per record with a pValue, each with its source as a tooltip.
  const dots = evidence.locator('#plot svg g[aria-label="dot"] circle');
  await dots.first().waitFor();
  assert.ok((await dots.count()) >= 6);
  assert.match(await dots.first().locator('title').textContent(), /line \d+/);
  // Sorting by pValue, descending on the second click.
  await evidence.locator('#evidence th button', { hasText: 'pValue' }).click();
  await evidence.locator('#evidence th button', { hasText: 'pValue' }).click();
  const pValues = (await evidence.locator('#evidence tbody tr td:nth-child(5)').allInnerTexts()).filter(Boolean).map(Number);
  assert.deepEqual(pValues, [...pValues].sort((a, b) => b - a));
  await workbench.screenshot('screenshot-evidence.png');
  await workbench.screenshot('screenshot-evidence-plot.png', { locator: evidence.locator('#plot') });
  // Filtering keeps the rows that match every word.
  await evidence.locator('#filter').fill('verapamil');
  await waitUntil(async () => (await rows.count()) < total && (await rows.count()) > 0, 10_000);
  assert.match(await evidence.locator('#counts').innerText(), new RegExp(`^\\d+ of ${total} records$`));
  await evidence.locator('#filter').fill('');
  // A row opens its document at the value's cell.
  await rows.first().click();
  await waitUntil(async () => /selected/.test(await page.locator('#status\\.editor\\.selection').innerText()), 20_000);
  assert.deepEqual(violations, [], 'no CSP violation while the evidence table and plot render');
}, { timeoutMs: 240_000 });

test('library: the Library view lists the documents and the entities across them', async ({ page, workbench }) => {
  await workbench.open(paper);
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Library/i }) });
  const header = view.locator('.pane-header');
  // A click on the container's tab while it is shown would hide it.
  if (!(await header.isVisible())) await page.locator('.activitybar').getByRole('tab', { name: /^Marginalia/ }).click();
  await header.waitFor({ timeout: patience(30_000) });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  // The tree draws only the rows in view: the documents are folded away first, so that the
  // entities' group and rows are drawn. A click toggles a group: each is clicked only in the state
  // it must leave. The entities' rows come as the index grows.
  const documents = view.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Documents' });
  const entities = view.locator('.monaco-list-row', { hasText: 'Entities across documents' });
  const fold = async (row, expanded) => {
    if ((await row.count()) > 0 && (await row.first().getAttribute('aria-expanded')) === String(!expanded)) await row.first().click();
  };
  const cyp3a4 = view.locator('.monaco-list-row', { hasText: 'CYP3A4' });
  await waitUntil(async () => {
    await fold(documents, false);
    await fold(entities, true);
    return (await cyp3a4.count()) > 0;
  }, 120_000);
  await workbench.screenshot('screenshot-library-view.png');
}, { timeoutMs: 240_000, continues: true });
