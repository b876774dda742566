// The reader's annotations in the real workbench: a passage of the sample guide highlighted with
// "Marginalia: Highlight" (colour from the picker), a note written in a comment thread with
// "Marginalia: Add Note", both listed in the side panel's Annotations tab; screenshots of each.
import assert from 'node:assert/strict';
import { patience, test, widenSideBar } from '../launch/e2e.mjs';

const guide = 'sigma1-receptor-nmda-ion-channels.md';
const highlighted = 'S1R dissociates from BiP and can translocate to other cellular compartments';
const noted = 'Activation of S1R generally leads to a potentiation of NMDAR function';

/** Picks a row of the open quick pick by typing its label. */
async function pick(page, label) {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.waitFor({ timeout: patience(10_000) });
  await page.locator('.quick-input-widget input').fill(label);
  await page.keyboard.press('Enter');
}

/** Selects `text` in the focused editor with the find widget (no click: the editor may be scrolled anywhere). */
async function selectInEditor(page, text) {
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const input = page.locator('.find-widget textarea, .find-widget input').first();
  await input.waitFor();
  await input.fill(text);
  await page.locator('.monaco-editor .currentFindMatch:visible').first().waitFor({ timeout: patience(10_000) });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
}

test('annotations: a green highlight and a note show in the editor and in the Annotations tab', async ({ page, workbench }) => {
  await workbench.open(guide);
  // The commands show in the palette once Marginalia reads the guide (its status bar item says so).
  await page.locator('.statusbar-item', { hasText: /\d+ ligands/ }).first().waitFor({ timeout: patience(60_000) });
  await workbench.reveal(highlighted);
  await workbench.runCommand('Marginalia: Highlight');
  await pick(page, 'Green');
  // The highlight is painted in the contributed colour (Zotero's green, #5fb236, at 30% in the dark theme).
  await page.waitForFunction(
    () => [...document.querySelectorAll('.monaco-editor .view-overlays div, .monaco-editor .view-lines span')].some((el) => /rgba\(95, 178, 54/.test(getComputedStyle(el).backgroundColor)),
    undefined,
    { timeout: patience(15_000) },
  );

  await selectInEditor(page, noted);
  await workbench.runCommand('Marginalia: Add Note');
  const form = page.locator('.review-widget .comment-form').first();
  await form.waitFor({ timeout: patience(15_000) });
  // The collapsed form expands into an editor for the note when clicked.
  await form.click();
  await form.locator('.monaco-editor').first().waitFor({ timeout: patience(10_000) });
  await form.locator('.monaco-editor').first().click();
  await page.keyboard.type('Which **NMDAR** subunits does this hold for?');
  await page.locator('.review-widget').getByRole('button', { name: 'Save Note' }).first().click();
  await page.locator('.review-widget .review-comment-contents', { hasText: 'Which NMDAR subunits does this hold for?' }).first().waitFor({ timeout: patience(15_000) });
  await workbench.screenshot('screenshot-annotations-editor.png');

  const panel = await workbench.showPanel('vscode-tab-header[data-tab="annotations"]');
  await widenSideBar(page, 560);
  await panel.locator('vscode-tab-header[data-tab="annotations"]').click();
  const items = panel.locator('ol.annotations li.annotation');
  await items.nth(1).waitFor({ timeout: patience(15_000) });
  const listed = await items.evaluateAll((all) => all.map((li) => [li.getAttribute('data-colour'), li.querySelector('.quote')?.textContent]));
  assert.deepEqual(listed, [
    ['green', highlighted],
    ['yellow', noted],
  ]);
  assert.match(await items.nth(1).innerText(), /Which \*\*NMDAR\*\* subunits/);

  // Filtering by colour leaves the green one.
  await panel.locator('.colour-filter button[aria-label="Only green"]').click();
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && (await items.count()) !== 1; i++) await page.waitForTimeout(200);
    assert.equal(await items.count(), 1);
  });
  await panel.locator('.colour-filter button.link').click();
  await items.nth(1).waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await workbench.screenshot('screenshot-annotations-panel.png');
}, { timeoutMs: 180_000 });
