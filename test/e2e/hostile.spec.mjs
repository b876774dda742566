// Hostile documents in the real workbench: their markup shows as text in the panel and the hover,
// runs nothing, opens no dialog and reaches no remote host.
import assert from 'node:assert/strict';
import { pwnedMarks, test } from '../launch/e2e.mjs';

const localHosts = new Set(['127.0.0.1', 'localhost']);
/**
 * Hosts that never carry document content: webview resources are answered by the webview's own
 * service worker from code-server, and the workbench asks its extension gallery on its own.
 */
const workbenchHosts = [/\.vscode-resource\.vscode-cdn\.net$/];

/** Records dialogs and requests to any host other than the local code-server, from every frame. */
function watchForEscapes(page) {
  const escapes = { dialogs: [], remote: [] };
  page.on('dialog', (dialog) => { escapes.dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && !localHosts.has(url.hostname)
      && !workbenchHosts.some((host) => host.test(url.hostname))) escapes.remote.push(request.url());
  });
  return escapes;
}

/** Asserts the visible hover shows `payload` as text and holds no element or foreign command made from it. */
async function assertInertHover(page, payload) {
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  assert.ok((await hover.innerText()).includes(payload), `the hover shows "${payload}" literally`);
  assert.equal(await hover.locator('img, script, svg:not(.codicon)').count(), 0, 'no element made from document text');
  const commands = await hover.locator('a[href^="command:"], a[data-href^="command:"]').evaluateAll((links) =>
    links.map((link) => link.getAttribute('data-href') || link.getAttribute('href')));
  assert.deepEqual(commands.filter((href) => !href.startsWith('command:marginalia.')), [], 'only Marginalia commands');
}

test('hostile: panel/hostile.md shows its markup as text in the panel and the hover, and nothing runs', async ({ page, workbench }) => {
  const escapes = watchForEscapes(page);
  await workbench.open('panel/hostile.md');
  const panel = await workbench.showPanel('#ref-1 .title');
  // The title is read without the tags; the entry as written, payload included, stays text in its tooltip.
  assert.equal(await panel.locator('#ref-1 .title').innerText(), 'Title with markup bold');
  assert.match(await panel.locator('#ref-1 .reference-body').getAttribute('title'), /^<img src=x onerror="document\.title='pwned'"> Title with markup <b>bold<\/b>\./);
  assert.match(await panel.locator('#ref-2 .reference-body').getAttribute('title'), /^"><svg onload=alert\(1\)> Second entry\./);
  assert.equal(await panel.locator('main img, main svg:not(.codicon), main script, main b').count(), 0);
  await workbench.hover('[1]');
  await assertInertHover(page, '<img src=x onerror="document.title=\'pwned\'">');
  await page.waitForTimeout(1_000);
  assert.deepEqual(escapes.dialogs, [], 'no dialog opened');
  assert.deepEqual(escapes.remote, [], 'no request left for a remote host');
  assert.deepEqual(await pwnedMarks(page), [], 'no injected script ran');
  assert.match(await page.title(), /^\[Extension Development Host\] hostile\.md - /, 'the title is the workbench\'s own');
});

test('hostile: editor/hostile.md keeps its command link and remote image inert in the hover', async ({ page, workbench }) => {
  const escapes = watchForEscapes(page);
  await workbench.open('editor/hostile.md');
  await workbench.showPanel('#ref-1 .title');
  await workbench.hover('[1]');
  await assertInertHover(page, '[run me](command:workbench.action.terminal.new)');
  await assertInertHover(page, '![x](https://example.com/x.png)');
  await page.waitForTimeout(1_000);
  assert.deepEqual(escapes.dialogs, [], 'no dialog opened');
  assert.deepEqual(escapes.remote, [], 'no request left for a remote host');
  assert.deepEqual(await pwnedMarks(page), [], 'no injected script ran');
  assert.match(await page.title(), /^\[Extension Development Host\] hostile\.md - /, 'the title is the workbench\'s own');
}, { continues: true });
