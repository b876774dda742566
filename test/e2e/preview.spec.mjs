// VS Code's own markdown preview in the real workbench: Marginalia's marks, hover cards (mouse and
// keyboard), a marker's link to its entry and the way back, refreshing after an edit, screenshots
// in the light and dark themes, and hostile documents (payloads as text, nothing runs).
import assert from 'node:assert/strict';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { patience, pwnedMarks, test } from '../launch/e2e.mjs';
import { projectRoot } from '../launch/session.mjs';

const guide = 'sigma1-receptor-nmda-ion-channels.md';
const CARD = '.marginalia-card:not([hidden])';

/**
 * Runs "Markdown: Open Preview to the Side" and returns the preview's frame. On a busy machine the
 * command palette can still list an earlier command when Enter is pressed: then it is run again.
 */
async function previewToSide(page, workbench) {
  for (let attempt = 1; ; attempt++) {
    await workbench.runCommand('Markdown: Open Preview to the Side');
    try {
      await page.locator('iframe.webview.ready').first().waitFor({ state: 'attached', timeout: patience(15_000) });
      return workbench.webview();
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens `file`, waits for its analysis, and opens the preview beside it; returns the preview's frame. */
async function openPreview(page, workbench, file = guide, ready = '.marginalia-mark') {
  await workbench.open(file);
  await page.locator('.statusbar-item', { hasText: /\d+ ligands? · \d+ targets? · \d+ citations?/ }).first().waitFor({ timeout: patience(60_000) });
  const preview = await previewToSide(page, workbench);
  await preview.locator(ready).first().waitFor({ timeout: patience(30_000) });
  // The preview script is loaded `async`: its card element appears on the first hover.
  await page.waitForTimeout(500);
  return preview;
}

/**
 * Moves the mouse onto `locator` (inside the preview's frame) and returns the card's text. The
 * preview and the editor scroll each other after a scroll: the mark is hovered once it stays put.
 */
async function hoverCard(page, preview, locator) {
  const card = preview.locator(CARD);
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(0, 0);
    await locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    let last = null;
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(150);
      const box = await locator.boundingBox();
      if (box && last && box.y === last.y && box.x === last.x) break;
      last = box;
    }
    // A mark broken over two lines is hovered on its first line.
    const position = await locator.evaluate((e) => {
      const box = e.getBoundingClientRect();
      const first = e.getClientRects()[0] ?? box;
      return { x: first.left - box.left + first.width / 2, y: first.top - box.top + first.height / 2 };
    });
    await locator.hover({ position });
    try {
      await card.waitFor({ timeout: patience(4_000) });
      return (await card.innerText()).replace(/\u00a0/g, ' ');
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Whether `selector`'s first element lies inside the preview's viewport, and whether it has the focus. */
function where(preview, selector) {
  return preview.locator('body').evaluate((body, s) => {
    const element = document.querySelector(s);
    if (!element) return { visible: false, focused: false };
    const rect = element.getBoundingClientRect();
    const holder = element.closest('.marginalia-entry') ?? element;
    return {
      visible: rect.bottom > 0 && rect.top < window.innerHeight,
      focused: holder.contains(document.activeElement) || document.activeElement === holder,
    };
  }, selector);
}

async function waitFor(condition, what, timeoutMs = 15_000) {
  const deadline = Date.now() + patience(timeoutMs);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('preview: a ligand and a marker show their cards in the page, a marker links to its entry and back', async ({ page, workbench }) => {
  const preview = await openPreview(page, workbench);
  const ligand = preview.locator('[data-marginalia-entity="ligand:plus-pentazocine"]').first();
  const ligandCard = await hoverCard(page, preview, ligand);
  assert.match(ligandCard, /\(\+\)-pentazocine — ligand · sigma-1 receptor agonist/);
  assert.match(ligandCard, /mentioned 3 times · 2 records/);
  assert.match(ligandCard, /NMDA receptor\t1 μM\tPotentiation \(\+56\.5 ± 4\.87%\)\tRat Hippocampal CA1 Pyramidal Cells\t\[4\] The sigma-1 receptor modulates…/);
  assert.match(ligandCard, /IC50 = 61 μM \(pIC50 4\.21\)\tInhibition\tRat Superior Cervical Ganglion Neurons\t\[21\] journals\.physiology\.org\ttable 1/);
  assert.equal(await preview.locator(`${CARD} table tbody tr`).count(), 2, 'the records are a table');

  const marker = preview.locator('a.marginalia-citation[href="#marginalia-ref-21"]').first();
  const markerId = await marker.getAttribute('id');
  const markerCard = await hoverCard(page, preview, marker);
  assert.match(markerCard, /^\[21\] journals\.physiology\.org \[journals\.physiology\.org\]\ncited 3 times\nGo to entry$/);

  // Follow the marker: the entry comes into view with the focus, its back link returns here.
  await marker.click();
  await waitFor(async () => (await where(preview, '#marginalia-ref-21')).visible, 'entry 21 is in view');
  assert.equal((await where(preview, '#marginalia-ref-21')).focused, true, 'entry 21 has the focus');
  assert.equal(await preview.locator(CARD).count(), 0, 'the card closed');
  const back = preview.locator('#marginalia-ref-21 a.marginalia-back');
  assert.equal(await back.getAttribute('href'), `#${markerId}`, 'the back link points at the marker followed');
  await back.click();
  await waitFor(async () => (await where(preview, `#${markerId}`)).visible, 'the marker is in view again');
  assert.equal((await where(preview, `#${markerId}`)).focused, true, 'the marker has the focus again');
});

test('preview: keyboard focus on a mark shows its card, Escape hides it; a grouped marker shows every entry', async ({ page, workbench }) => {
  const preview = await openPreview(page, workbench);
  const grouped = preview.locator('.marginalia-citation[data-marginalia-cites="4 10 16"]').first();
  await grouped.scrollIntoViewIfNeeded();
  await grouped.locator('a.marginalia-part').first().focus();
  const card = preview.locator(CARD);
  await card.waitFor({ timeout: patience(10_000) });
  const text = (await card.innerText()).replace(/\u00a0/g, ' ');
  assert.match(text, /^\[4\] The sigma-1 receptor modulates NMDA receptor synaptic transmission/);
  assert.match(text, /\[10\] .*\ncited 4 times · same work as \[4\]/);
  assert.equal(await card.locator('.marginalia-card-entry').count(), 3);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached', timeout: patience(5_000) }).catch(async () => assert.equal(await preview.locator(CARD).count(), 0));
  // Tab moves to the next mark, whose card opens.
  await page.keyboard.press('Tab');
  await preview.locator(CARD).waitFor({ timeout: patience(10_000) });
}, { continues: true });

test('preview: marks follow an edit of the document once it is analysed', async ({ page, workbench }) => {
  const preview = await openPreview(page, workbench, 'editor/citations.md');
  const before = await preview.locator('[data-marginalia-entity="ligand:clozapine"]').count();
  await workbench.focusEditor();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Clozapine and clozapine. ');
  await waitFor(async () => (await preview.locator('[data-marginalia-entity="ligand:clozapine"]').count()) === before + 2, 'the new mentions are marked in the preview', 30_000);
  await page.keyboard.press('Control+Z');
}, { continues: true });

test('preview: a preview opened before the analysis finished shows the marks once it has', async ({ page, workspace, workbench }) => {
  // About 1 MB: analysed in a worker for seconds, rendered by the preview sooner, most times. On a
  // loaded machine the analysis can still win the race: then the case did not happen, and it is
  // tried again with a new file (nothing of the first one is cached for it).
  const paragraphs = [];
  for (let i = 1, size = 0; size < 1_000_000; i++) {
    const paragraph = `Compound ${i} and haloperidol inhibit the channel [1] at ${i % 97} μM (IC50 = ${i % 89} nM).[2]\n\n`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  const text = `${paragraphs.join('')}References\n\n1. Smith J. Title. J Pharm. 2019.\n2. Doe A. Title. 2020.\n`;
  for (let attempt = 1; ; attempt++) {
    const file = `large-preview-${attempt}.md`;
    writeFileSync(path.join(workspace, file), text);
    await workbench.open(file, { analysed: false });
    const preview = await previewToSide(page, workbench);
    await preview.locator('.markdown-body p').first().waitFor({ timeout: patience(60_000) });
    const first = await preview.locator('.marginalia-mark').count();
    if (first > 0 && attempt < 3) continue;
    assert.equal(first, 0, 'the preview rendered before the analysis was there');
    await preview.locator('.marginalia-mark').first().waitFor({ timeout: patience(90_000) });
    assert.ok((await preview.locator('[data-marginalia-entity="ligand:haloperidol"]').count()) > 1000, 'then every mention is marked');
    return;
  }
}, { timeoutMs: 400_000 });

test('preview: screenshots with a card open, in the light and the dark theme', async ({ page, workbench }) => {
  for (const [theme, file, bodyClass] of [
    ['Default Light Modern', 'screenshot-preview-light.png', 'vscode-light'],
    ['Default Dark Modern', 'screenshot-preview-dark.png', 'vscode-dark'],
  ]) {
    const preview = await openPreview(page, workbench);
    await workbench.setColorTheme(theme);
    // More room for the preview: the side bar closed.
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');
    await preview.locator(`body.${bodyClass}`).waitFor({ timeout: patience(15_000) });
    // The marks use the theme's Marginalia colours, as the editor's highlights do.
    const background = await preview.locator('.marginalia-ligand').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'ligands have the theme background');
    await hoverCard(page, preview, preview.locator('[data-marginalia-entity="ligand:plus-pentazocine"]').nth(1));
    await page.waitForTimeout(400);
    await workbench.screenshot(file);
  }
}, { timeoutMs: 180_000 });

// ---- Hostile documents -------------------------------------------------------------------------

/** Dialogs opened by any frame, and `window.pwned` or a title set by a payload in any frame. */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  return dialogs;
}

/** The card's text, with no element in it but the card's own. */
async function inertCard(preview) {
  const card = preview.locator(CARD);
  const tags = await card.locator('*').evaluateAll((elements) => elements.map((e) => e.tagName.toLowerCase()));
  assert.deepEqual([...new Set(tags)].filter((t) => !['div', 'section', 'strong', 'em', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t)), [], 'only the card\'s own elements');
  const attributes = await card.locator('*').evaluateAll((elements) => elements.flatMap((e) => [...e.attributes].map((a) => a.name)));
  assert.deepEqual([...new Set(attributes)].filter((a) => !['class', 'href'].includes(a)), [], 'only classes and links');
  return card.innerText();
}

/** What the preview's own Content-Security-Policy says: the default strict one, untouched. */
async function csp(preview) {
  return preview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

test('preview: hostile documents show their payloads as text in the cards, no element of ours is made from them, nothing runs', async ({ page, workspace, workbench }) => {
  // The hostile corpus joins the workspace for this test.
  const hostile = path.join(workspace, 'hostile');
  cpSync(path.join(projectRoot, 'test/fixtures/hostile'), hostile, { recursive: true });
  const dialogs = watchDialogs(page);
  const cases = [
    ['panel/hostile.md', '[data-marginalia-cites="1"]', '<img src=x onerror="document.title=\'pwned\'"> Title with markup <b>bold</b>. Journal of Tests. 2020.'],
    ['editor/hostile.md', '[data-marginalia-cites="1"]', 'Evil [run me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** `code` | pipe | $(zap) &amp; ![x](https://example.com/x.png)'],
    ['hostile/script-payloads.md', '[data-marginalia-cites="1"]', "Smith J. <script>alert('reference-title')</script> Channel pharmacology. J Pharm. 2019. doi:10.1000/xyz1"],
    ['hostile/command-links.md', '[data-marginalia-cites="3"]', 'Roe B. Title <command:workbench.extensions.installExtension?%22evil.ext%22>. Neuron. 2018.'],
  ];
  assert.deepEqual(readdirSync(hostile).filter((f) => f.endsWith('.md')).sort(), ['command-links.md', 'line-endings.md', 'script-payloads.md', 'unclosed.md']);
  for (const [file, markSelector, payload] of cases) {
    const preview = await openPreview(page, workbench, file, markSelector);
    assert.match(await csp(preview), /^default-src 'none'; .*script-src 'nonce-[^']+';/, `${file}: the preview's strict security`);
    await hoverCard(page, preview, preview.locator(markSelector).first());
    assert.ok((await inertCard(preview)).includes(payload), `${file}: the card shows the payload as text`);
    // Marginalia's elements carry only its own attributes, whatever the document holds.
    const ours = await preview.locator('.marginalia-mark, .marginalia-entry, .marginalia-back, #marginalia-preview-data').evaluateAll((elements) =>
      elements.flatMap((e) => [...e.attributes].map((a) => a.name)));
    assert.deepEqual([...new Set(ours)].filter((a) => !['class', 'id', 'href', 'tabindex', 'title', 'aria-label', 'aria-describedby', 'hidden', 'data-marginalia-entity', 'data-marginalia-cites', 'data-marginalia-entry', 'data-marginalia-cards'].includes(a)), [], `${file}: attributes`);
    const commandLinks = await preview.locator('.marginalia-mark a[href^="command:"], a.marginalia-mark[href^="command:"], .marginalia-card a[href^="command:"]').count();
    assert.equal(commandLinks, 0, `${file}: no command link of ours`);
    await page.waitForTimeout(500);
  }
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(await pwnedMarks(page), [], 'no injected script ran');
}, { timeoutMs: 240_000 });
