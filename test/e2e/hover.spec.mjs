// Hovering a ligand in the real workbench shows its card, with the records the document reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { patience, test } from '../launch/e2e.mjs';

const guide = 'sigma1-receptor-nmda-ion-channels.md';

/**
 * Opens the guide and waits until Marginalia has analysed it (its counts are in the status bar):
 * a hover computed before the extension is active stays empty until the mouse moves again.
 */
async function openAnalysedGuide(page, workbench) {
  await workbench.open(guide);
  await page.locator('.statusbar-item', { hasText: /\d+ ligands? · \d+ targets? · \d+ citations?/ }).first().waitFor({ timeout: patience(60_000) });
}

test('hovering a ligand shows its records in the hover card, and a screenshot is saved', async ({ page, workbench }) => {
  await openAnalysedGuide(page, workbench);
  const text = (await workbench.hover('(+)-Pentazocine')).replace(/\u00a0/g, ' ');
  assert.match(text, /\(\+\)-pentazocine — ligand · sigma-1 receptor agonist/);
  assert.match(text, /mentioned 3 times · 2 records/);
  assert.match(text, /Potentiation \(\+56\.5 ± 4\.87%\)/);
  assert.match(text, /IC50 = 61 μM/);
  assert.match(text, /\[21\] journals\.physiology\.org/);
  // The table is rendered as a table, not as pipes.
  assert.equal(await page.locator('.monaco-hover:not(.hidden) table').count() > 0, true, 'the records are a table');
  await workbench.screenshot('screenshot-hover.png');
});

test('hovering a citation marker shows its entry, and its "Go to entry" link selects the entry', async ({ page, workbench, workspace }) => {
  await openAnalysedGuide(page, workbench);
  const text = (await workbench.hover('[21]', 2)).replace(/\u00a0/g, ' ');
  assert.match(text, /\[21\] journals\.physiology\.org \[journals\.physiology\.org\]/);
  assert.match(text, /cited 3 times/);
  const links = page.locator('.monaco-hover:not(.hidden) a');
  const labels = await links.allInnerTexts();
  assert.ok(labels.includes('Show in side panel') && labels.includes('Go to entry'), labels.join(', '));
  // The command link runs (it is one of the two enabled commands) and selects the entry's number.
  await links.filter({ hasText: 'Go to entry' }).first().click();
  const lines = readFileSync(path.join(workspace, guide), 'utf8').split(/\r?\n/);
  const entryLine = lines.findIndex((line) => line.startsWith('- 21. ')) + 1;
  await page.locator('.statusbar-item', { hasText: `Ln ${entryLine}, Col 5 (2 selected)` }).first().waitFor({ timeout: patience(10_000) });
}, { continues: true });
